package io.clawmetry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.RefreshStats;
import io.clawmetry.api.UsagePeriod;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.testing.TestHomes;
import io.clawmetry.core.testing.TranscriptLines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

/**
 * Ledgers kept between processes ({@code ClawMetryBuilder.cacheDir}): a second facade over the same home goes on from
 * the first one's files, reads only what was written since, and reports exactly what a facade without a cache
 * reports; a damaged or foreign file is ignored.
 */
class LedgerCacheTest {

  private static final String LIVE = "agents/main/sessions/45a53c73-86e3-43f0-8592-70a3c00ff81c.jsonl";
  private static final List<UsageQuery> QUERIES = List.of(
      UsageQuery.daily(ZoneId.of("UTC")),
      UsageQuery.daily(ZoneId.of("America/New_York")).withPeriod(UsagePeriod.SESSION),
      UsageQuery.daily(ZoneId.of("Asia/Tokyo")).withPeriod(UsagePeriod.MODEL),
      UsageQuery.daily(ZoneId.of("UTC")).withPeriod(UsagePeriod.ORIGIN));

  @TempDir Path tmp;

  private ClawMetry open(Path home, Path cacheDir) {
    return ClawMetryBuilder.create()
        .environment(Environment.of(Map.of(), tmp.resolve("u")))
        .stateDir(home)
        .cacheDir(cacheDir)
        .build();
  }

  /** Everything a report shows: usage rows and totals of several queries, sessions, warnings. */
  private static List<Object> everything(ClawMetry cm) {
    List<Object> out = new ArrayList<>();
    for (UsageQuery q : QUERIES) {
      var r = cm.usage(q);
      out.add(r.rows());
      out.add(r.totals());
      out.add(r.warnings());
    }
    out.add(cm.sessions().items());
    out.add(cm.warnings());
    return out;
  }

  /** A first run over the home, which fills the cache; what it reported. */
  private List<Object> firstRun(Path home, Path cache) {
    try (ClawMetry cm = open(home, cache)) {
      return everything(cm);
    }
  }

  /** The next run reads everything again and reports {@code expected}. */
  private void assertReadInFull(Path home, Path cache, List<Object> expected, String why) {
    try (ClawMetry cm = open(home, cache)) {
      assertTrue(cm.refresh().fullRead(), why);
      assertEquals(expected, everything(cm));
    }
  }

  private static String assistant(String id, String ts, long in) {
    return TranscriptLines.assistant(id, ts, in, 7, "0.0123") + "\n";
  }

  @Test
  void aSecondRunReadsNothingAgainAndReportsTheSame() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    Path cache = tmp.resolve("cache");
    List<Object> first;
    try (ClawMetry cm = open(home, cache)) {
      RefreshStats s = cm.refresh();
      assertTrue(s.fullRead());
      first = everything(cm);
    }
    assertEquals(3, Files.list(cache).filter(p -> p.getFileName().toString().endsWith(".bin")).count(), "one per agent");
    try (ClawMetry cm = open(home, cache)) {
      RefreshStats s = cm.refresh();
      assertFalse(s.fullRead());
      assertEquals(0, s.filesRead());
      assertEquals(0, s.newEvents());
      assertEquals(first, everything(cm));
    }
    try (ClawMetry cold = open(home, null)) {
      assertEquals(first, everything(cold));
      assertEquals(1_381_433, cold.usage(QUERIES.get(0)).totals().tokens().total());
    }
  }

  @Test
  void whatWasWrittenSinceIsReadAloneAndAddsUp() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    Path cache = tmp.resolve("cache");
    firstRun(home, cache);
    Files.writeString(home.resolve("agents/main/sessions/e746288a-bc8c-4492-8ecb-75eb8d7dd57c.jsonl"),
        assistant("c0ffee01", "2026-11-20T10:00:00.000Z", 1000), StandardOpenOption.APPEND);
    Files.writeString(home.resolve("agents/main/sessions/0a0a0a0a-1111-2222-3333-444455556666.jsonl"),
        "{\"type\":\"session\",\"version\":3,\"id\":\"0a0a0a0a-1111-2222-3333-444455556666\","
            + "\"timestamp\":\"2026-11-21T00:00:00.000Z\",\"cwd\":\"/w\"}\n"
            + assistant("c0ffee02", "2026-11-21T00:00:01.000Z", 2000));
    List<Object> warm;
    try (ClawMetry cm = open(home, cache)) {
      RefreshStats s = cm.refresh();
      assertFalse(s.fullRead());
      assertEquals(2, s.filesRead(), "the grown file and the new one");
      assertEquals(3, s.newEvents(), "two calls and a header");
      warm = everything(cm);
      assertEquals(1_381_433 + 1007 + 2007, cm.usage(QUERIES.get(0)).totals().tokens().total());
    }
    try (ClawMetry cold = open(home, null)) {
      assertEquals(everything(cold), warm);
    }
    try (ClawMetry again = open(home, cache)) {
      assertEquals(0, again.refresh().filesRead(), "the second warm run saved what it read");
      assertEquals(warm, everything(again));
    }
  }

  @Test
  void aReplacedFileIsReadAgainInFull() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    Path cache = tmp.resolve("cache");
    firstRun(home, cache);
    Path live = home.resolve(LIVE);
    String text = Files.readString(live);
    Files.delete(live);
    Files.writeString(live, text.substring(0, text.indexOf('\n', text.length() / 3) + 1)); // shorter, new inode
    try (ClawMetry cm = open(home, cache); ClawMetry cold = open(home, null)) {
      assertTrue(cm.refresh().fullRead());
      assertEquals(everything(cold), everything(cm));
    }
  }

  @Test
  void aReplacedAgentDatabaseIsReadAgainInFull() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    Path cache = tmp.resolve("cache");
    List<Object> expected = firstRun(home, cache);
    Path db = home.resolve("agents/ops/agent/openclaw-agent.sqlite");
    Path copy = tmp.resolve("restored.sqlite");
    Files.copy(db, copy);
    Files.move(copy, db, java.nio.file.StandardCopyOption.REPLACE_EXISTING); // same rows, another file
    assertReadInFull(home, cache, expected, "a replaced database: read in full");
  }

  private static void sql(Path db, String... statements) throws Exception {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        java.sql.Statement st = c.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    }
  }

  @Test
  void deletedDatabaseRowsAreNotCountedFromTheCache() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    Path cache = tmp.resolve("cache");
    firstRun(home, cache);
    Path db = home.resolve("agents/ops/agent/openclaw-agent.sqlite");
    sql(db, "DELETE FROM transcript_events WHERE session_id = (SELECT session_id FROM transcript_events "
        + "GROUP BY session_id ORDER BY count(*) DESC LIMIT 1)");
    try (ClawMetry cm = open(home, cache); ClawMetry cold = open(home, null)) {
      assertTrue(cm.refresh().fullRead(), "rows read before are gone");
      assertEquals(everything(cold), everything(cm));
      assertTrue(cold.usage(QUERIES.get(0)).totals().tokens().total() < 1_381_433);
    }
  }

  /** The ops agent's session with model calls at seq 5, 7 and 9 (its last row). */
  private static final String OPS_SESSION = "d46965e5-5bbb-44c9-959c-5cb2306a79ff";

  private static final String DELETE_MIDDLE_CALL =
      "DELETE FROM transcript_events WHERE session_id = '" + OPS_SESSION + "' AND seq = 5";

  @Test
  void aRowDeletedFromTheMiddleOfASessionIsNotCountedFromTheCache() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    Path cache = tmp.resolve("cache");
    firstRun(home, cache);
    sql(home.resolve("agents/ops/agent/openclaw-agent.sqlite"), DELETE_MIDDLE_CALL); // its last row stays
    try (ClawMetry cm = open(home, cache); ClawMetry cold = open(home, null)) {
      assertTrue(cm.refresh().fullRead(), "a row read before is gone, though the session's last seq is the same");
      assertEquals(everything(cold), everything(cm));
      assertTrue(cold.usage(QUERIES.get(0)).totals().tokens().total() < 1_381_433);
    }
  }

  @Test
  void aRowDeletedFromTheMiddleIsSeenByALongRunningLedgerAlsoWhenTheSessionGrew() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    Path db = home.resolve("agents/ops/agent/openclaw-agent.sqlite");
    try (ClawMetry cm = open(home, null)) {
      assertEquals(1_381_433, cm.usage(QUERIES.get(0)).totals().tokens().total());
      sql(db, DELETE_MIDDLE_CALL);
      try (ClawMetry cold = open(home, null)) {
        assertTrue(cm.refresh().fullRead(), "deleted in place");
        assertEquals(everything(cold), everything(cm));
      }
      // a new row and another deleted one between two refreshes: the count up to the last seq read tells
      sql(db,
          "INSERT INTO transcript_events (session_id, seq, event_json, created_at) SELECT session_id, 10, event_json,"
              + " created_at FROM transcript_events WHERE session_id = '" + OPS_SESSION + "' AND seq = 8",
          "DELETE FROM transcript_events WHERE session_id = '" + OPS_SESSION + "' AND seq = 7");
      try (ClawMetry cold = open(home, null)) {
        assertTrue(cm.refresh().fullRead(), "grew and lost a row");
        assertEquals(everything(cold), everything(cm));
      }
      // only grown: no full read
      sql(db,
          "INSERT INTO transcript_events (session_id, seq, event_json, created_at) SELECT session_id, 11, event_json,"
              + " created_at FROM transcript_events WHERE session_id = '" + OPS_SESSION + "' AND seq = 8");
      assertFalse(cm.refresh().fullRead());
    }
  }

  @Test
  void manyRunsAndRefreshesEndEqualToAColdRead() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    Path cache = tmp.resolve("cache");
    Path file = home.resolve("agents/main/sessions/e746288a-bc8c-4492-8ecb-75eb8d7dd57c.jsonl");
    for (int run = 0; run < 3; run++) {
      try (ClawMetry cm = open(home, cache)) {
        cm.refresh();
      }
      Files.writeString(file, assistant(String.format("c0ffee%02x", run), "2026-11-20T10:00:0" + run + ".000Z", 100),
          StandardOpenOption.APPEND);
    }
    try (ClawMetry warm = open(home, cache); ClawMetry cold = open(home, null)) {
      assertFalse(warm.refresh().fullRead());
      assertEquals(everything(cold), everything(warm));
      // and within one process, refreshes that read something
      for (int run = 3; run < 6; run++) {
        Files.writeString(file, assistant(String.format("c0ffee%02x", run), "2026-11-20T10:00:0" + run + ".000Z", 100),
            StandardOpenOption.APPEND);
        assertEquals(1, warm.refresh().filesRead());
      }
      try (ClawMetry again = open(home, null)) {
        assertEquals(everything(again), everything(warm));
      }
    }
  }

  @Test
  void aDamagedTruncatedOrForeignFileIsIgnored() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    Path cache = tmp.resolve("cache");
    List<Object> expected = firstRun(home, cache);
    List<Path> files = Files.list(cache).sorted().toList();
    // a flipped byte in the middle of each file
    for (Path f : files) {
      byte[] b = Files.readAllBytes(f);
      b[b.length / 2] ^= 0x40;
      Files.write(f, b);
    }
    assertReadInFull(home, cache, expected, "damaged: read in full"); // closing rewrote the files
    for (Path f : files) {
      byte[] b = Files.readAllBytes(f);
      Files.write(f, java.util.Arrays.copyOf(b, b.length - 9));
    }
    assertReadInFull(home, cache, expected, "truncated: read in full");
    // a file that checks, written by another build (its build id differs in one character)
    for (Path f : files) {
      Files.write(f, withAnotherBuild(Files.readAllBytes(f)));
    }
    assertReadInFull(home, cache, expected, "another build: read in full");
  }

  /**
   * The same file with the last character of its build id changed and its CRC-32 trailer made right again (the layout
   * of LedgerCache: magic line, format int, then the build id as a varint length and UTF-8 bytes).
   */
  private static byte[] withAnotherBuild(byte[] b) {
    int at = "CLAWMETRY-LEDGER\n".length() + 4;
    long len = 0;
    int shift = 0;
    while (true) {
      int x = b[at++] & 0xff;
      len |= (long) (x & 0x7f) << shift;
      shift += 7;
      if ((x & 0x80) == 0) {
        break;
      }
    }
    long n = len >>> 1; // zigzag
    int last = at + (int) n - 1;
    b[last] = (byte) (b[last] == '1' ? '2' : '1');
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(b, 0, b.length - 8);
    java.nio.ByteBuffer.wrap(b, b.length - 8, 8).putLong(crc.getValue());
    return b;
  }

  @Test
  void aCacheDirectoryInsideTheHomeIsNeverWritten() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    try (ClawMetry cm = open(home, home.resolve("clawmetry-cache"))) {
      assertTrue(cm.refresh().fullRead());
      cm.usage(QUERIES.get(0));
    }
    assertFalse(Files.exists(home.resolve("clawmetry-cache")));
  }

  @Test
  void aCacheDirectoryInsideTheHomeThroughALinkIsNeverWritten() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    Path link = Files.createSymbolicLink(tmp.resolve("home-link"), home);
    try (ClawMetry cm = open(link, home.resolve("clawmetry-cache"))) {
      cm.usage(QUERIES.get(0));
    }
    try (ClawMetry cm = open(home, link.resolve("clawmetry-cache-2"))) {
      cm.usage(QUERIES.get(0));
    }
    assertFalse(Files.exists(home.resolve("clawmetry-cache")));
    assertFalse(Files.exists(home.resolve("clawmetry-cache-2")));
  }

  static Stream<Long> seeds() {
    return LongStream.range(0, 8).mapToObj(i -> 0xCAC4EL + i * 7919);
  }

  /** Property: a live file written in random pieces, one process per piece, ends equal to one cold read. */
  @ParameterizedTest
  @MethodSource("seeds")
  void oneProcessPerPieceEndsEqualToOneColdRead(long seed) throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    Path cache = tmp.resolve("cache");
    Path live = home.resolve(LIVE);
    byte[] all = Files.readAllBytes(live);
    Random r = new Random(seed);
    int at = r.nextInt(all.length);
    Files.write(live, java.util.Arrays.copyOf(all, at));
    boolean firstRun = true;
    while (true) {
      try (ClawMetry cm = open(home, cache)) {
        assertEquals(firstRun, cm.refresh().fullRead(), "seed " + seed + ": only the first process reads everything");
        cm.usage(QUERIES.get(0));
      }
      firstRun = false;
      if (at >= all.length) {
        break;
      }
      int n = Math.min(all.length - at, 1 + r.nextInt(Math.max(1, (all.length - at) / 2 + 1)));
      Files.write(live, java.util.Arrays.copyOfRange(all, at, at + n), StandardOpenOption.APPEND);
      at += n;
    }
    try (ClawMetry warm = open(home, cache); ClawMetry cold = open(home, null)) {
      assertEquals(everything(cold), everything(warm), "seed " + seed);
    }
  }
}
