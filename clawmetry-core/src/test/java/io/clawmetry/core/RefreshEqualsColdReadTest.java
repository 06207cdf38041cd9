package io.clawmetry.core;

import static io.clawmetry.core.testing.TranscriptLines.assistant;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clawmetry.api.AgentInfo;
import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.CostMode;
import io.clawmetry.api.CronJob;
import io.clawmetry.api.SessionInfo;
import io.clawmetry.api.UsagePeriod;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.testing.TestHomes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: after every kind of change a live OpenClaw home sees, the long-running facade's refreshed reports (usage
 * in every period and cost mode, per agent, sessions, transcripts, sub-agents, crons, overview, warnings) equal those of
 * a facade opened afresh on the same home.
 */
class RefreshEqualsColdReadTest {

  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T16:50:00Z"), UTC);
  private static final String LIVE_ID = "45a53c73-86e3-43f0-8592-70a3c00ff81c";

  @TempDir Path tmp;

  private interface Step {
    void apply(Path home) throws Exception;
  }

  private record Change(String name, Step step) {}

  private ClawMetry open(Path home, boolean watch) {
    return ClawMetryBuilder.create()
        .environment(Environment.of(Map.of(), tmp.resolve("u")))
        .clock(CLOCK)
        .stateDir(home)
        .watchFiles(watch)
        .build();
  }

  /**
   * A usage report as text, its sources as a set: their order follows the session list the calls were joined with,
   * which after appends only is an earlier one (the sessions' order by activity may have changed since).
   */
  private static String usage(io.clawmetry.api.UsageReport r) {
    return r.query() + " " + r.rows() + " " + r.totals() + " " + r.warnings() + " "
        + r.sources().stream().map(Object::toString).sorted().toList();
  }

  /** Every report the facade gives, as text. */
  static String snapshot(ClawMetry cm) {
    StringBuilder b = new StringBuilder();
    UsageQuery q = UsageQuery.daily(UTC);
    for (UsagePeriod p : UsagePeriod.values()) {
      b.append("usage ").append(p).append(": ").append(usage(cm.usage(q.withPeriod(p)))).append('\n');
    }
    b.append("usage LA daily: ").append(usage(cm.usage(UsageQuery.daily(LA)))).append('\n');
    for (CostMode m : CostMode.values()) {
      b.append("usage model ").append(m).append(": ")
          .append(usage(cm.usage(q.withPeriod(UsagePeriod.MODEL).withCostMode(m)))).append('\n');
    }
    for (AgentInfo a : cm.home().agents()) {
      b.append("usage agent ").append(a.id()).append(": ")
          .append(usage(cm.usage(q.withPeriod(UsagePeriod.SESSION).forAgent(a.id())))).append('\n');
    }
    b.append("sessions: ").append(cm.sessions()).append('\n');
    for (SessionInfo s : cm.sessions().items()) {
      b.append("transcript ").append(s.key()).append(": ").append(cm.transcript(s.key()).items().size())
          .append(' ').append(cm.transcript(s.key()).warnings()).append('\n');
    }
    b.append("subagents: ").append(cm.subagents()).append('\n');
    var tree = cm.subagentReport();
    b.append("subagentReport: ").append(tree.items()).append(tree.warnings())
        .append(tree.sources().stream().map(Object::toString).sorted().toList()).append('\n');
    b.append("crons: ").append(cm.crons()).append('\n');
    for (CronJob j : cm.crons().items()) {
      b.append("cronRuns ").append(j.id()).append(": ").append(cm.cronRuns(j.id())).append('\n');
    }
    b.append("overview: ").append(cm.overview(UTC)).append('\n');
    b.append("warnings: ").append(cm.warnings()).append('\n');
    return b.toString();
  }

  /** The first line where two snapshots differ, both ways (the failure message; nothing is written outside tmp). */
  private static String firstDifference(String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    for (int i = 0; i < Math.max(e.length, a.length); i++) {
      String x = i < e.length ? e[i] : "<none>";
      String y = i < a.length ? a[i] : "<none>";
      if (!x.equals(y)) {
        return "line " + (i + 1) + "\n  cold:      " + x + "\n  refreshed: " + y;
      }
    }
    return "equal";
  }

  private void check(Path home, List<Change> changes, boolean watch) throws Exception {
    try (ClawMetry live = open(home, watch)) {
      snapshot(live);
      List<String> failures = new ArrayList<>();
      for (Change c : changes) {
        c.step().apply(home);
        String cold;
        try (ClawMetry fresh = open(home, false)) {
          cold = snapshot(fresh);
        }
        live.refresh();
        String refreshed = snapshot(live);
        // a watched home hears of modifications asynchronously: refresh again for up to 5 s until they arrive
        for (int tries = 0; watch && !cold.equals(refreshed) && tries < 50; tries++) {
          Thread.sleep(100);
          live.refresh();
          refreshed = snapshot(live);
        }
        if (!cold.equals(refreshed)) {
          failures.add(c.name() + ": " + firstDifference(cold, refreshed));
        }
      }
      assertEquals(List.of(), failures, "changes after which the refreshed reports differ from a cold read");
    }
  }

  /**
   * The ledger cache between processes: each run opens the home with the cache the previous run left, after the home
   * changed, and must report what a run without a cache reports.
   */
  private void checkAcrossRuns(Path home, List<Change> changes) throws Exception {
    Path cacheDir = tmp.resolve("cache");
    try (ClawMetry first = ClawMetryBuilder.create().environment(Environment.of(Map.of(), tmp.resolve("u")))
        .clock(CLOCK).stateDir(home).cacheDir(cacheDir).build()) {
      snapshot(first);
    }
    List<String> failures = new ArrayList<>();
    for (Change c : changes) {
      c.step().apply(home);
      String cached;
      try (ClawMetry run = ClawMetryBuilder.create().environment(Environment.of(Map.of(), tmp.resolve("u")))
          .clock(CLOCK).stateDir(home).cacheDir(cacheDir).build()) {
        cached = snapshot(run);
      }
      String cold;
      try (ClawMetry fresh = open(home, false)) {
        cold = snapshot(fresh);
      }
      if (!cold.equals(cached)) {
        failures.add(c.name() + ": " + firstDifference(cold, cached));
      }
    }
    assertEquals(List.of(), failures, "changes after which a run with the ledger cache differs from one without");
  }

  @Test
  void exampleHomeAcrossRuns() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    List<Change> cs = new ArrayList<>(jsonlChanges("main", LIVE_ID + ".jsonl", "8ffb5d42-a447-4694-b628-ec66a39b22dd"));
    cs.addAll(sqliteChanges(Path.of("agents/ops/agent/openclaw-agent.sqlite")));
    checkAcrossRuns(home, cs);
  }

  @Test
  void realSqliteHomeAcrossRuns() throws Exception {
    Path home = TestHomes.realSqliteHome(tmp);
    List<Change> cs = new ArrayList<>(sqliteChanges(Path.of("agents/main/agent/openclaw-agent.sqlite")));
    cs.addAll(jsonlChanges("main", "0f000000-0000-4000-8000-000000000009.jsonl",
        "44819451-6288-4ad9-a73c-3292e2c40c7f"));
    checkAcrossRuns(home, cs);
  }

  // ---- lines -------------------------------------------------------------------------------------------------------

  private static String header(String id, String ts) {
    return "{\"type\":\"session\",\"version\":3,\"id\":\"" + id + "\",\"timestamp\":\"" + ts + "\",\"cwd\":\"/w\"}";
  }

  private static String user(String id, String parent, String text, String ts, String runId) {
    return "{\"type\":\"message\",\"id\":\"" + id + "\",\"parentId\":" + (parent == null ? "null" : "\"" + parent + "\"")
        + ",\"timestamp\":\"" + ts + "\",\"message\":{"
        + (runId == null ? "" : "\"__openclaw\":{\"runId\":\"" + runId + "\"},")
        + "\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"" + text + "\"}],\"timestamp\":1795192804065}}";
  }

  private static String inRun(String line, String runId) {
    return line.replace("\"message\":{", "\"message\":{\"__openclaw\":{\"runId\":\"" + runId + "\"},");
  }

  private static void append(Path f, String text) throws IOException {
    Files.createDirectories(f.getParent());
    Files.writeString(f, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static Path sessions(Path home, String agent) {
    return home.resolve("agents/" + agent + "/sessions");
  }

  /** The changes a live home sees, for a JSONL agent {@code agent} whose transcript {@code liveFile} is written. */
  private static List<Change> jsonlChanges(String agent, String liveFile, String cronJob) {
    List<Change> cs = new ArrayList<>();
    String hb = "[OpenClaw heartbeat poll]";
    cs.add(new Change("end a half line", home -> append(sessions(home, agent).resolve(liveFile), "\n")));
    cs.add(new Change("append a line", home -> append(sessions(home, agent).resolve(liveFile),
        assistant("c0000001", "2026-11-20T16:41:00.000Z", 1000, 100, "0.01") + "\n")));
    String half = assistant("c0000002", "2026-11-20T16:42:00.000Z", 2000, 200, "0.02") + "\n";
    cs.add(new Change("half a line", home -> append(sessions(home, agent).resolve(liveFile), half.substring(0, 77))));
    cs.add(new Change("its other half", home -> append(sessions(home, agent).resolve(liveFile), half.substring(77))));
    cs.add(new Change("a malformed line", home -> append(sessions(home, agent).resolve(liveFile), "{\"type\":\"mess\n")));
    cs.add(new Change("a good line after it", home -> append(sessions(home, agent).resolve(liveFile),
        assistant("c0000003", "2026-11-20T16:43:00.000Z", 3000, 300, "0.03") + "\n")));
    cs.add(new Change("a heartbeat poll turn", home -> append(sessions(home, agent).resolve(liveFile),
        user("h0000001", null, hb, "2026-11-20T16:44:00.000Z", null) + "\n"
            + inRun(assistant("h0000002", "2026-11-20T16:44:01.000Z", 11, 2, "0.001"), "run-hb") + "\n")));
    cs.add(new Change("then an announce run", home -> append(sessions(home, agent).resolve(liveFile),
        inRun(assistant("h0000003", "2026-11-20T16:44:30.000Z", 13, 4, "0.002"), "announce:v1:agent:" + agent
            + ":subagent:x:1") + "\n")));
    String cronSession = "c7000000-0000-4000-8000-000000000001";
    cs.add(new Change("a cron prompt transcript (prompt)", home -> append(
        sessions(home, agent).resolve(cronSession + ".jsonl"),
        header(cronSession, "2026-11-20T16:45:00.000Z") + "\n"
            + user("p0000001", null, "[cron:" + cronJob + " Nightly] Do it.", "2026-11-20T16:45:00.000Z", null)
            + "\n")));
    cs.add(new Change("a cron prompt transcript (answer)", home -> append(
        sessions(home, agent).resolve(cronSession + ".jsonl"),
        assistant("p0000002", "2026-11-20T16:45:05.000Z", 500, 50, "0.005") + "\n")));
    String newSession = "0e000000-0000-4000-8000-000000000002";
    cs.add(new Change("a new transcript", home -> append(sessions(home, agent).resolve(newSession + ".jsonl"),
        header(newSession, "2026-11-20T16:46:00.000Z") + "\n"
            + user("n0000001", null, "hello", "2026-11-20T16:46:00.000Z", null) + "\n"
            + assistant("n0000002", "2026-11-20T16:46:01.000Z", 40, 4, "0.004") + "\n")));
    cs.add(new Change("a compaction checkpoint copy", home -> Files.copy(
        sessions(home, agent).resolve(liveFile),
        sessions(home, agent).resolve(liveFile.replace(".jsonl", "")
            + ".checkpoint.0c000000-0000-4000-8000-000000000003.jsonl"))));
    cs.add(new Change("a session reset", home -> {
      Path f = sessions(home, agent).resolve(newSession + ".jsonl");
      Files.move(f, f.resolveSibling(f.getFileName() + ".reset.2026-11-20T16-47-00.000Z"));
    }));
    cs.add(new Change("a session deleted", home -> {
      Path f = sessions(home, agent).resolve(cronSession + ".jsonl");
      Files.move(f, f.resolveSibling(f.getFileName() + ".deleted.2026-11-20T16-48-00.000Z"));
    }));
    cs.add(new Change("sessions.json rewritten", home -> {
      Path index = sessions(home, agent).resolve("sessions.json");
      String json = Files.exists(index) ? Files.readString(index) : "{}";
      String entry = "\"agent:" + agent + ":extra\":{\"sessionId\":\"" + newSession
          + "\",\"updatedAt\":1795193000000,\"chatType\":\"direct\",\"status\":\"done\"}";
      json = json.trim();
      json = json.equals("{}") ? "{" + entry + "}" : "{" + entry + "," + json.substring(1);
      Files.writeString(index, json);
    }));
    cs.add(new Change("a cron run log appended", home -> append(home.resolve("cron/runs/" + cronJob + ".jsonl"),
        "{\"ts\":1795193100000,\"jobId\":\"" + cronJob + "\",\"action\":\"finished\",\"status\":\"error\","
            + "\"error\":\"<b>boom</b>\",\"sessionId\":\"" + cronSession + "\",\"sessionKey\":\"agent:" + agent
            + ":cron:" + cronJob + ":run:" + cronSession + "\",\"runAtMs\":1795193000000,\"durationMs\":5}\n")));
    String runLine = "{\"ts\":1795193200000,\"jobId\":\"" + cronJob + "\",\"action\":\"finished\",\"status\":\"ok\","
        + "\"sessionId\":\"" + newSession + "\",\"runAtMs\":1795193100000,\"durationMs\":7}\n";
    cs.add(new Change("half a cron run log line", home -> append(home.resolve("cron/runs/" + cronJob + ".jsonl"),
        runLine.substring(0, 40))));
    cs.add(new Change("the rest of the run log line", home -> append(home.resolve("cron/runs/" + cronJob + ".jsonl"),
        runLine.substring(40))));
    cs.add(new Change("sessions.json half written", home -> {
      Path index = sessions(home, agent).resolve("sessions.json");
      Files.move(index, index.resolveSibling("sessions.json.keep"));
      Files.writeString(index, "{\"agent:" + agent + ":x\": {\"sessionId\"");
    }));
    cs.add(new Change("sessions.json written again", home -> {
      Path index = sessions(home, agent).resolve("sessions.json");
      Files.move(index.resolveSibling("sessions.json.keep"), index, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }));
    cs.add(new Change("a file replaced by a shorter one", home -> {
      Path f = sessions(home, agent).resolve(liveFile);
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      Files.write(f, lines.subList(0, Math.min(4, lines.size())), StandardCharsets.UTF_8);
    }));
    cs.add(new Change("and appended again", home -> append(sessions(home, agent).resolve(liveFile),
        assistant("c0000009", "2026-11-20T16:49:00.000Z", 9000, 900, "0.09") + "\n")));
    return cs;
  }

  private static List<Change> sqliteChanges(Path db) {
    List<Change> cs = new ArrayList<>();
    cs.add(new Change("database rows added", home -> insertAfterLastRow(home.resolve(db), "", 1795192860000L,
        assistant("0b1e7c1a-0000-4000-8000-000000000001", "2026-11-20T16:41:00.000Z", 700, 30, "0.25"),
        "{\"type\":\"mess")));
    cs.add(new Change("more database rows", home -> insertAfterLastRow(home.resolve(db), " DESC", 1795192920000L,
        assistant("0b1e7c1a-0000-4000-8000-000000000002", "2026-11-20T16:42:00.000Z", 800, 40, "0.5"))));
    return cs;
  }

  /**
   * Appends {@code events} as rows after the last one of the first session id in {@code order} ("" or " DESC"), as the
   * gateway appends them.
   */
  private static void insertAfterLastRow(Path database, String order, long createdAt, String... events)
      throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
        var rs = c.createStatement().executeQuery("SELECT session_id, max(seq) FROM transcript_events GROUP BY "
            + "session_id ORDER BY session_id" + order + " LIMIT 1")) {
      rs.next();
      String sessionId = rs.getString(1);
      long seq = rs.getLong(2);
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO transcript_events(session_id, seq, event_json, created_at) VALUES (?,?,?,?)")) {
        for (String event : events) {
          ps.setString(1, sessionId);
          ps.setLong(2, ++seq);
          ps.setString(3, event);
          ps.setLong(4, createdAt);
          ps.executeUpdate();
        }
      }
    }
  }

  @Test
  void exampleHome() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    List<Change> cs = new ArrayList<>(jsonlChanges("main", LIVE_ID + ".jsonl", "8ffb5d42-a447-4694-b628-ec66a39b22dd"));
    cs.addAll(sqliteChanges(Path.of("agents/ops/agent/openclaw-agent.sqlite")));
    check(home, cs, false);
  }

  @Test
  void exampleHomeWatched() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    List<Change> cs = new ArrayList<>(jsonlChanges("main", LIVE_ID + ".jsonl", "8ffb5d42-a447-4694-b628-ec66a39b22dd"));
    cs.addAll(sqliteChanges(Path.of("agents/ops/agent/openclaw-agent.sqlite")));
    check(home, cs, true);
  }

  @Test
  void realJsonlHome() throws Exception {
    Path home = TestHomes.realJsonlHome(tmp);
    String live;
    try (var s = Files.list(home.resolve("agents/healthcore/sessions"))) {
      live = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl")).sorted().findFirst()
          .orElseThrow();
    }
    check(home, jsonlChanges("healthcore", live, "44819451-6288-4ad9-a73c-3292e2c40c7f"), false);
  }

  @Test
  void realSqliteHome() throws Exception {
    Path home = TestHomes.realSqliteHome(tmp);
    List<Change> cs = new ArrayList<>(sqliteChanges(Path.of("agents/main/agent/openclaw-agent.sqlite")));
    cs.addAll(jsonlChanges("main", "0f000000-0000-4000-8000-000000000009.jsonl",
        "44819451-6288-4ad9-a73c-3292e2c40c7f"));
    check(home, cs, false);
  }
}
