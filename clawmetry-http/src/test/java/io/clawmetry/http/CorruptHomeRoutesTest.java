package io.clawmetry.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.ClawMetry;
import io.clawmetry.core.json.Json;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dashboard on a damaged home: one file of the example home (configuration, session index, cron jobs and runs,
 * sub-agent runs, a transcript, a database) is truncated, or has a run of bytes overwritten, by a seeded change; then
 * every page and every GET route of the JSON API, per session and per cron job, answers with a status below 500 and,
 * for JSON, a well-formed body.
 */
@Timeout(120)
class CorruptHomeRoutesTest {

  private static final String[] FILES = {
    "openclaw.json",
    "agents/main/sessions/sessions.json",
    "cron/jobs.json",
    "cron/runs/e8c01ef2-8018-4477-aca3-c86a5940bf70.jsonl",
    "subagents/runs.json",
    "agents/main/sessions/45a53c73-86e3-43f0-8592-70a3c00ff81c.jsonl",
    "agents/ops/agent/openclaw-agent.sqlite",
    "state/openclaw.sqlite",
  };

  @TempDir Path tmp;

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String f : FILES) {
      for (long seed = 1; seed <= 2; seed++) {
        out.add(Arguments.of(f, seed));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void everyRouteAnswersOnADamagedHome(String file, long seed) throws Exception {
    Path home = TestHomes.copyWithWorkspaceAndLog(tmp);
    Path target = home.resolve(file);
    byte[] b = Files.readAllBytes(target);
    Random r = new Random(seed * 7_919 + file.hashCode());
    if (r.nextBoolean()) {
      b = java.util.Arrays.copyOf(b, r.nextInt(b.length));
    } else {
      int at = r.nextInt(b.length);
      for (int i = at; i < Math.min(b.length, at + 1 + r.nextInt(64)); i++) {
        b[i] = (byte) r.nextInt(256);
      }
    }
    Files.write(target, b);
    try (ClawMetry cm = TestHomes.open(home, tmp.resolve("user"));
        TestServer srv = new TestServer(ClawMetryServer.builder().clawMetry(cm).clock(TestHomes.CLOCK))) {
      List<String> paths = new ArrayList<>(List.of("/", "/api/overview", "/api/flow", "/api/sessions",
          "/api/subagents", "/api/usage", "/api/usage?period=weekly", "/api/usage?period=session",
          "/api/usage.csv", "/api/crons", "/api/system-health", "/api/memory", "/api/logs", "/api/gateway",
          "/api/home", "/metrics"));
      for (JsonNode s : ok(srv, "/api/sessions").path("sessions")) {
        String key = URLEncoder.encode(s.path("key").asText(), StandardCharsets.UTF_8);
        paths.add("/api/sessions/" + key);
        paths.add("/api/timeline/" + key);
        paths.add("/api/transcript/" + key);
      }
      for (JsonNode j : ok(srv, "/api/crons").path("jobs")) {
        paths.add("/api/crons/" + URLEncoder.encode(j.path("id").asText(), StandardCharsets.UTF_8) + "/runs");
      }
      for (String p : paths) {
        ok(srv, p);
      }
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError("seed " + seed + ", " + file + " (" + b.length + " bytes)", e);
    }
  }

  /** Answers below 500; JSON bodies parse. Returns the JSON (or an empty object). */
  private static JsonNode ok(TestServer srv, String path) throws Exception {
    HttpResponse<String> r = srv.get(path);
    assertTrue(r.statusCode() < 500, path + ": " + r.statusCode() + " " + r.body());
    if (r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
      return Json.STRICT.readTree(r.body());
    }
    return Json.STRICT.createObjectNode();
  }
}
