package io.clawmetry.core.source;

import static io.clawmetry.core.testing.TranscriptLines.assistant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.Zstd;
import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageRow;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.ClawMetryBuilder;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.usage.Call;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FORMATS §6.5 cold storage and archive blobs: transcripts whose {@code transcript_events} rows were deleted still
 * count, once, whichever copies of them exist (rows, cold files, blobs, published files).
 */
class ColdArchivesTest {

  static final String A = "aaaaaaaa-0000-4000-8000-000000000001";
  static final String B = "bbbbbbbb-0000-4000-8000-000000000002";

  @TempDir Path tmp;

  static String header(String id) {
    return "{\"type\":\"session\",\"version\":4,\"id\":\"" + id + "\",\"timestamp\":\"2026-11-01T00:00:00.000Z\","
        + "\"cwd\":\"/tmp\"}";
  }

  static String user(String id, String ts) {
    return "{\"type\":\"message\",\"id\":\"" + id + "\",\"parentId\":null,\"timestamp\":\"" + ts + "\",\"message\":"
        + "{\"role\":\"user\",\"content\":\"hi\",\"timestamp\":\"" + ts + "\"}}";
  }


  /** Session A: header, a user turn and two assistant messages (100+10, 200+20 tokens, cost 0.01 + 0.02). */
  static List<String> sessionA() {
    return List.of(
        header(A),
        user("a0000001", "2026-11-01T00:00:01.000Z"),
        assistant("a0000002", "2026-11-01T00:00:02.000Z", 100, 10, "0.01"),
        user("a0000003", "2026-11-01T00:00:03.000Z"),
        assistant("a0000004", "2026-11-01T00:00:04.000Z", 200, 20, "0.02"));
  }

  /** Session B: header and three assistant messages (1000+1, 2000+2, 3000+3 tokens, cost 0.1 + 0.2 + 0.3). */
  static List<String> sessionB() {
    return List.of(
        header(B),
        assistant("b0000001", "2026-11-02T00:00:01.000Z", 1000, 1, "0.1"),
        assistant("b0000002", "2026-11-02T00:00:02.000Z", 2000, 2, "0.2"),
        assistant("b0000003", "2026-11-02T00:00:03.000Z", 3000, 3, "0.3"));
  }

  /** OpenClaw's cold record format (session-cold-storage-worker, 2026.9.6), zstd-compressed. */
  static byte[] coldArchive(String sessionId, List<String> events) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"kind\":\"header\",\"version\":1,\"sessionId\":\"").append(sessionId)
        .append("\",\"generation\":\"g1\"}\n");
    for (int seq = 0; seq < events.size(); seq++) {
      sb.append("{\"kind\":\"event\",\"row\":{\"seq\":").append(seq).append(",\"event_json\":")
          .append(quote(events.get(seq))).append(",\"created_at\":1760000000000}}\n");
    }
    for (int seq = 0; seq < events.size(); seq++) {
      sb.append("{\"kind\":\"identity\",\"row\":{\"event_id\":\"x").append(seq).append("\",\"seq\":").append(seq)
          .append(",\"event_type\":\"message\",\"parent_id\":null,\"message_idempotency_key\":null,"
              + "\"created_at\":1760000000000}}\n");
    }
    sb.append("{\"kind\":\"fts\",\"row\":{\"text\":\"hi\",\"message_id\":\"a0000001\",\"role\":\"user\","
        + "\"timestamp\":null}}\n");
    return Zstd.compress(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  static String quote(String json) {
    return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  /** An agent database with the FORMATS §6.3 tables a reader needs, {@code session} rows for each given session. */
  static Path agentDatabase(Path file, Map<String, List<String>> rows) throws Exception {
    Files.createDirectories(file.getParent());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version = 23");
      s.execute("CREATE TABLE transcript_events (session_id TEXT NOT NULL, seq INTEGER NOT NULL, event_json TEXT,"
          + " created_at INTEGER NOT NULL, event_zstd BLOB, event_utf8_bytes INTEGER, navigation_json TEXT,"
          + " PRIMARY KEY (session_id, seq))");
      s.execute("CREATE TABLE session_transcript_archives (session_id TEXT NOT NULL, generation TEXT NOT NULL,"
          + " session_key TEXT NOT NULL, reason TEXT NOT NULL, encoding TEXT NOT NULL, archive_blob BLOB NOT NULL,"
          + " archive_sha256 TEXT NOT NULL, archive_name TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL,"
          + " published_at INTEGER, publish_attempts INTEGER NOT NULL DEFAULT 0, last_publish_attempt_at INTEGER,"
          + " last_publish_error TEXT, PRIMARY KEY (session_id, generation))");
      s.execute("CREATE TABLE session_transcript_cold_archives (session_id TEXT NOT NULL PRIMARY KEY,"
          + " generation TEXT NOT NULL, archive_name TEXT NOT NULL UNIQUE, archive_sha256 TEXT NOT NULL,"
          + " event_count INTEGER NOT NULL, raw_bytes INTEGER NOT NULL, archive_bytes INTEGER NOT NULL,"
          + " last_seq INTEGER NOT NULL, archived_at INTEGER NOT NULL, storage TEXT NOT NULL, archive_blob BLOB)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO transcript_events VALUES (?,?,?,?,NULL,NULL,NULL)")) {
        for (Map.Entry<String, List<String>> e : rows.entrySet()) {
          for (int seq = 0; seq < e.getValue().size(); seq++) {
            ps.setString(1, e.getKey());
            ps.setInt(2, seq);
            ps.setString(3, e.getValue().get(seq));
            ps.setLong(4, 1760000000000L + seq);
            ps.executeUpdate();
          }
        }
      }
    }
    return file;
  }

  static void insertColdBlob(Path db, String sessionId, byte[] blob, String sha) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement ps = c.prepareStatement(
            "INSERT INTO session_transcript_cold_archives VALUES (?,'g1',?,?,1,1,?,0,1760000000000,'sqlite',?)")) {
      ps.setString(1, sessionId);
      ps.setString(2, sha + ".jsonl.zst");
      ps.setString(3, sha);
      ps.setInt(4, blob.length);
      ps.setBytes(5, blob);
      ps.executeUpdate();
    }
  }

  static void insertArchive(Path db, String sessionId, String generation, String encoding, byte[] blob, String sha,
      String name) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement ps = c.prepareStatement(
            "INSERT INTO session_transcript_archives (session_id, generation, session_key, reason, encoding,"
                + " archive_blob, archive_sha256, archive_name, created_at) VALUES (?,?,?,'deleted',?,?,?,?,1)")) {
      ps.setString(1, sessionId);
      ps.setString(2, generation);
      ps.setString(3, "agent:main:s-" + sessionId);
      ps.setString(4, encoding);
      ps.setBytes(5, blob);
      ps.setString(6, sha);
      ps.setString(7, name);
      ps.executeUpdate();
    }
  }

  /** A home whose agent database holds rows for A, and whose cold directory holds A (restored) and B (cold). */
  Path coldHome() throws Exception {
    Path home = tmp.resolve("home");
    Path sessions = Files.createDirectories(home.resolve("agents/main/sessions"));
    Files.writeString(home.resolve("openclaw.json"), "{}");
    agentDatabase(home.resolve("agents/main/agent/openclaw-agent.sqlite"), Map.of(A, sessionA()));
    Path cold = Files.createDirectories(sessions.resolve("cold"));
    byte[] a = coldArchive(A, sessionA());
    byte[] b = coldArchive(B, sessionB());
    Files.write(cold.resolve(sha256(a) + ".jsonl.zst"), a);
    Files.write(cold.resolve(sha256(b) + ".jsonl.zst"), b);
    return home;
  }

  static TranscriptLedger<Call> ledger(Path home) {
    return new TranscriptLedger<>(
        "main",
        home.resolve("agents/main/sessions"),
        null,
        home.resolve("agents/main/agent/openclaw-agent.sqlite"),
        Call::of);
  }

  static long input(List<Call> calls) {
    return calls.stream().mapToLong(c -> c.usage().input()).sum();
  }

  /**
   * A cold file whose bytes do not hash to the SHA-256 in its name is a BAD_ARCHIVE and counts nothing (OpenClaw
   * refuses it too); once it is replaced by a file with other content (size or time change) it is checked again.
   */
  @Test
  void aColdFileThatFailsItsNameHashIsSkipped() throws Exception {
    Path home = coldHome();
    Path cold = home.resolve("agents/main/sessions/cold");
    byte[] b = coldArchive(B, sessionB());
    String claimed = sha256(b);
    try (var ds = Files.newDirectoryStream(cold)) {
      for (Path f : ds) {
        if (f.getFileName().toString().startsWith(claimed)) {
          Files.delete(f);
        }
      }
    }
    byte[] damaged = b.clone();
    damaged[damaged.length - 5] ^= 0x40; // inside the zstd frame: the hash no longer matches
    Path named = cold.resolve(claimed + ".jsonl.zst");
    Files.write(named, damaged);
    try (TranscriptLedger<Call> l = ledger(home)) {
      TranscriptLedger.Delta d = l.refresh();
      assertEquals(2, d.archivesRead(), "both cold files were looked at");
      assertEquals(2, l.items().size(), "A's 2 calls from its rows; none of B");
      assertEquals(1, l.warnings().list().size(), () -> l.warnings().list().toString());
      assertEquals(io.clawmetry.api.WarningKind.BAD_ARCHIVE, l.warnings().list().get(0).kind());
      assertTrue(l.warnings().list().get(0).message().contains("SHA-256"), l.warnings().list().toString());
      assertEquals(0, l.refresh().archivesRead(), "an unchanged file is not hashed again");

      Files.write(named, b); // the verified archive restored under its name
      Files.setLastModifiedTime(named, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
      assertEquals(1, l.refresh().archivesRead());
      assertEquals(5, l.items().size(), "B's 3 calls now count");
    }
  }

  @Test
  void aColdFileThatIsGoneNoLongerCounts() throws Exception {
    Path home = coldHome();
    try (TranscriptLedger<Call> l = ledger(home)) {
      l.refresh();
      assertEquals(5, l.items().size());
      String claimed = sha256(coldArchive(B, sessionB()));
      try (var ds = Files.newDirectoryStream(home.resolve("agents/main/sessions/cold"))) {
        for (Path f : ds) {
          if (f.getFileName().toString().startsWith(claimed)) {
            Files.delete(f);
          }
        }
      }
      TranscriptLedger.Delta d = l.refresh();
      assertTrue(d.full(), "what was read of it cannot be taken back: everything is read again");
      assertEquals(2, l.items().size(), "A's 2 calls from its rows; B's 3 are gone with its cold file");
    }
  }

  @Test
  void coldFilesCountOnceNextToTheRowsOfARestoredSession() throws Exception {
    Path home = coldHome();
    try (TranscriptLedger<Call> l = ledger(home)) {
      TranscriptLedger.Delta d = l.refresh();
      assertTrue(l.warnings().isEmpty(), () -> l.warnings().list().toString());
      assertEquals(2, d.archivesRead(), "both cold files");
      List<Call> calls = l.items();
      assertEquals(5, calls.size(), "A's 2 assistant messages once (rows win) and B's 3");
      assertEquals(2, calls.stream().filter(c -> c.sessionId().equals(A)).count());
      assertEquals(3, calls.stream().filter(c -> c.sessionId().equals(B)).count());
      assertEquals(100 + 200 + 1000 + 2000 + 3000, input(calls));
      assertEquals(10 + 20 + 1 + 2 + 3, calls.stream().mapToLong(c -> c.usage().output()).sum());
      assertEquals(9, d.newEvents(), "A: 5 events, B: 4 events");
      assertTrue(l.items().stream().allMatch(c -> c.usage() != null));

      TranscriptLedger.Delta again = l.refresh();
      assertEquals(0, again.archivesRead(), "cold files are read once");
      assertEquals(0, again.newEvents());
      assertEquals(5, l.items().size());
    }
  }

  @Test
  void facadeTotalsIncludeTheColdSession() throws Exception {
    Path home = coldHome();
    try (ClawMetry cm =
        ClawMetryBuilder.create().environment(Environment.of(Map.of(), tmp.resolve("u"))).stateDir(home).build()) {
      var report = cm.usage(UsageQuery.daily(ZoneId.of("UTC")));
      UsageRow t = report.totals();
      assertEquals(5, t.calls());
      assertEquals(6300, t.tokens().input());
      assertEquals(36, t.tokens().output());
      assertEquals(0, new BigDecimal("0.63").compareTo(t.cost()), () -> "cost " + t.cost());
      assertTrue(
          report.warnings().stream().noneMatch(w -> w.kind() == WarningKind.BAD_ARCHIVE), report.warnings()::toString);
    }
  }

  /** A transcript: header and one assistant message per input figure (output 1 each, cost 0). */
  static String transcript(String id, long... inputs) {
    StringBuilder sb = new StringBuilder(header(id)).append('\n');
    for (int k = 0; k < inputs.length; k++) {
      sb.append(assistant(id.substring(0, 4) + "-m" + k, "2026-11-03T00:00:0" + k + ".000Z", inputs[k], 1, "0"))
          .append('\n');
    }
    return sb.toString();
  }

  static final String C = "cccccccc-0000-4000-8000-000000000003";
  static final String D = "dddddddd-0000-4000-8000-000000000004";
  static final String E = "eeeeeeee-0000-4000-8000-000000000005";
  static final String F = "ffffffff-0000-4000-8000-000000000006";
  static final String G = "99999999-0000-4000-8000-000000000007";

  @Test
  void archiveBlobsCountOnceAndAreReadOnce() throws Exception {
    Path home = tmp.resolve("blobs");
    Path sessions = Files.createDirectories(home.resolve("agents/main/sessions"));
    Path db = agentDatabase(home.resolve("agents/main/agent/openclaw-agent.sqlite"), Map.of(A, sessionA()));
    // C: deleted, zstd blob, and the derived file OpenClaw publishes from the same bytes
    byte[] c = Zstd.compress(transcript(C, 10, 20).getBytes(StandardCharsets.UTF_8));
    String cName = C + ".jsonl.deleted.2026-11-03T00-00-00.000Z.zst";
    insertArchive(db, C, "g1", "zstd", c, sha256(c), cName);
    Files.write(sessions.resolve(cName), c);
    // D: deleted, identity blob, not published
    byte[] d = transcript(D, 40).getBytes(StandardCharsets.UTF_8);
    insertArchive(db, D, "g1", "identity", d, sha256(d), D + ".jsonl.deleted.2026-11-03T00-00-00.000Z");
    // E: cold, stored in SQLite only, no rows
    byte[] e = coldArchive(E, List.of(transcript(E, 80, 160).split("\n")));
    insertColdBlob(db, E, e, sha256(e));
    // F: a hash that does not match
    byte[] f = transcript(F, 5000).getBytes(StandardCharsets.UTF_8);
    insertArchive(db, F, "g1", "identity", f, sha256(d), F + ".jsonl.deleted.2026-11-03T00-00-00.000Z");

    try (TranscriptLedger<Call> l = ledger(home)) {
      TranscriptLedger.Delta first = l.refresh();
      assertEquals(4, first.archivesRead(), "C, D, E and F's blobs");
      assertEquals(1, first.filesRead(), "C's published file");
      List<Call> calls = l.items();
      assertEquals(7, calls.size(), "A 2, C 2 (blob and file once), D 1, E 2, F none");
      assertEquals(300 + 30 + 40 + 240, input(calls));
      assertEquals(2, calls.stream().filter(x -> x.sessionId().equals(C)).count());
      assertEquals(1, calls.stream().filter(x -> x.sessionId().equals(D)).count());
      assertEquals(2, calls.stream().filter(x -> x.sessionId().equals(E)).count());
      assertEquals(0, calls.stream().filter(x -> x.sessionId().equals(F)).count());
      List<io.clawmetry.api.Warning> ws = l.warnings().list();
      assertEquals(1, ws.size(), ws::toString);
      assertEquals(WarningKind.BAD_ARCHIVE, ws.get(0).kind());
      assertEquals(db + "#session_transcript_archives/" + F + "/g1", ws.get(0).source());

      TranscriptLedger.Delta again = l.refresh();
      assertEquals(0, again.archivesRead(), "nothing changed: no blob is read again");
      assertEquals(0, again.newEvents());
      assertEquals(7, l.items().size());
      assertEquals(1, l.warnings().list().get(0).count(), "the bad blob is not reported again");

      byte[] g = transcript(G, 1000).getBytes(StandardCharsets.UTF_8);
      insertArchive(db, G, "g1", "identity", g, sha256(g), G + ".jsonl.deleted.2026-11-03T00-00-00.000Z");
      TranscriptLedger.Delta third = l.refresh();
      assertEquals(1, third.archivesRead(), "only the new blob");
      assertEquals(8, l.items().size());
      assertEquals(1610, input(l.items()));

      // D's archive deleted from the database: what was read of it cannot stay counted
      try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + db);
          java.sql.Statement st = conn.createStatement()) {
        st.execute("DELETE FROM session_transcript_archives WHERE session_id = '" + D + "'");
      }
      TranscriptLedger.Delta fourth = l.refresh();
      assertTrue(fourth.full(), "everything read again");
      assertEquals(7, l.items().size());
      assertEquals(1610 - 40, input(l.items()));
    }

    // the one-shot scanner counts the same
    EventCounts counts = new EventCounts();
    io.clawmetry.core.warn.Warnings w = new io.clawmetry.core.warn.Warnings();
    new TranscriptScanner("main", sessions, null, db).scan(w, counts);
    assertEquals(7, counts.assistant, "as the ledger after D's archive was deleted");
    assertEquals(1610 - 40, counts.input);
  }

  /**
   * A session's transcript view ({@code TranscriptScanner.session}) includes the events of a session whose rows are
   * gone to cold storage, with their content, and a restored session's events once.
   */
  @Test
  void theSessionViewReadsColdArchivesWithContent() throws Exception {
    Path home = coldHome();
    TranscriptScanner scanner =
        new TranscriptScanner(
            "main",
            home.resolve("agents/main/sessions"),
            null,
            home.resolve("agents/main/agent/openclaw-agent.sqlite"));
    io.clawmetry.core.warn.Warnings w = new io.clawmetry.core.warn.Warnings();
    List<io.clawmetry.api.TranscriptEvent> b = scanner.session(B, w);
    assertTrue(w.isEmpty(), w.list().toString());
    assertEquals(4, b.size(), "B's header and 3 assistant messages, from its cold archive only");
    List<io.clawmetry.api.TranscriptEvent.Message> messages =
        b.stream()
            .filter(e -> e instanceof io.clawmetry.api.TranscriptEvent.Message)
            .map(e -> (io.clawmetry.api.TranscriptEvent.Message) e)
            .toList();
    assertEquals(3, messages.size());
    assertTrue(messages.stream().allMatch(m -> !m.content().isEmpty()), "content kept in the session view");
    assertEquals(6000, messages.stream().mapToLong(m -> m.usage().input()).sum());
    assertEquals(5, scanner.session(A, w).size(), "A: rows and cold copy, each event once");
  }

  @Test
  void anUndecodableBlobIsABadArchiveAndNothingElse() throws Exception {
    Path db = agentDatabase(tmp.resolve("u/agent.sqlite"), Map.of());
    byte[] frame = Zstd.compress(transcript(C, 10, 20, 30).getBytes(StandardCharsets.UTF_8));
    byte[] cut = java.util.Arrays.copyOf(frame, frame.length - 8);
    insertArchive(db, C, "g1", "zstd", cut, sha256(cut), "c.zst");
    byte[] notZstd = "not zstd at all".getBytes(StandardCharsets.UTF_8);
    insertColdBlob(db, E, notZstd, sha256(notZstd));
    io.clawmetry.core.warn.Warnings w = new io.clawmetry.core.warn.Warnings();
    EventCounts counts = new EventCounts();
    int read;
    try (io.clawmetry.core.sqlite.ReadOnlyDatabase open =
        io.clawmetry.core.sqlite.ReadOnlyDatabase.open(db, w).orElseThrow()) {
      read = new TranscriptArchives(w).readBlobs(open, new java.util.HashSet<>(), (ref, st, ev) -> counts.accept(ev));
    }
    assertEquals(2, read);
    assertEquals(0, counts.input, "a damaged frame yields no complete assistant line here");
    assertTrue(w.list().stream().anyMatch(x -> x.kind() == WarningKind.BAD_ARCHIVE
        && x.source().endsWith("#session_transcript_archives/" + C + "/g1")), w.list()::toString);
    // not starting with the zstd magic: read as identity, and it holds no cold header record
    assertTrue(w.list().stream().anyMatch(x -> x.kind() == WarningKind.BAD_ARCHIVE
        && x.source().endsWith("#session_transcript_cold_archives/" + E + "/g1")), w.list()::toString);
  }
}
