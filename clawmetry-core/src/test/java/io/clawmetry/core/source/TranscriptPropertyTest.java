package io.clawmetry.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.Zstd;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.core.event.StreamState;
import io.clawmetry.core.warn.Warnings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded properties: incremental reads equal one read; JSONL, fork copies and SQLite rows dedup to one count. */
class TranscriptPropertyTest {

  @TempDir Path tmp;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 25);
  }

  private static List<TranscriptEvent> readAll(TranscriptFile f, Warnings w) {
    List<TranscriptEvent> out = new ArrayList<>();
    new TranscriptFileReader(w).read(f, LineReader.Position.START, TranscriptFileReader.newState(f), out::add);
    return out;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void appendedRestReadIncrementallyEqualsOneRead(long seed) throws Exception {
    TranscriptGenerator g = new TranscriptGenerator(seed);
    List<String> lines = g.transcript("sess-" + seed, 5 + g.nextInt(60), seed % 4 != 0);
    byte[] all = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    Path whole = Files.write(tmp.resolve("whole.jsonl"), all);
    Warnings w = new Warnings();
    List<TranscriptEvent> once = readAll(new TranscriptFile(whole, SourceKind.JSONL_TRANSCRIPT), w);
    assertEquals(lines.size(), once.size(), "seed " + seed);

    int splitLine = g.nextInt(lines.size() + 1);
    int cut = (String.join("\n", lines.subList(0, splitLine)) + (splitLine > 0 ? "\n" : ""))
        .getBytes(StandardCharsets.UTF_8).length;
    int extra = cut < all.length ? g.nextInt(Math.min(40, all.length - cut)) : 0; // half of the next line
    Path live = tmp.resolve("live.jsonl");
    Files.write(live, java.util.Arrays.copyOfRange(all, 0, cut + extra));
    Path same = Files.move(whole, tmp.resolve("moved.jsonl"));
    TranscriptFile liveFile = new TranscriptFile(live, SourceKind.JSONL_TRANSCRIPT);
    TranscriptFileReader reader = new TranscriptFileReader(w);
    StreamState state = TranscriptFileReader.newState(liveFile);
    List<TranscriptEvent> parts = new ArrayList<>();
    LineReader.Position p = reader.read(liveFile, LineReader.Position.START, state, parts::add);
    assertEquals(cut, p.offset(), "seed " + seed + ": offset after the last complete line");
    assertEquals(splitLine, parts.size(), "seed " + seed);
    Files.write(live, java.util.Arrays.copyOfRange(all, cut + extra, all.length), StandardOpenOption.APPEND);
    p = reader.read(liveFile, p, state, parts::add);
    assertEquals(all.length, p.offset(), "seed " + seed);
    List<String> expected = withOrigin(once, live);
    List<String> actual = withOrigin(parts, live);
    assertEquals(expected.size(), actual.size(), "seed " + seed);
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), "seed " + seed + " event " + i);
    }
    assertTrue(w.isEmpty(), () -> "seed " + seed + " " + w.list());
    Files.delete(same);
  }

  /**
   * A file cut just before the newline of any line (its writer stopped there, or the newline comes later): that last
   * line is read without its newline, and the rest appended later (starting with that newline) gives exactly the
   * events, line numbers included, of one read of the whole file.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void lastLineWithoutItsNewlineIsReadAndTheRestFollowsIncrementally(long seed) throws Exception {
    TranscriptGenerator g = new TranscriptGenerator(seed * 31);
    List<String> lines = g.transcript("sess-" + seed, 5 + g.nextInt(60), seed % 3 != 0);
    byte[] all = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    Path whole = Files.write(tmp.resolve("whole.jsonl"), all);
    Warnings w = new Warnings();
    List<TranscriptEvent> once = readAll(new TranscriptFile(whole, SourceKind.JSONL_TRANSCRIPT), w);
    int lastLine = 1 + g.nextInt(lines.size()); // lines 1..lastLine are written, the last without its newline
    int cut = String.join("\n", lines.subList(0, lastLine)).getBytes(StandardCharsets.UTF_8).length;
    Path live = tmp.resolve("live.jsonl");
    Files.write(live, java.util.Arrays.copyOfRange(all, 0, cut));
    Files.delete(whole);
    TranscriptFile liveFile = new TranscriptFile(live, SourceKind.JSONL_TRANSCRIPT);
    TranscriptFileReader reader = new TranscriptFileReader(w);
    StreamState state = TranscriptFileReader.newState(liveFile);
    List<TranscriptEvent> parts = new ArrayList<>();
    LineReader.Position p = reader.read(liveFile, LineReader.Position.START, state, parts::add);
    assertEquals(new LineReader.Position(cut, lastLine + 1), p, "seed " + seed);
    assertEquals(lastLine, parts.size(), "seed " + seed);
    // in one piece or two (the newline alone first, then the rest)
    int newlineFirst = g.nextInt(2) == 0 ? 1 : all.length - cut;
    Files.write(live, java.util.Arrays.copyOfRange(all, cut, cut + newlineFirst), StandardOpenOption.APPEND);
    p = reader.read(liveFile, p, state, parts::add);
    Files.write(live, java.util.Arrays.copyOfRange(all, cut + newlineFirst, all.length), StandardOpenOption.APPEND);
    p = reader.read(liveFile, p, state, parts::add);
    assertEquals(new LineReader.Position(all.length, lines.size() + 1), p, "seed " + seed);
    assertEquals(withOrigin(once, live), withOrigin(parts, live), "seed " + seed);
    assertTrue(w.isEmpty(), () -> "seed " + seed + " " + w.list());
  }

  /** The events with their origin path replaced (same file content read under another name). */
  private static List<String> withOrigin(List<TranscriptEvent> events, Path path) {
    List<String> out = new ArrayList<>();
    for (TranscriptEvent e : events) {
      out.add(e.toString().replace(e.meta().origin().source(), path.toString()));
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void jsonlForkAndSqliteRowsCountOnce(long seed) throws Exception {
    TranscriptGenerator g = new TranscriptGenerator(seed * 7919);
    String sid = "a" + seed + "-session";
    List<String> lines = g.transcript(sid, 5 + g.nextInt(60), true);
    Path sessions = Files.createDirectories(tmp.resolve("sessions"));
    Files.writeString(sessions.resolve(sid + ".jsonl.reset.2026-01-01T00-00-00.000Z"), String.join("\n", lines));
    // a pi fork: a new file and session id, holding copies of the first entries
    int forkAt = 1 + g.nextInt(lines.size() - 1);
    List<String> fork = new ArrayList<>();
    fork.add("{\"type\":\"session\",\"version\":3,\"id\":\"fork-" + seed + "\",\"timestamp\":"
        + "\"2026-02-01T00:00:00.000Z\",\"parentSession\":\"" + sid + "\"}");
    fork.addAll(lines.subList(1, forkAt));
    Files.writeString(sessions.resolve("2026-02-01T00-00-00-000Z_fork-" + seed + ".jsonl"), String.join("\n", fork) + "\n");

    Path db = tmp.resolve("agent.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE transcript_events (session_id TEXT NOT NULL, seq INTEGER NOT NULL, event_json TEXT,"
          + " created_at INTEGER NOT NULL, event_zstd BLOB, event_utf8_bytes INTEGER, navigation_json TEXT,"
          + " PRIMARY KEY (session_id, seq)) STRICT");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO transcript_events VALUES (?,?,?,?,?,?,?)")) {
        for (int i = 0; i < lines.size(); i++) {
          byte[] utf8 = lines.get(i).getBytes(StandardCharsets.UTF_8);
          boolean zstd = g.nextInt(3) == 0;
          ps.setString(1, sid);
          ps.setLong(2, i);
          ps.setString(3, zstd ? null : lines.get(i));
          ps.setLong(4, 0);
          ps.setBytes(5, zstd ? Zstd.compress(utf8) : null);
          if (zstd) {
            ps.setLong(6, utf8.length);
            ps.setString(7, "{\"version\":1}");
          } else {
            ps.setNull(6, java.sql.Types.INTEGER);
            ps.setNull(7, java.sql.Types.VARCHAR);
          }
          ps.executeUpdate();
        }
      }
    }

    Warnings w = new Warnings();
    Set<String> fromDb = new HashSet<>();
    new TranscriptScanner("main", null, null, db).scan(w, e -> fromDb.add(e.meta().dedupKey()));
    Set<String> fromFile = new HashSet<>();
    new TranscriptScanner("main", sessions, null, null).scan(w, e -> fromFile.add(e.meta().dedupKey()));
    assertEquals(lines.size(), fromDb.size(), "seed " + seed);
    assertEquals(fromDb.size() + 1, fromFile.size(), "seed " + seed + ": the file keys plus the fork header");
    assertTrue(fromFile.containsAll(fromDb), "seed " + seed);

    EventCounts both = new EventCounts();
    TranscriptScanner scanner = new TranscriptScanner("main", sessions, null, db);
    scanner.scan(w, both);
    EventCounts expected = new EventCounts();
    readAll(new TranscriptFile(sessions.resolve(sid + ".jsonl.reset.2026-01-01T00-00-00.000Z"),
        SourceKind.JSONL_ARCHIVE), w).forEach(expected);
    assertEquals(lines.size() + 1, both.events, "seed " + seed);
    assertEquals(expected.assistant, both.assistant, "seed " + seed);
    assertEquals(expected.total, both.total, "seed " + seed);
    assertEquals(0, expected.cost.compareTo(both.cost), "seed " + seed);
    assertEquals(lines.size(), scanner.session(sid, w).size(), "seed " + seed);
    assertEquals(forkAt, scanner.session("fork-" + seed, w).size(), "seed " + seed);
    assertEquals(2, scanner.summaries(w).size(), "seed " + seed);
    assertTrue(w.isEmpty(), () -> "seed " + seed + " " + w.list());
  }
}
