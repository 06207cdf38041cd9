package io.clawmetry.core.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.gateway.ConnectionState;
import io.clawmetry.api.gateway.CronRunMode;
import io.clawmetry.api.gateway.CronRunResult;
import io.clawmetry.api.gateway.GatewayErrorKind;
import io.clawmetry.api.gateway.GatewayEvent;
import io.clawmetry.api.gateway.Hello;
import io.clawmetry.api.gateway.LiveCronJob;
import io.clawmetry.api.gateway.LiveCronRun;
import io.clawmetry.api.gateway.LiveSession;
import io.clawmetry.api.gateway.Page;
import io.clawmetry.api.gateway.SessionsUsage;
import io.clawmetry.api.gateway.UsageCost;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The client against the real gateway {@code openclaw@2026.9.6}. Run only by {@code it/real-gateway.sh}, which
 * installs OpenClaw, configures a scratch home, and runs this class inside a loopback-only network namespace; this
 * class starts the gateway there, kills it and starts it again. Prints {@code real-gateway:} lines for the record.
 */
@Tag("real-gateway")
@EnabledIfEnvironmentVariable(named = "CLAWMETRY_IT_GATEWAY", matches = "1")
class RealGatewayIT {

  private static final Map<String, String> ENV = System.getenv();
  private static final Path LAB = Path.of(ENV.getOrDefault("CLAWMETRY_IT_LAB", "/nonexistent"));
  private static final String TOKEN = ENV.get("CLAWMETRY_IT_TOKEN");
  private static final URI URL = URI.create("ws://127.0.0.1:" + ENV.get("CLAWMETRY_IT_PORT") + "/");
  private static Process gateway;
  private static int starts;

  static void say(String line) {
    System.out.println("real-gateway: " + line);
  }

  @BeforeAll
  static void startGateway() throws Exception {
    gateway = launch();
  }

  @AfterAll
  static void stopGateway() throws Exception {
    stop(gateway);
  }

  private static Process launch() throws IOException {
    starts++;
    ProcessBuilder pb = openclaw("gateway", "run", "--bind", "loopback", "--port", ENV.get("CLAWMETRY_IT_PORT"));
    pb.redirectErrorStream(true).redirectOutput(LAB.resolve("run/gateway-" + starts + ".out").toFile());
    Process p = pb.start();
    say("gateway start #" + starts + ": pid " + p.pid());
    return p;
  }

  /** The openclaw CLI with the scratch home's environment (and nothing else). */
  private static ProcessBuilder openclaw(String... args) {
    List<String> cmd = new ArrayList<>(List.of(ENV.get("CLAWMETRY_IT_OPENCLAW")));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Map<String, String> e = pb.environment();
    e.clear();
    e.put("HOME", LAB.resolve("home").toString());
    e.put("OPENCLAW_STATE_DIR", LAB.resolve("home/.openclaw").toString());
    e.put("OPENCLAW_CONFIG_PATH", LAB.resolve("home/.openclaw/openclaw.json").toString());
    e.put("TMPDIR", LAB.resolve("tmp").toString());
    e.put("PATH", ENV.get("CLAWMETRY_IT_NODE_BIN") + ":/usr/bin:/bin");
    e.put("OPENCLAW_NO_AUTO_UPDATE", "1");
    e.put("DO_NOT_TRACK", "1");
    e.put("CLAWHUB_DISABLE_TELEMETRY", "1");
    e.put("NODE_NO_WARNINGS", "1");
    return pb;
  }

  private static void stop(Process p) throws InterruptedException {
    if (p == null) {
      return;
    }
    List<ProcessHandle> children = p.descendants().toList();
    p.destroy(); // SIGTERM, by PID
    boolean exited = p.waitFor(20, TimeUnit.SECONDS);
    if (!exited) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
    for (ProcessHandle c : children) {
      c.onExit().completeOnTimeout(c, 10, TimeUnit.SECONDS).join();
    }
    long alive = children.stream().filter(ProcessHandle::isAlive).count();
    say("gateway pid " + p.pid() + " stopped (" + (exited ? "SIGTERM" : "SIGKILL") + "), children alive: " + alive);
    assertEquals(0, alive, "gateway child processes survived");
  }

  private static GatewayClient.Builder client(Path store) {
    return GatewayClient.builder(URL).token(TOKEN).deviceStore(new DeviceStore(store)).clientVersion("it")
        .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60))
        .startupRetryBudget(Duration.ofSeconds(60))
        .backoff(Duration.ofMillis(500), Duration.ofSeconds(3));
  }

  /** Connects, retrying "connection refused" while the gateway boots (7–20 s on 2 vCPUs). */
  private static Hello connectWhenUp(GatewayClient c, Duration max) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    long t0 = System.nanoTime();
    while (true) {
      try {
        Hello h = c.connect();
        say("connected after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms");
        return h;
      } catch (GatewayException e) {
        if (e.kind() != GatewayErrorKind.GATEWAY_DOWN || System.nanoTime() > end) {
          throw e;
        }
        Thread.sleep(500);
      }
    }
  }

  private static <T> T poll(Duration max, Supplier<T> f) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < end) {
      T v = f.get();
      if (v != null) {
        return v;
      }
      Thread.sleep(1000);
    }
    return null;
  }

  @Test
  void theClientAgainstTheRealGateway() throws Exception {
    Path store = Files.createTempDirectory(LAB, "clawmetry-home");
    List<GatewayEvent> events = new CopyOnWriteArrayList<>();
    try (GatewayClient read = client(store).build()) {
      Hello h = connectWhenUp(read, Duration.ofSeconds(180));
      say("hello: server " + h.serverVersion() + ", protocol " + h.protocol() + ", auth " + h.authMethod()
          + ", scopes " + h.grantedScopes() + ", " + h.methods().size() + " methods, " + h.events().size()
          + " events, device " + read.deviceId());
      assertEquals(4, h.protocol());
      assertEquals("2026.9.6", h.serverVersion());
      assertEquals(List.of("operator.read"), h.grantedScopes());
      assertTrue(new DeviceStore(store).token(URL.toString(), read.deviceId()).isPresent(), "device token issued");
    }

    // reconnect with the device token only
    GatewayClient read = client(store).build();
    read.addListener(events::add);
    Hello again = read.connect();
    say("reconnect: auth " + again.authMethod() + ", scopes " + again.grantedScopes());
    assertEquals("device-token", again.authMethod());

    // every read method
    say("health: ok=" + read.health().ok() + ", agents " + read.health().agents());
    say("status: runtime " + read.serverStatus().runtimeVersion() + ", sessions " + read.serverStatus().sessionCount());
    say("sessions.list: " + read.allSessions().size() + " sessions");
    say("cron.status: " + read.cronStatus());
    List<LiveCronJob> builtIn = read.cronJobs();
    say("cron.list: " + builtIn.stream().map(LiveCronJob::name).toList());
    assertTrue(builtIn.size() >= 3, "the three built-in jobs");
    say("cron.runs (all): " + read.cronRuns(null, 20).total());
    say("tasks.list: " + read.tasks().size());
    say("logs.tail: " + read.logsTail(null, 20).lines().size() + " lines, cursor " + read.logsTail(null, 20).cursor());
    String cfg = read.config().configJson();
    assertFalse(cfg.contains(TOKEN), "config.get is redacted");
    say("config.get: redacted=" + cfg.contains("__OPENCLAW_REDACTED__"));
    say("models.list: " + read.models().stream().map(m -> m.provider() + "/" + m.id()).toList());
    say("system-presence: " + read.presence().size() + " entries");
    UsageCost cost = read.usageCost(7);
    say("usage.cost: cacheStatus " + cost.cacheStatus().status() + ", provisional " + cost.provisional()
        + ", total tokens " + cost.totals().totalTokens());

    // writes need operator.admin: refused on the read-only connection
    GatewayException forbidden = assertThrows(GatewayException.class,
        () -> read.cronRun(builtIn.get(0).id(), CronRunMode.DUE));
    assertEquals(GatewayErrorKind.MISSING_SCOPE, forbidden.kind());
    say("cron.run with operator.read: " + forbidden.getMessage());

    try (GatewayClient admin = client(store).admin(true).build()) {
      Hello ah = admin.connect();
      say("admin connect: auth " + ah.authMethod() + ", scopes " + ah.grantedScopes());
      LiveCronJob added = admin.cronAdd("{name:'clawmetry-it', schedule:{kind:'cron', expr:'0 9 * * *', tz:'UTC'},"
          + " sessionTarget:'isolated', wakeMode:'now', payload:{kind:'agentTurn', message:'Hello from the ClawMetry"
          + " integration test.'}, delivery:{mode:'none'}}");
      say("cron.add: " + added.id() + " " + added.schedule());
      assertTrue(added.enabled());
      assertFalse(admin.cronSetEnabled(added.id(), false).enabled());
      assertFalse(find(read.cronJobs(), added.id()).enabled(), "read client sees it disabled");
      assertTrue(admin.cronSetEnabled(added.id(), true).enabled());
      assertTrue(find(read.cronJobs(), added.id()).enabled());
      say("cron.update: disabled and re-enabled");
      CronRunResult run = admin.cronRun(added.id(), CronRunMode.FORCE);
      say("cron.run: ok " + run.ok() + ", enqueued " + run.enqueued() + ", runId " + run.runId());
      assertTrue(run.ok());
      LiveCronRun done = poll(Duration.ofSeconds(180), () -> {
        Page<LiveCronRun> p = read.cronRuns(added.id(), 10);
        return p.items().isEmpty() ? null : p.items().get(0);
      });
      assertNotNull(done, "the run appears in cron.runs");
      say("cron.runs: status " + done.status() + ", " + done.durationMs() + " ms, model " + done.provider() + "/"
          + done.model() + ", session " + done.sessionKey());
      List<LiveSession> sessions = read.allSessions();
      say("sessions.list after the run: " + sessions.stream().map(LiveSession::key).toList());
      // the run's key is "<session key>:run:<session id>"; the per-session methods take the session key
      String key = done.sessionKey() == null ? null : done.sessionKey().replaceFirst(":run:.*$", "");
      assertTrue(sessions.stream().anyMatch(x -> x.key().equals(key)), "the run's session is listed: " + key);
      say("chat.history(" + key + "): " + read.chatHistory(key, 50).messagesJson().size() + " messages");
      say("sessions.usage.timeseries: " + read.usageTimeseries(key).points().size() + " points");
      say("sessions.usage.logs: " + read.usageLogs(key, 50).size() + " entries");
      SessionsUsage su = poll(Duration.ofSeconds(90), () -> {
        SessionsUsage u = read.sessionsUsage("7d", null);
        return u.provisional() ? null : u;
      });
      say("sessions.usage: " + (su == null ? "still provisional after 90 s"
          : "fresh, " + su.sessions().size() + " sessions, " + su.totals().totalTokens() + " tokens, $"
              + su.totals().totalCost()));
      admin.cronRemove(added.id());
      assertTrue(read.cronJobs().stream().noneMatch(j -> j.id().equals(added.id())));
      say("cron.remove: removed");
    }
    List<String> names = events.stream().map(GatewayEvent::event).distinct().toList();
    say("events seen: " + names);
    assertTrue(names.contains("cron"), "cron events are broadcast");

    // kill the gateway: the client reports it, then reconnects when it is back
    stop(gateway);
    boolean down = GatewayTesting.eventually(30_000, () -> read.status().state() != ConnectionState.CONNECTED);
    say("after kill: " + read.status().state() + " - " + read.status().reason());
    assertTrue(down);
    GatewayException whileDown = assertThrows(GatewayException.class, read::health);
    say("call while down: " + whileDown.getMessage());
    gateway = launch();
    boolean back = GatewayTesting.eventually(180_000, () -> read.status().connected());
    say("after restart: " + read.status().state() + ", health ok=" + (back && read.health().ok()));
    assertTrue(back, "reconnected: " + read.status());
    read.close();
    List<String> after = new ArrayList<>(events.stream().map(GatewayEvent::event).toList());
    assertTrue(after.contains("clawmetry.disconnected"));

    pairedOnlyOnceTheOperatorApproves();
    pinnedToTheGatewaysOwnCertificate(store);
  }

  /**
   * {@code gateway.nodes.pairing.autoApproveLocal: false} makes even a loopback device wait for the operator, as a
   * remote one does: a new ClawMetry device is refused with the pairing request's id, {@code openclaw devices approve
   * <requestId>} (the command the error names) approves it, and the next connection is paired and keeps its device
   * token.
   */
  private static void pairedOnlyOnceTheOperatorApproves() throws Exception {
    stop(gateway);
    run("config-set-pairing", "config", "set", "gateway.nodes.pairing.autoApproveLocal", "false", "--strict-json");
    gateway = launch();
    Path fresh = Files.createTempDirectory(LAB, "clawmetry-new-device");
    try (GatewayClient c = client(fresh).autoReconnect(false).build()) {
      GatewayException refused = assertThrows(GatewayException.class, () -> connectWhenUp(c, Duration.ofSeconds(180)));
      say("pairing: new device " + c.deviceId() + " refused: " + refused.getMessage());
      assertEquals(GatewayErrorKind.PAIRING_REQUIRED, refused.kind());
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("`openclaw devices approve ([^`]+)`").matcher(refused.getMessage());
      assertTrue(m.find(), refused.getMessage());
      String requestId = m.group(1);
      String approved = run("devices-approve", "devices", "approve", requestId);
      say("pairing: openclaw devices approve " + requestId + ": " + approved.strip().replace('\n', ' '));
      Hello h = c.connect();
      say("pairing: after approval: auth " + h.authMethod() + ", scopes " + h.grantedScopes());
      assertEquals(List.of("operator.read"), h.grantedScopes());
      assertTrue(new DeviceStore(fresh).token(URL.toString(), c.deviceId()).isPresent(), "device token issued");
    }
  }

  /** Runs the openclaw CLI to the end (at most two minutes); returns its output, failing on a non-zero exit. */
  private static String run(String name, String... args) throws Exception {
    Path out = LAB.resolve("run/" + name + ".out");
    Process p = openclaw(args).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "openclaw " + String.join(" ", args) + " finished");
    String text = Files.readString(out);
    assertEquals(0, p.exitValue(), "openclaw " + String.join(" ", args) + ": " + text);
    return text;
  }

  /**
   * {@code gateway.tls.enabled: true}: the gateway makes its own self-signed certificate (openssl) at its start; the
   * client built from discovery pins it through the certificate file (read at connection, so discovery may run before
   * the file exists), while an unpinned or wrongly pinned client is refused.
   */
  private static void pinnedToTheGatewaysOwnCertificate(Path store) throws Exception {
    stop(gateway);
    Process set = openclaw("config", "set", "gateway.tls.enabled", "true", "--strict-json")
        .redirectErrorStream(true).redirectOutput(LAB.resolve("run/config-set-tls.out").toFile()).start();
    assertTrue(set.waitFor(120, TimeUnit.SECONDS), "openclaw config set finished");
    assertEquals(0, set.exitValue(), "openclaw config set gateway.tls.enabled true");
    Path stateDir = LAB.resolve("home/.openclaw");
    io.clawmetry.core.discovery.Environment env = io.clawmetry.core.discovery.Environment.of(
        Map.of("OPENCLAW_STATE_DIR", stateDir.toString(), "CLAWMETRY_HOME", store.toString()), LAB.resolve("home"));
    io.clawmetry.core.discovery.HomeLayout layout = new io.clawmetry.core.discovery.HomeLocator(env).locate(null);
    assertTrue(layout.gateway().tls(), "discovery sees gateway.tls.enabled");
    Path cert = stateDir.resolve("gateway/tls/gateway-cert.pem");
    assertEquals(cert.toAbsolutePath().normalize().toString(), layout.gateway().tlsPin().certificateFile());
    gateway = launch();
    try (GatewayClient pinned = GatewayConnector.builder(layout, env, null, TOKEN).clientVersion("it")
        .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60))
        .startupRetryBudget(Duration.ofSeconds(60)).autoReconnect(false).build()) {
      Hello h = connectWhenUp(pinned, Duration.ofSeconds(180));
      String fingerprint = io.clawmetry.core.tls.TlsFingerprints.ofPemFile(cert);
      say("tls: connected to " + pinned.status().url() + " pinned to sha256:" + fingerprint + " (" + cert
          + "), protocol " + h.protocol());
      assertTrue(pinned.status().url().startsWith("wss://127.0.0.1:"), pinned.status().url());
      assertEquals(4, h.protocol());
      assertTrue(pinned.health().ok());
      URI wss = URI.create(pinned.status().url());
      try (GatewayClient unpinned = GatewayClient.builder(wss).token(TOKEN).deviceStore(new DeviceStore(store))
          .autoReconnect(false).build()) {
        GatewayException e = assertThrows(GatewayException.class, unpinned::connect);
        say("tls: unpinned: " + e.getMessage());
        assertEquals(GatewayErrorKind.TLS_UNTRUSTED, e.kind());
      }
      String other = fingerprint.startsWith("00") ? "11" + fingerprint.substring(2) : "00" + fingerprint.substring(2);
      try (GatewayClient wrong = GatewayClient.builder(wss).token(TOKEN).deviceStore(new DeviceStore(store))
          .tlsFingerprint(other).autoReconnect(false).build()) {
        GatewayException e = assertThrows(GatewayException.class, wrong::connect);
        say("tls: wrong pin: " + e.getMessage());
        assertEquals("TLS certificate pin mismatch at " + wss + ": expected sha256:" + other
            + ", the server presented sha256:" + fingerprint + " (connection refused)", e.getMessage());
      }
    }
  }

  private static LiveCronJob find(List<LiveCronJob> jobs, String id) {
    return jobs.stream().filter(j -> j.id().equals(id)).findFirst().orElseThrow();
  }
}
