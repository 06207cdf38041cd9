package io.clawmetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.gateway.FakeGateway;
import io.clawmetry.core.json.Json;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code gateway status}, {@code crons}, {@code crons runs|enable|disable|run}, {@code logs} against a replaying fake. */
@Timeout(60)
class GatewayCliTest {

  static final String DIGEST = "73e9eb0b-fe71-4e50-9141-5ebe8f038852";

  @TempDir Path tmp;

  private Environment env() {
    return Environment.of(Map.of("CLAWMETRY_HOME", tmp.resolve("cm").toString()), tmp.resolve("user"));
  }

  private CliRun run(String... args) {
    return CliRun.run(env(), args);
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void gatewayStatusText() throws Exception {
    try (FakeGateway gw = new FakeGateway(new CliReplayGateway())) {
      CliRun r = run("gateway", "status", "--home", CliRun.exampleHome().toString(), "--gateway-url",
          gw.uri().toString(), "--gateway-token", "t");
      assertEquals(0, r.exitCode, r.err);
      List<String> lines = r.out.lines().toList();
      assertEquals("Gateway      " + gw.uri() + "  connected", lines.get(0));
      assertEquals("Version      2026.9.6, protocol 4, up 0m 34s", lines.get(1));
      assertTrue(lines.get(2).startsWith("Auth         token, scopes operator.read, device "), lines.get(2));
      assertEquals("Features     466 methods, 64 events", lines.get(3));
      assertEquals("Health       ok", lines.get(4));
      assertEquals("  agent main: 1 session(s) (cached)", lines.get(5));
      assertEquals("Sessions     5", lines.get(6));
      assertTrue(Files.isRegularFile(tmp.resolve("cm/device/ed25519.pkcs8")), "device key in CLAWMETRY_HOME");
    }
  }

  @Test
  void gatewayStatusJson() throws Exception {
    try (FakeGateway gw = new FakeGateway(new CliReplayGateway())) {
      CliRun r = run("gateway", "status", "--json", "--gateway-url", gw.uri().toString(), "--gateway-token", "t",
          "--home", CliRun.exampleHome().toString());
      assertEquals(0, r.exitCode, r.err);
      JsonNode j = Json.STRICT.readTree(r.out);
      assertEquals("connected", j.path("state").asText());
      assertEquals("2026.9.6", j.path("serverVersion").asText());
      assertEquals(4, j.path("protocol").asInt());
      assertEquals("[\"operator.read\"]", j.path("grantedScopes").toString());
      assertEquals(5, j.path("sessions").asInt());
      assertTrue(j.path("health").path("ok").asBoolean());
      assertEquals(64, j.path("deviceId").asText().length());
    }
  }

  @Test
  void gatewayStatusDownIsOneLineAndExitCode1() throws Exception {
    int port = freePort();
    CliRun r = run("gateway", "status", "--gateway-url", "127.0.0.1:" + port, "--home",
        CliRun.exampleHome().toString());
    assertEquals(1, r.exitCode);
    assertEquals("Gateway      ws://127.0.0.1:" + port + "/  DOWN\n", r.out.replace("\r", ""));
    assertEquals("clawmetry: gateway down: nothing accepts connections at ws://127.0.0.1:" + port
        + "/ (connection refused)\n", r.err.replace("\r", ""));
  }

  @Test
  void cronsMergeFilesWithLiveState() throws Exception {
    try (FakeGateway gw = new FakeGateway(new CliReplayGateway())) {
      CliRun r = run("crons", "--json", "--home", CliRun.exampleHome().toString(), "--gateway-url",
          gw.uri().toString(), "--gateway-token", "t");
      assertEquals(0, r.exitCode, r.err);
      JsonNode j = Json.STRICT.readTree(r.out);
      assertTrue(j.path("live").asBoolean());
      int files = 0;
      int live = 0;
      for (JsonNode job : j.path("jobs")) {
        files += job.path("inFiles").asBoolean() ? 1 : 0;
        live += job.path("live").asBoolean() ? 1 : 0;
      }
      assertEquals(4, live, "the recorded gateway has 4 jobs");
      assertTrue(files >= 1, "the example home's file jobs are listed too");
      JsonNode digest = null;
      for (JsonNode job : j.path("jobs")) {
        if (job.path("id").asText().equals(DIGEST)) {
          digest = job;
        }
      }
      assertEquals("2026-11-24T09:00:00Z", digest.path("nextRunAt").asText());
      assertEquals("ok", digest.path("lastStatus").asText());
      assertEquals("cron 0 9 * * * UTC", digest.path("schedule").asText());
    }
  }

  @Test
  void cronsWithoutGatewayShowFileData() throws Exception {
    int port = freePort();
    CliRun r = run("crons", "--home", CliRun.exampleHome().toString(), "--gateway-url", "127.0.0.1:" + port);
    assertEquals(0, r.exitCode, r.err);
    String first = r.out.lines().findFirst().orElse("");
    assertEquals("gateway unreachable: showing file data (gateway down: nothing accepts connections at ws://127.0.0.1:"
        + port + "/ (connection refused))", first);
    assertTrue(r.out.contains("files"), r.out);
    assertFalse(r.out.contains("files+live"));
  }

  /**
   * Found by acceptance tester C: without a gateway, {@code crons runs JOB --json} printed the "gateway unreachable"
   * notice on stdout before the JSON, so stdout was not JSON. The notice goes to stderr; stdout is the JSON alone.
   */
  @Test
  void cronsRunsJsonWithoutGatewayIsJsonOnStdout() throws Exception {
    int port = freePort();
    CliRun r = run("crons", "--home", CliRun.exampleHome().toString(), "runs", "8ffb5d42", "--json",
        "--gateway-url", "127.0.0.1:" + port);
    assertEquals(0, r.exitCode, r.err);
    JsonNode arr = Json.STRICT.readTree(r.out);
    assertTrue(arr.isArray() && arr.size() >= 1, r.out);
    assertEquals("8ffb5d42-a447-4694-b628-ec66a39b22dd", arr.get(0).path("jobId").asText());
    assertTrue(r.err.contains("gateway unreachable: showing file data"), r.err);
  }

  @Test
  void cronsRunsLive() throws Exception {
    try (FakeGateway gw = new FakeGateway(new CliReplayGateway())) {
      CliRun r = run("crons", "--gateway-url", gw.uri().toString(), "--gateway-token", "t", "--home",
          CliRun.exampleHome().toString(), "runs", "lab-digest", "--json");
      assertEquals(0, r.exitCode, r.err);
      JsonNode arr = Json.STRICT.readTree(r.out);
      assertTrue(arr.size() >= 1);
      assertEquals("ok", arr.get(0).path("status").asText());
      assertEquals(DIGEST, arr.get(0).path("jobId").asText());
    }
  }

  @Test
  void managementNeedsYesWithoutATerminalAndAsksForAdmin() throws Exception {
    CliReplayGateway script = new CliReplayGateway();
    try (FakeGateway gw = new FakeGateway(script)) {
      String[] base = {"crons", "--gateway-url", gw.uri().toString(), "--gateway-token", "t", "--home",
          CliRun.exampleHome().toString()};
      CliRun refused = run(concat(base, "disable", "lab-digest"));
      assertEquals(2, refused.exitCode);
      assertEquals("clawmetry: refusing to disable cron job 'lab-digest' without confirmation: no terminal to ask on;"
          + " pass --yes\n", refused.err.replace("\r", ""));
      assertFalse(script.methods().contains("cron.update"), "nothing written without confirmation");

      CliRun off = run(concat(base, "disable", "lab-digest", "--yes"));
      assertEquals(0, off.exitCode, off.err);
      assertEquals("Disabled cron job 'lab-digest'.\n", off.out.replace("\r", ""));
      CliRun runNow = run(concat(base, "run", DIGEST.substring(0, 8), "--yes"));
      assertEquals(0, runNow.exitCode, runNow.err);
      assertEquals("Enqueued a run of 'lab-digest' (manual:" + DIGEST + ":1795494657708:2).\n",
          runNow.out.replace("\r", ""));
      long adminConnects = script.requests.stream()
          .filter(f -> f.path("method").asText().equals("connect"))
          .filter(f -> f.path("params").path("scopes").toString().equals("[\"operator.read\",\"operator.admin\"]"))
          .count();
      assertEquals(3, adminConnects, "every management command connects with operator.admin");
      JsonNode update = script.requests.stream().filter(f -> f.path("method").asText().equals("cron.update"))
          .findFirst().orElseThrow();
      assertEquals("{\"id\":\"" + DIGEST + "\",\"patch\":{\"enabled\":false}}", update.path("params").toString());
    }
  }

  @Test
  void editAndAddWithOptionsAfterTheSubcommand() throws Exception {
    CliReplayGateway script = new CliReplayGateway();
    try (FakeGateway gw = new FakeGateway(script)) {
      CliRun edit = run("crons", "edit", "lab-digest", "{enabled:false}", "--yes", "--gateway-url",
          gw.uri().toString(), "--gateway-token", "t", "--home", CliRun.exampleHome().toString());
      assertEquals(0, edit.exitCode, edit.err);
      assertEquals("Updated cron job 'lab-digest' (cron 0 9 * * * UTC, disabled).\n", edit.out.replace("\r", ""));
      // the recording has no cron.add: the fake answers INVALID_REQUEST, shown as one line
      CliRun add = run("crons", "add", "{name:'x', schedule:{kind:'every', everyMs:60000}}", "--yes",
          "--gateway-url", gw.uri().toString(), "--gateway-token", "t", "--home", CliRun.exampleHome().toString());
      assertEquals(1, add.exitCode);
      assertEquals("clawmetry: cron.add: the gateway rejected the request: unknown method cron.add\n",
          add.err.replace("\r", ""));
      JsonNode sent = script.requests.stream().filter(f -> f.path("method").asText().equals("cron.add"))
          .findFirst().orElseThrow();
      assertEquals("{\"name\":\"x\",\"schedule\":{\"kind\":\"every\",\"everyMs\":60000}}",
          sent.path("params").toString());
    }
  }

  @Test
  void logsRenderTslogLines() throws Exception {
    try (FakeGateway gw = new FakeGateway(new CliReplayGateway())) {
      CliRun r = run("logs", "--gateway-url", gw.uri().toString(), "--gateway-token", "t", "--home",
          CliRun.exampleHome().toString(), "-n", "40");
      assertEquals(0, r.exitCode, r.err);
      List<String> lines = r.out.lines().toList();
      assertEquals(40, lines.size());
      assertTrue(lines.get(0).matches("2026-11-24T04:\\d\\d:\\d\\d\\.\\d+\\+00:00 INFO \\[gateway/health-monitor\\]"
          + " started \\(interval: 300s.*"), lines.get(0));
      CliRun raw = run("logs", "--json", "--gateway-url", gw.uri().toString(), "--gateway-token", "t", "--home",
          CliRun.exampleHome().toString());
      assertTrue(raw.out.lines().allMatch(l -> l.startsWith("{")));
    }
  }

  @Test
  void logsFollowPollsWithTheCursor() throws Exception {
    CliReplayGateway script = new CliReplayGateway();
    try (FakeGateway gw = new FakeGateway(script)) {
      CliRun r = run("logs", "--follow", "--polls", "3", "--interval-ms", "10", "--gateway-url", gw.uri().toString(),
          "--gateway-token", "t", "--home", CliRun.exampleHome().toString());
      assertEquals(0, r.exitCode, r.err);
      List<JsonNode> tails = script.requests.stream().filter(f -> f.path("method").asText().equals("logs.tail"))
          .toList();
      assertEquals(3, tails.size());
      assertFalse(tails.get(0).path("params").has("cursor"));
      assertEquals(41395, tails.get(1).path("params").path("cursor").asLong());
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
