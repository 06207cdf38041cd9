package io.clawmetry.core;

import static io.clawmetry.core.testing.TranscriptLines.assistant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.RefreshStats;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageRow;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.testing.TestHomes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link ClawMetry#refresh()} reads only what changed, and the result equals a fresh full read. */
class IncrementalRefreshTest {

  private static final String LIVE = "agents/main/sessions/45a53c73-86e3-43f0-8592-70a3c00ff81c.jsonl";
  private static final UsageQuery Q = UsageQuery.daily(ZoneId.of("UTC"));

  @TempDir Path tmp;

  private ClawMetry open(Path home) {
    return ClawMetryBuilder.create().environment(Environment.of(Map.of(), tmp.resolve("u"))).stateDir(home).build();
  }


  @Test
  void anAppendedLineIsReadAloneAndAHalfWrittenOneWaitsForItsEnd() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    Path live = home.resolve(LIVE);
    // the example's live file ends in a half-written line: complete it first, as the gateway would
    byte[] original = Files.readAllBytes(live);
    try (ClawMetry cm = open(home)) {
      UsageRow before = cm.usage(Q).totals();
      assertFalse(cm.refresh().fullRead());

      String line = assistant("feedbeef", "2026-11-21T10:00:00.000Z", 1234, 56, "0.5") + "\n";
      String firstHalf = line.substring(0, 100);
      Files.writeString(live, "\n", StandardOpenOption.APPEND); // ends the example's broken last line
      Files.writeString(live, firstHalf, StandardOpenOption.APPEND);
      RefreshStats partial = cm.refresh();
      assertFalse(partial.fullRead());
      assertEquals(1, partial.filesRead());
      assertEquals(before.tokens(), cm.usage(Q).totals().tokens(), "a half-written line is not counted");

      Files.writeString(live, line.substring(100), StandardOpenOption.APPEND);
      RefreshStats done = cm.refresh();
      assertFalse(done.fullRead());
      assertEquals(1, done.filesRead());
      assertEquals(1, done.newEvents());
      UsageRow after = cm.usage(Q).totals();
      assertEquals(before.tokens().input() + 1234, after.tokens().input());
      assertEquals(before.tokens().output() + 56, after.tokens().output());
      assertEquals(0, before.cost().add(new java.math.BigDecimal("0.5")).compareTo(after.cost()));
      assertTrue(Files.size(live) > original.length);
    }
  }

  @Test
  void aRewrittenFileIsReadAgainInFull() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    try (ClawMetry cm = open(home)) {
      long calls = cm.usage(Q).totals().calls();
      Path live = home.resolve(LIVE);
      List<String> lines = Files.readAllLines(live, StandardCharsets.UTF_8);
      Files.write(live, lines.subList(0, 5), StandardCharsets.UTF_8); // compaction rewrote it shorter
      RefreshStats r = cm.refresh();
      assertTrue(r.fullRead());
      try (ClawMetry fresh = open(home)) {
        assertEquals(fresh.usage(Q).totals(), cm.usage(Q).totals());
      }
      assertTrue(cm.usage(Q).totals().calls() < calls);
    }
  }

  @Test
  void newDatabaseRowsArePickedUp() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    Path db = home.resolve("agents/ops/agent/openclaw-agent.sqlite");
    try (ClawMetry cm = open(home)) {
      UsageRow before = cm.usage(Q).totals();
      String sessionId;
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
          var rs = c.createStatement().executeQuery("SELECT session_id, max(seq) FROM transcript_events LIMIT 1")) {
        rs.next();
        sessionId = rs.getString(1);
        long seq = rs.getLong(2) + 1;
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO transcript_events(session_id, seq, event_json, created_at) VALUES (?,?,?,?)")) {
          ps.setString(1, sessionId);
          ps.setLong(2, seq);
          ps.setString(3, assistant("0b1e7c1a-0000-4000-8000-000000000001", "2026-11-21T11:00:00.000Z", 700, 30, "0.25"));
          ps.setLong(4, 1795000000000L);
          ps.executeUpdate();
        }
      }
      RefreshStats r = cm.refresh();
      assertFalse(r.fullRead());
      assertEquals(1, r.newEvents());
      assertEquals(before.tokens().input() + 700, cm.usage(Q).totals().tokens().input());
    }
  }

  @Test
  void aRewrittenSessionIndexIsReadAgainAndAnUnchangedOneIsNot() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    Path index = home.resolve("agents/main/sessions/sessions.json");
    try (ClawMetry cm = open(home)) {
      assertEquals("running", cm.session("agent:main:main").orElseThrow().status());
      String json = Files.readString(index, StandardCharsets.UTF_8);
      assertTrue(json.contains("\"status\": \"running\"") || json.contains("\"status\":\"running\""), json);
      Files.writeString(index, json.replaceFirst("\"status\": ?\"running\"", "\"status\": \"done\""),
          StandardCharsets.UTF_8);
      cm.refresh();
      assertEquals("done", cm.session("agent:main:main").orElseThrow().status());
    }
  }

  /**
   * An isolated cron run's transcript written in steps (its prompt, then the answer, as the gateway appends them): the
   * answer's call is the run's, under the run's key and origin cron, as a fresh read says; and so is a run's whole
   * transcript appearing at once. Before, calls of a session the last merged session list did not know were joined
   * as {@code session:<id>}, origin other, until something else made the list be merged again.
   */
  @Test
  void callsOfANewSessionAreJoinedAsAFreshReadJoinsThem() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    String job = "8ffb5d42-a447-4694-b628-ec66a39b22dd";
    Path sessions = home.resolve("agents/main/sessions");
    UsageQuery byOrigin = Q.withPeriod(io.clawmetry.api.UsagePeriod.ORIGIN);
    UsageQuery bySession = Q.withPeriod(io.clawmetry.api.UsagePeriod.SESSION);
    try (ClawMetry cm = open(home)) {
      cm.usage(Q);
      String run = "c7000000-0000-4000-8000-000000000001";
      Files.writeString(sessions.resolve(run + ".jsonl"), header(run) + cronPrompt("p1", job) + "\n");
      cm.refresh();
      Files.writeString(sessions.resolve(run + ".jsonl"),
          assistant("p2", "2026-11-20T16:45:05.000Z", 500, 50, "0.005") + "\n", StandardOpenOption.APPEND);
      cm.refresh();
      String other = "c7000000-0000-4000-8000-000000000002";
      Files.writeString(sessions.resolve(other + ".jsonl"), header(other) + cronPrompt("q1", job) + "\n"
          + assistant("q2", "2026-11-20T16:46:05.000Z", 700, 70, "0.007") + "\n");
      cm.refresh();
      try (ClawMetry fresh = open(home)) {
        assertTrue(fresh.usage(bySession).rows().stream()
            .anyMatch(r -> r.key().equals("agent:main:cron:" + job + ":run:" + run)));
        assertEquals(fresh.usage(bySession).rows(), cm.usage(bySession).rows());
        assertEquals(fresh.usage(byOrigin).rows(), cm.usage(byOrigin).rows());
      }
    }
  }

  private static String header(String id) {
    return "{\"type\":\"session\",\"version\":3,\"id\":\"" + id + "\",\"timestamp\":\"2026-11-20T16:45:00.000Z\","
        + "\"cwd\":\"/w\"}\n";
  }

  private static String cronPrompt(String id, String job) {
    return "{\"type\":\"message\",\"id\":\"" + id + "\",\"parentId\":null,\"timestamp\":\"2026-11-20T16:45:00.000Z\","
        + "\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"[cron:" + job
        + " Nightly] Do it.\"}],\"timestamp\":1795192804065}}";
  }

  /** Refreshes until {@code done} holds (directory events arrive asynchronously); bounded to 10 s. */
  private static RefreshStats refreshUntil(ClawMetry cm, java.util.function.Predicate<RefreshStats> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    RefreshStats last = cm.refresh();
    while (!done.test(last) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      last = cm.refresh();
    }
    return last;
  }

  @Test
  void watchedDirectoriesReadOnlyTheAppendedFileAndStillSeeNewAndRenamedFiles() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    Path live = home.resolve(LIVE);
    try (ClawMetry cm =
        ClawMetryBuilder.create()
            .environment(Environment.of(Map.of(), tmp.resolve("u")))
            .stateDir(home)
            .watchFiles(true)
            .build()) {
      long calls = cm.usage(Q).totals().calls();
      cm.refresh(); // lists everything and starts watching
      Files.writeString(live, "\n" + assistant("facade01", "2026-11-21T12:00:00.000Z", 100, 10, "0.01") + "\n",
          StandardOpenOption.APPEND);
      RefreshStats appended = refreshUntil(cm, r -> r.newEvents() > 0);
      assertEquals(1, appended.newEvents());
      assertEquals(1, appended.filesRead(), "only the appended file is read");
      assertFalse(appended.fullRead());
      assertEquals(calls + 1, cm.usage(Q).totals().calls());

      // a new transcript file (a new session) is seen too
      Files.writeString(home.resolve("agents/main/sessions/0badcafe-0000-4000-8000-000000000001.jsonl"),
          "{\"type\":\"session\",\"version\":3,\"id\":\"0badcafe-0000-4000-8000-000000000001\","
              + "\"timestamp\":\"2026-11-22T00:00:00.000Z\",\"cwd\":\"/w\"}\n"
              + assistant("facade02", "2026-11-22T00:00:01.000Z", 200, 20, "0.02") + "\n");
      refreshUntil(cm, r -> r.newEvents() > 0);
      assertEquals(calls + 2, cm.usage(Q).totals().calls());

      // a reset renames the live file: everything is read again, and nothing is counted twice
      Files.move(live, live.resolveSibling(live.getFileName() + ".reset.2026-11-23T00-00-00.000Z"));
      RefreshStats renamed = refreshUntil(cm, RefreshStats::fullRead);
      assertTrue(renamed.fullRead());
      assertEquals(calls + 2, cm.usage(Q).totals().calls());
    }
  }

  static Stream<Long> seeds() {
    return LongStream.range(0, 12).mapToObj(i -> 0xC1A3L + i * 104729);
  }

  /** Property: a file written in random pieces (cut anywhere, even mid-line), refreshed after each, ends equal. */
  @ParameterizedTest
  @MethodSource("seeds")
  void writingInRandomPiecesEndsEqualToOneRead(long seed) throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    Path live = home.resolve(LIVE);
    byte[] all = Files.readAllBytes(live);
    Random r = new Random(seed);
    int cut = r.nextInt(all.length);
    Files.write(live, java.util.Arrays.copyOf(all, cut));
    try (ClawMetry cm = open(home)) {
      cm.usage(Q);
      int at = cut;
      while (at < all.length) {
        int n = 1 + r.nextInt(Math.max(1, (all.length - at) / 2 + 1));
        n = Math.min(n, all.length - at);
        Files.write(live, java.util.Arrays.copyOfRange(all, at, at + n), StandardOpenOption.APPEND);
        at += n;
        assertFalse(cm.refresh().fullRead(), "seed " + seed);
      }
      try (ClawMetry fresh = open(home)) {
        assertEquals(fresh.usage(Q).rows(), cm.usage(Q).rows(), "seed " + seed + " cut " + cut);
        assertEquals(sessionKeys(fresh), sessionKeys(cm), "seed " + seed);
      }
    }
  }

  private static List<String> sessionKeys(ClawMetry cm) {
    List<String> out = new ArrayList<>();
    cm.sessions().items().forEach(s -> out.add(s.key() + " " + s.updatedAt()));
    return out;
  }
}
