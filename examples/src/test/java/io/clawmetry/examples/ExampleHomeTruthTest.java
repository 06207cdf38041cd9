package io.clawmetry.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.CostMode;
import io.clawmetry.api.CostSource;
import io.clawmetry.api.CronJob;
import io.clawmetry.api.SessionInfo;
import io.clawmetry.api.SubagentRun;
import io.clawmetry.api.UsagePeriod;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageReport;
import io.clawmetry.api.UsageRow;
import io.clawmetry.api.Warning;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.ClawMetryBuilder;
import io.clawmetry.core.discovery.Environment;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ClawMetry read through its public facade agrees exactly with {@code examples/home-truth.json}, the totals the
 * generator put into {@code examples/home} (computed from its own model, not by reading the files back).
 */
class ExampleHomeTruthTest {

  private static JsonNode truth;
  private static ClawMetry cm;

  @BeforeAll
  static void open() throws Exception {
    Path examples = Paths.get("").toAbsolutePath();
    if (!Files.isDirectory(examples.resolve("home"))) {
      examples = examples.resolve("examples");
    }
    truth = new ObjectMapper().readTree(examples.resolve("home-truth.json").toFile());
    cm =
        ClawMetryBuilder.create()
            .environment(Environment.of(Map.of(), examples.resolve("no-user-home")))
            .stateDir(examples.resolve("home"))
            .build();
  }

  @AfterAll
  static void close() {
    cm.close();
  }

  private static UsageReport usage(UsagePeriod p, String zone, CostMode mode) {
    return cm.usage(UsageQuery.daily(ZoneId.of(zone)).withPeriod(p).withCostMode(mode));
  }

  /** Asserts one bucket: calls, the four token counters, the total and the recorded cost, exactly. */
  private static void assertBucket(String what, JsonNode expected, UsageRow row) {
    assertEquals(expected.get("modelCalls").asLong(), row.calls(), what + " calls");
    assertEquals(expected.get("input").asLong(), row.tokens().input(), what + " input");
    assertEquals(expected.get("output").asLong(), row.tokens().output(), what + " output");
    assertEquals(expected.get("cacheRead").asLong(), row.tokens().cacheRead(), what + " cacheRead");
    assertEquals(expected.get("cacheWrite").asLong(), row.tokens().cacheWrite(), what + " cacheWrite");
    assertEquals(expected.get("totalTokens").asLong(), row.tokens().total(), what + " totalTokens");
    BigDecimal cost = new BigDecimal(expected.get("recordedCost").asText());
    assertEquals(0, cost.compareTo(row.cost()), what + " recorded cost " + cost + " vs " + row.cost());
    assertEquals(expected.get("missingCostMessages").asLong(), row.unpricedCalls(), what + " without recorded cost");
  }

  private static void assertBuckets(String what, JsonNode expected, List<UsageRow> rows) {
    Map<String, UsageRow> byKey = rows.stream().collect(Collectors.toMap(UsageRow::key, r -> r));
    // a bucket holding only failed calls (error rows) is shown with its error count and no tokens; the truth lists
    // buckets with model calls only
    long withCalls = rows.stream().filter(r -> r.calls() > 0).count();
    assertEquals(expected.size(), withCalls, what + " bucket count: " + byKey.keySet());
    rows.stream()
        .filter(r -> r.calls() == 0)
        .forEach(r -> assertTrue(r.errors() > 0 && r.tokens().total() == 0, what + " empty bucket " + r));
    for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      UsageRow row = byKey.get(e.getKey());
      assertTrue(row != null, what + " has bucket " + e.getKey() + " (have " + byKey.keySet() + ")");
      assertBucket(what + " " + e.getKey(), e.getValue(), row);
    }
  }

  @Test
  void grandTotalsInDisplayModeAreTheRecordedCosts() {
    UsageReport r = usage(UsagePeriod.DAILY, "UTC", CostMode.DISPLAY);
    assertBucket("total", truth.get("totals"), r.totals());
    assertEquals(truth.get("errors").get("count").asLong(), r.totals().errors(), "error rows");
  }

  @Test
  void autoModeEstimatesTheOneMessageWithoutACostFromOpenclawJsonPrices() {
    UsageReport r = usage(UsagePeriod.AGENT, "UTC", CostMode.AUTO);
    BigDecimal expected = new BigDecimal(truth.get("totals").get("recordedCost").asText());
    for (JsonNode m : truth.get("missingCost")) {
      expected = expected.add(new BigDecimal(m.get("estimatedCostFromConfig").asText()));
    }
    assertEquals(0, expected.compareTo(r.totals().cost()), expected + " vs " + r.totals().cost());
    assertEquals(CostSource.MIXED, r.totals().costSource());
    assertEquals(0, r.totals().unpricedCalls());
  }

  @Test
  void perAgent() {
    assertBuckets("agent", truth.get("byAgent"), usage(UsagePeriod.AGENT, "UTC", CostMode.DISPLAY).rows());
  }

  @Test
  void perModel() {
    assertBuckets("model", truth.get("byModel"), usage(UsagePeriod.MODEL, "UTC", CostMode.DISPLAY).rows());
  }

  @Test
  void perSessionKey() {
    assertBuckets(
        "session", truth.get("bySessionKey"), usage(UsagePeriod.SESSION, "UTC", CostMode.DISPLAY).rows());
  }

  @Test
  void perDayInThreeTimeZones() {
    for (Iterator<Map.Entry<String, JsonNode>> it = truth.get("byDay").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> zone = it.next();
      assertBuckets(
          "day " + zone.getKey(), zone.getValue(), usage(UsagePeriod.DAILY, zone.getKey(), CostMode.DISPLAY).rows());
    }
  }

  @Test
  void sessionsOfEveryAgentWithKindsIdsAndLineage() {
    List<SessionInfo> sessions = cm.sessions().items();
    Map<String, SessionInfo> byKey = new HashMap<>();
    sessions.forEach(s -> byKey.put(s.key(), s));
    int indexed = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = truth.get("sessions").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> agent = it.next();
      for (JsonNode t : agent.getValue().get("sessions")) {
        SessionInfo s = byKey.get(t.get("key").asText());
        assertTrue(s != null, "session " + t.get("key"));
        assertEquals(agent.getKey(), s.agentId(), s.key());
        assertEquals(t.get("kind").asText(), s.kind().name(), s.key());
        assertEquals(t.get("sessionId").asText(), s.sessionId(), s.key());
        List<String> prev = new java.util.ArrayList<>();
        t.get("previousSessionIds").forEach(p -> prev.add(p.asText()));
        assertEquals(prev, s.previousSessionIds(), s.key());
        assertEquals(t.get("spawnedBy").isNull() ? null : t.get("spawnedBy").asText(), s.spawnedBy(), s.key());
        assertEquals(t.get("depth").asInt(), s.depth(), s.key());
        indexed++;
      }
    }
    for (JsonNode o : truth.get("orphanTranscripts")) {
      assertTrue(byKey.containsKey(o.get("sessionKey").asText()), "transcript-only session " + o.get("sessionKey"));
    }
    assertEquals(indexed + truth.get("orphanTranscripts").size(), sessions.size(), "sessions in all");
  }

  @Test
  void subagentTreeTwoDeep() {
    Map<String, SubagentRun> runs = new HashMap<>();
    cm.subagents().items().forEach(r -> runs.put(r.childSessionKey(), r));
    int expected = checkChildren(truth.get("subagentTree"), runs);
    assertEquals(expected, runs.size(), "sub-agent runs: " + runs.keySet());
  }

  private static int checkChildren(JsonNode nodes, Map<String, SubagentRun> runs) {
    int n = 0;
    for (JsonNode node : nodes) {
      for (JsonNode child : node.get("children")) {
        SubagentRun r = runs.get(child.get("key").asText());
        assertTrue(r != null, "sub-agent " + child.get("key"));
        assertEquals(node.get("key").asText(), r.requesterSessionKey());
        assertEquals(child.get("depth").asInt(), r.depth(), r.childSessionKey());
        n++;
      }
      n += checkChildren(node.get("children"), runs);
    }
    return n;
  }

  @Test
  void cronJobsAndRuns() {
    JsonNode cron = truth.get("cron");
    List<CronJob> jobs = cm.crons().items();
    assertEquals(cron.get("jobCount").asInt(), jobs.size());
    Map<String, CronJob> byId = jobs.stream().collect(Collectors.toMap(CronJob::id, j -> j));
    int runs = 0;
    for (JsonNode j : cron.get("jobs")) {
      CronJob job = byId.get(j.get("id").asText());
      assertEquals(j.get("name").asText(), job.name());
      assertEquals(j.get("enabled").asBoolean(), job.enabled(), job.name());
      assertEquals(j.get("lastRunStatus").asText(), job.state().lastStatus(), job.name());
      assertEquals(j.get("consecutiveErrors").asInt(), job.state().consecutiveErrors(), job.name());
      runs += cm.cronRuns(job.id()).items().size();
    }
    assertEquals(cron.get("runCount").asInt(), runs);
  }

  @Test
  void malformedLinesAreCountedWithTheFirstPosition() {
    JsonNode bad = truth.get("malformedLines");
    String file = bad.get(0).get("file").asText();
    List<Warning> ws =
        cm.warnings().stream()
            .filter(w -> w.kind() == WarningKind.MALFORMED_LINE && w.source().endsWith(file))
            .collect(Collectors.toList());
    assertEquals(1, ws.size(), ws.toString());
    assertEquals(bad.size(), ws.get(0).count());
    assertEquals("line " + bad.get(0).get("line").asInt(), ws.get(0).firstPosition());
    // the half-written last line is held back, not reported as malformed
    String partial = truth.get("partialLastLines").get(0).get("file").asText();
    assertTrue(
        cm.warnings().stream().noneMatch(w -> w.kind() == WarningKind.MALFORMED_LINE && w.source().endsWith(partial)),
        cm.warnings().toString());
  }

  @Test
  void subagentTreeRollsUpOwnUsageOfEveryDescendant() {
    JsonNode byKey = truth.get("bySessionKey");
    List<io.clawmetry.api.SubagentNode> roots = cm.subagentTree();
    assertEquals(truth.get("subagentTree").size(), roots.size());
    for (io.clawmetry.api.SubagentNode root : roots) {
      checkRollup(root, byKey);
    }
  }

  /** Returns the node's total tokens after checking own = truth and total = own + children. */
  private static long checkRollup(io.clawmetry.api.SubagentNode n, JsonNode byKey) {
    assertEquals(byKey.get(n.sessionKey()).get("totalTokens").asLong(), n.ownTokens().total(), n.sessionKey());
    long total = n.ownTokens().total();
    BigDecimal cost = n.ownCost();
    for (io.clawmetry.api.SubagentNode c : n.children()) {
      total += checkRollup(c, byKey);
      cost = cost.add(c.totalCost());
    }
    assertEquals(total, n.totalTokens().total(), n.sessionKey());
    assertEquals(0, cost.compareTo(n.totalCost()), n.sessionKey());
    return total;
  }

  @Test
  void overviewWithAFixedClock() {
    java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-11-19T23:00:00Z"), ZoneId.of("UTC"));
    try (ClawMetry fixed =
        ClawMetryBuilder.create()
            .environment(Environment.of(Map.of(), Paths.get("no-user-home")))
            .stateDir(home())
            .clock(clock)
            .build()) {
      io.clawmetry.api.Overview o = fixed.overview(ZoneId.of("UTC"));
      JsonNode days = truth.get("byDay").get("UTC");
      assertEquals(0, new BigDecimal(days.get("2026-11-19").get("recordedCost").asText()).compareTo(o.costToday()));
      BigDecimal week = BigDecimal.ZERO; // Monday 2026-11-16 .. Thursday 2026-11-19
      for (String d : new String[] {"2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19"}) {
        if (days.has(d)) {
          week = week.add(new BigDecimal(days.get(d).get("recordedCost").asText()));
        }
      }
      assertEquals(0, week.compareTo(o.costThisWeek()), week + " vs " + o.costThisWeek());
      BigDecimal month = new BigDecimal(truth.get("totals").get("recordedCost").asText())
          .add(new BigDecimal(truth.get("missingCost").get(0).get("estimatedCostFromConfig").asText()));
      assertEquals(0, month.compareTo(o.costThisMonth()), month + " vs " + o.costThisMonth());
      // projected: month so far / 19 days * 30 days, 6 decimals
      assertEquals(0, month.multiply(BigDecimal.valueOf(30)).divide(BigDecimal.valueOf(19), 6,
          java.math.RoundingMode.HALF_EVEN).compareTo(o.projectedMonth()));
      assertEquals(List.of("Repo health"), o.failingCrons().stream().map(CronJob::name).collect(Collectors.toList()));
      assertEquals("google", o.topModels().get(0).provider());
      assertEquals(16, o.sessions());
    }
  }

  private static Path home() {
    Path examples = Paths.get("").toAbsolutePath();
    return Files.isDirectory(examples.resolve("home")) ? examples.resolve("home") : examples.resolve("examples/home");
  }
}
