package io.clawmetry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.HealthQuery;
import io.clawmetry.core.json.Json;
import io.clawmetry.core.view.JsonViews;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every GET route of the JSON API on examples/home, with the numbers of examples/home-truth.json. */
@Timeout(60)
class ApiRoutesTest {

  @TempDir static Path tmp;
  static ClawMetry cm;
  static TestServer srv;
  static JsonNode truth;

  @BeforeAll
  static void start() throws Exception {
    Path home = TestHomes.copyWithWorkspaceAndLog(tmp);
    cm = TestHomes.open(home, tmp.resolve("user"));
    srv = new TestServer(ClawMetryServer.builder().clawMetry(cm).clock(TestHomes.CLOCK));
    truth = TestHomes.truth();
  }

  @AfterAll
  static void stop() {
    srv.close();
    cm.close();
  }

  static JsonNode json(String path) throws Exception {
    HttpResponse<String> r = srv.get(path);
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
    return Json.STRICT.readTree(r.body());
  }

  static void assertTokens(JsonNode expected, JsonNode row, String what) {
    assertEquals(expected.get("input").asLong(), row.get("inputTokens").asLong(), what + " input");
    assertEquals(expected.get("output").asLong(), row.get("outputTokens").asLong(), what + " output");
    assertEquals(expected.get("cacheRead").asLong(), row.get("cacheReadTokens").asLong(), what + " cacheRead");
    assertEquals(expected.get("cacheWrite").asLong(), row.get("cacheCreationTokens").asLong(), what + " cacheWrite");
    assertEquals(expected.get("totalTokens").asLong(), row.get("totalTokens").asLong(), what + " total");
    assertEquals(expected.get("modelCalls").asLong(), row.get("calls").asLong(), what + " calls");
  }

  @Test
  void usageTotalsEqualTheTruth() throws Exception {
    JsonNode u = json("/api/usage?period=daily&tz=UTC&mode=display");
    assertTokens(truth.get("totals"), u.get("totals"), "totals");
    assertEquals(0, new BigDecimal("1.1757395").compareTo(u.get("totals").get("totalCost").decimalValue()));
    int days = 0;
    for (JsonNode day : u.get("daily")) {
      JsonNode t = truth.get("byDay").get("UTC").get(day.get("date").asText());
      if (t == null) { // a day with failed calls only
        assertEquals(0, day.get("calls").asLong(), day.toString());
        assertTrue(day.get("errors").asLong() > 0, day.toString());
        continue;
      }
      days++;
      assertTokens(t, day, day.get("date").asText());
    }
    assertEquals(truth.get("byDay").get("UTC").size(), days);
    JsonNode auto = json("/api/usage?tz=UTC");
    assertEquals("auto", auto.get("costMode").asText());
    // auto = recorded + the one missing-cost message estimated from the configured price
    BigDecimal est = new BigDecimal(truth.get("missingCost").get(0).get("estimatedCostFromConfig").asText());
    assertEquals(0, new BigDecimal("1.1757395").add(est).compareTo(auto.get("totals").get("totalCost").decimalValue()));
  }

  @Test
  void usageByAgentAndModelEqualTheTruth() throws Exception {
    JsonNode byAgent = json("/api/usage?period=agent&tz=UTC&mode=display");
    assertEquals(3, byAgent.get("agents").size());
    for (JsonNode row : byAgent.get("agents")) {
      String a = row.get("agent").asText();
      assertTokens(truth.get("byAgent").get(a), row, a);
      assertEquals(0, new BigDecimal(truth.get("byAgent").get(a).get("recordedCost").asText())
          .compareTo(row.get("totalCost").decimalValue()), a);
    }
    JsonNode byModel = json("/api/usage?period=model&mode=display");
    assertEquals(truth.get("byModel").size(), byModel.get("models").size());
  }

  @Test
  void usageCsvIsTheCliCsv() throws Exception {
    HttpResponse<String> r = srv.get("/api/usage.csv?period=daily&tz=UTC");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
    Path golden = TestHomes.repoRoot().resolve("clawmetry-cli/src/test/resources/golden/usage-daily.csv");
    String expected = Files.readString(golden, StandardCharsets.UTF_8).replace("\r\n", "\n");
    assertEquals(expected, r.body().replace("\r\n", "\n"));
    assertTrue(r.body().contains("\r\n"), "RFC 4180 line ends");
  }

  @Test
  void badUsageParametersAre400() throws Exception {
    for (String q : List.of("period=hourly", "since=2026-13-01", "tz=Mars/Base", "mode=guess",
        "since=2026-11-10&until=2026-11-01", "agent=../x")) {
      HttpResponse<String> r = srv.get("/api/usage?" + q);
      assertEquals(400, r.statusCode(), q);
      assertTrue(r.body().startsWith("{\"error\":"), q);
    }
  }

  @Test
  void overview() throws Exception {
    JsonNode o = json("/api/overview?tz=UTC");
    assertEquals("2026-11-20", o.get("today").asText());
    assertEquals(16, o.get("sessions").asInt());
    JsonNode auto = json("/api/usage?period=monthly&tz=UTC");
    assertEquals(0, auto.get("totals").get("totalCost").decimalValue().compareTo(o.get("costThisMonth").decimalValue()));
    assertEquals(1, o.get("failingCrons").size());
    assertEquals("Repo health", o.get("failingCrons").get(0).get("name").asText());
  }

  @Test
  void sessionsAndFilters() throws Exception {
    JsonNode all = json("/api/sessions");
    assertEquals(16, all.get("sessions").size());
    int ops = 0;
    for (JsonNode s : all.get("sessions")) {
      ops += "ops".equals(s.get("agentId").asText()) ? 1 : 0;
    }
    JsonNode f = json("/api/sessions?agent=ops");
    assertEquals(ops, f.get("sessions").size());
    assertTrue(ops > 0);
    assertEquals(2, json("/api/sessions?kind=subagent&agent=main").get("sessions").size());
    assertEquals(1, json("/api/sessions?status=failed").get("sessions").size());
  }

  @Test
  void oneSessionHasItsUsage() throws Exception {
    for (String key : List.of("agent:main:main", "agent:ops:main", "agent:main:telegram:direct:4242")) {
      JsonNode s = json("/api/sessions/" + key);
      assertEquals(key, s.get("session").get("key").asText());
      JsonNode t = truth.get("bySessionKey").get(key);
      JsonNode tok = s.get("usage").get("tokens");
      assertEquals(t.get("totalTokens").asLong(), tok.get("total").asLong(), key);
      assertEquals(t.get("input").asLong(), tok.get("input").asLong(), key);
      assertEquals(t.get("modelCalls").asLong(), s.get("usage").get("calls").asLong(), key);
    }
    JsonNode main = json("/api/sessions/agent%3Amain%3Amain");
    JsonNode mainSession = main.get("session");
    assertEquals(25090L, mainSession.get("contextTokens").asLong());
    assertEquals(1000000L, mainSession.get("contextWindow").asLong());
    assertEquals("2.5", mainSession.get("contextPercent").asText());
    assertEquals(List.of("agent:main:subagent:e3e1ff5d-61a7-444f-9ca9-49f98ea1865b"), texts(main.get("children")));
    assertEquals(404, srv.get("/api/sessions/agent:main:nope").statusCode());
  }

  @Test
  void timelineTurnsAddUpToTheSession() throws Exception {
    for (String key : List.of("agent:main:main", "agent:ops:main", "agent:research:main")) {
      JsonNode tl = json("/api/timeline/" + key);
      JsonNode t = truth.get("bySessionKey").get(key);
      long tokens = 0;
      long calls = 0;
      for (JsonNode turn : tl.get("turns")) {
        tokens += turn.get("tokens").get("total").asLong();
        calls += turn.get("calls").asLong();
        for (JsonNode step : turn.get("steps")) {
          if ("assistant".equals(step.get("kind").asText()) && !step.get("latencyMs").isNull()) {
            assertTrue(step.get("latencyMs").asLong() >= 0, key + " latency");
          }
        }
      }
      assertEquals(t.get("totalTokens").asLong(), tokens, key + " tokens");
      assertEquals(t.get("totalTokens").asLong(), tl.get("totals").get("tokens").get("total").asLong(), key);
      assertEquals(t.get("modelCalls").asLong(), calls, key + " calls");
      assertTrue(tl.get("turns").size() > 1, key);
    }
  }

  @Test
  void timelineCostsAreTheUsageCostsOfEachSession() throws Exception {
    JsonNode bySession = json("/api/usage?period=session&tz=UTC");
    BigDecimal sum = BigDecimal.ZERO;
    int estimated = 0;
    for (JsonNode row : bySession.get("sessions")) {
      String key = row.get("sessionId").asText();
      JsonNode totals = json("/api/timeline/" + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8))
          .get("totals");
      assertEquals(0, row.get("totalCost").decimalValue().compareTo(totals.get("cost").decimalValue()), key);
      assertEquals(row.get("costSource").asText(), totals.get("costSource").asText(), key);
      // the synthetic rows (delivery-mirror, gateway-injected) are no calls in the timeline either
      assertEquals(row.get("calls").asLong(), totals.get("calls").asLong(), key + " calls");
      assertEquals(row.get("errors").asLong(), totals.get("errors").asLong(), key + " errors");
      assertEquals(row.get("totalTokens").asLong(), totals.get("tokens").get("total").asLong(), key + " tokens");
      sum = sum.add(totals.get("cost").decimalValue());
      estimated += List.of("estimated", "mixed").contains(totals.get("costSource").asText()) ? 1 : 0;
    }
    assertEquals(16, bySession.get("sessions").size());
    assertEquals(0, bySession.get("totals").get("totalCost").decimalValue().compareTo(sum));
    assertEquals(1, estimated, "the session with the one call OpenClaw recorded no cost for");
    // the same in the other cost modes, when the views are asked for them
    for (String mode : List.of("calculate", "display")) {
      JsonNode rows = json("/api/usage?period=session&tz=UTC&mode=" + mode);
      for (JsonNode row : rows.get("sessions")) {
        String key = java.net.URLEncoder.encode(row.get("sessionId").asText(), java.nio.charset.StandardCharsets.UTF_8);
        JsonNode totals = json("/api/timeline/" + key + "?mode=" + mode).get("totals");
        assertEquals(0, row.get("totalCost").decimalValue().compareTo(totals.get("cost").decimalValue()), mode + " " + key);
        assertEquals(row.get("costSource").asText(), totals.get("costSource").asText(), mode + " " + key);
        assertEquals(row.get("calls").asLong(), totals.get("calls").asLong(), mode + " " + key + " calls");
        assertEquals(row.get("errors").asLong(), totals.get("errors").asLong(), mode + " " + key + " errors");
        assertEquals(row.get("totalTokens").asLong(), totals.get("tokens").get("total").asLong(), mode + " " + key);
      }
    }
    assertEquals(400, srv.get("/api/timeline/agent%3Amain%3Amain?mode=cheap").statusCode());
  }

  @Test
  void transcriptFilteredByType() throws Exception {
    JsonNode all = json("/api/transcript/agent:ops:main");
    JsonNode tools = json("/api/transcript/agent:ops:main?types=toolCall,toolResult");
    assertTrue(tools.get("events").size() > 0);
    assertTrue(tools.get("events").size() < all.get("events").size());
    JsonNode golden =
        Json.STRICT.readTree(
            TestHomes.repoRoot().resolve("clawmetry-cli/src/test/resources/golden/transcript-tools.json").toFile());
    assertEquals(golden.get("events").size(), tools.get("events").size(), "same events as the CLI");
    for (JsonNode e : tools.get("events")) {
      boolean call = false;
      for (JsonNode b : e.path("content")) {
        call |= "toolCall".equals(b.get("type").asText());
      }
      assertTrue(call || "toolResult".equals(e.get("role").asText()));
    }
    assertEquals(400, srv.get("/api/transcript/agent:ops:main?types=bogus").statusCode());
    assertEquals(404, srv.get("/api/transcript/agent:ops:none").statusCode());
  }

  @Test
  void subagentTreeMatchesTheTruth() throws Exception {
    JsonNode s = json("/api/subagents");
    Set<String> roots = new HashSet<>();
    s.get("tree").forEach(n -> roots.add(n.get("sessionKey").asText()));
    Set<String> expected = new HashSet<>();
    truth.get("subagentTree").forEach(n -> expected.add(n.get("key").asText()));
    assertEquals(expected, roots);
    JsonNode main = null;
    for (JsonNode n : s.get("tree")) {
      main = "agent:main:main".equals(n.get("sessionKey").asText()) ? n : main;
    }
    assertNotNull(main);
    assertEquals("agent:main:subagent:9a01ba7b-b82e-4d83-a921-bbec33626deb",
        main.get("children").get(0).get("children").get(0).get("sessionKey").asText());
    assertTrue(main.get("totalCost").decimalValue().compareTo(main.get("ownCost").decimalValue()) > 0);
    assertTrue(s.get("runs").size() > 0);
  }

  /**
   * {@code GET /api/subagents} carries the warnings that concern the tree (here the example home's two transcript
   * warnings: its costs come from those transcripts), the same as {@code clawmetry subagents --json}: both print
   * {@link io.clawmetry.core.view.JsonViews#subagents}.
   */
  @Test
  void subagentsCarryTheTreesWarnings() throws Exception {
    JsonNode s = json("/api/subagents");
    List<String> kinds = new java.util.ArrayList<>();
    s.get("warnings").forEach(w -> kinds.add(w.get("kind").asText() + " " + w.get("source").asText()
        .replaceAll(".*/", "")));
    assertEquals(List.of("INCOMPLETE_LINE 45a53c73-86e3-43f0-8592-70a3c00ff81c.jsonl",
        "MALFORMED_LINE f1494495-0858-47bc-be0e-b540f9ac8b0a.jsonl"), kinds);
    assertEquals(3, s.get("runs").size());
    assertEquals(Json.STRICT.readTree(io.clawmetry.core.view.JsonViews.write(
        io.clawmetry.core.view.JsonViews.subagents(cm.subagents().items(), cm.subagentReport()), false)), s);
  }

  @Test
  void cronsAndRuns() throws Exception {
    JsonNode c = json("/api/crons");
    JsonNode tc = truth.get("cron");
    assertEquals(tc.get("jobCount").asInt(), c.get("jobs").size());
    int runs = 0;
    for (JsonNode j : c.get("jobs")) {
      runs += json("/api/crons/" + j.get("id").asText() + "/runs").get("runs").size();
    }
    assertEquals(tc.get("runCount").asInt(), runs);
    assertEquals(404, srv.get("/api/crons/00000000-0000-0000-0000-000000000000/runs").statusCode());
  }

  @Test
  void healthMemoryLogsGateway() throws Exception {
    JsonNode h = json("/api/system-health");
    List<String> keys = new ArrayList<>();
    h.fieldNames().forEachRemaining(keys::add);
    assertEquals(
        List.of("asOf", "disk", "memory", "load", "uptime", "jvm", "ports", "gpus", "warnings", "problems"), keys);
    assertTrue(h.get("disk").get("totalBytes").asLong() > 0);
    assertEquals(cm.home().stateDir().value(), h.get("disk").get("path").asText());
    assertEquals(85.0, h.get("disk").get("warnPercent").asDouble());
    assertTrue(h.get("jvm").get("heapUsedBytes").asLong() > 0);
    assertEquals(2, h.get("ports").size(), "the gateway port first, then ours");
    assertEquals("gateway", h.get("ports").get(0).get("name").asText());
    assertEquals(18789, h.get("ports").get(0).get("port").asInt());
    assertEquals("clawmetry", h.get("ports").get(1).get("name").asText());
    assertEquals(srv.server.port(), h.get("ports").get(1).get("port").asInt());
    assertTrue(h.get("ports").get(1).get("open").asBoolean());
    // the same data as the facade: the JSON view of ClawMetry.health() with our port
    JsonNode direct =
        JsonViews.health(cm.health(HealthQuery.defaults().withPort("clawmetry", srv.server.port())));
    assertEquals(direct.get("ports"), h.get("ports"));
    assertEquals(direct.get("disk").get("totalBytes"), h.get("disk").get("totalBytes"));

    JsonNode m = json("/api/memory");
    JsonNode ws = m.get("workspaces").get(0);
    assertTrue(ws.get("exists").asBoolean());
    List<String> files = new ArrayList<>();
    ws.get("files").forEach(f -> files.add(f.get("path").asText()));
    assertEquals(List.of("MEMORY.md", "AGENTS.md", "memory/2026-11-10.md"), files);
    String memory = Files.readString(TestHomes.exampleHome().resolve("workspace/MEMORY.md"));
    assertEquals(memory, ws.get("files").get(0).get("content").asText());
    assertFalse(m.get("workspaces").get(1).get("exists").asBoolean());

    JsonNode l = json("/api/logs?lines=80");
    assertEquals("openclaw-2026-11-20.log", l.get("file").asText());
    assertEquals(80, l.get("lines").size());
    JsonNode last = l.get("lines").get(79);
    assertEquals("gateway/shutdown", last.get("subsystem").asText());
    assertEquals("shutdown completed cleanly in 118ms", last.get("message").asText());
    assertEquals("info", last.get("level").asText());
    int warns = 0;
    for (JsonNode x : l.get("lines")) {
      warns += "warn".equals(x.get("level").asText()) ? 1 : 0;
    }
    assertEquals(6, warns);
    assertEquals(5, json("/api/logs?lines=5").get("lines").size());
    assertEquals(400, srv.get("/api/logs?lines=0").statusCode());

    JsonNode g = json("/api/gateway");
    assertFalse(g.get("connected").asBoolean());
    assertEquals("gateway not connected", g.get("detail").asText());
    assertEquals("18789", g.get("settings").get("port").get("value").asText());
  }

  @Test
  void pageAndAssetsAreServedWithSecurityHeaders() throws Exception {
    for (String p : List.of("/", "/app.js", "/app.css", "/favicon.svg", "/login", "/api/overview", "/metrics")) {
      HttpResponse<String> r = srv.get(p);
      assertEquals(200, r.statusCode(), p);
      String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), p);
      assertFalse(csp.contains("unsafe-inline"), p);
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), p);
      assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""), p);
    }
    String index = srv.get("/").body();
    assertTrue(index.contains("<script src=\"/app.js\" defer></script>"));
    assertFalse(index.contains("http://") || index.contains("https://"), "no outside calls");
    assertFalse(srv.get("/app.js").body().contains("innerHTML"), "no innerHTML in the page script");
    assertEquals(404, srv.get("/nope").statusCode());
    assertEquals(404, srv.get("/api/nope").statusCode());
  }

  static List<String> texts(JsonNode arr) {
    List<String> out = new ArrayList<>();
    for (Iterator<JsonNode> it = arr.elements(); it.hasNext(); ) {
      out.add(it.next().asText());
    }
    return out;
  }
}
