package io.clawmetry.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.clawmetry.core.warn.Warnings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AgentDatabaseTranscripts#readAfter}: rows read before and gone (also from a session's middle) give null before
 * anything of the call is handed out; rows appended, or appended and deleted while the call reads, never do.
 */
class AgentDatabaseReadAfterTest {

  @TempDir Path tmp;

  private Path db;

  private void sql(String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }

  private static String row(String session, int seq) {
    return "INSERT INTO transcript_events (session_id, seq, event_json) VALUES ('" + session + "', " + seq
        + ", '{\"n\":\"" + session + seq + "\"}')";
  }

  private void create() throws Exception {
    db = tmp.resolve("agent.sqlite");
    sql("PRAGMA journal_mode=WAL", // a writer goes on while we read, as the gateway does
        "CREATE TABLE transcript_events (session_id TEXT NOT NULL, seq INTEGER NOT NULL, event_json TEXT,"
            + " PRIMARY KEY (session_id, seq))",
        row("a", 0), row("a", 1), row("b", 0), row("b", 1));
  }

  /** One readAfter; the records it handed out go to {@code seen}. */
  private Map<String, SessionRows> readAfter(
      Map<String, SessionRows> read, List<String> seen, Consumer<RawRecord> also) {
    java.util.concurrent.atomic.AtomicReference<Map<String, SessionRows>> out =
        new java.util.concurrent.atomic.AtomicReference<>();
    Warnings w = new Warnings();
    AgentDatabaseTranscripts.with(db, w, t -> out.set(t.readAfter(read, w, r -> {
      seen.add(r.json());
      also.accept(r);
    })));
    assertEquals(List.of(), w.list(), "no warning");
    return out.get();
  }

  private Map<String, SessionRows> firstRead() {
    List<String> seen = new ArrayList<>();
    Map<String, SessionRows> read = readAfter(new LinkedHashMap<>(), seen, r -> {});
    assertEquals(4, seen.size());
    assertEquals(Map.of("a", new SessionRows(1, 2), "b", new SessionRows(1, 2)), read);
    return read;
  }

  @Test
  void appendedRowsAreReadAndCounted() throws Exception {
    create();
    Map<String, SessionRows> read = firstRead();
    sql(row("a", 2), row("c", 0));
    List<String> seen = new ArrayList<>();
    Map<String, SessionRows> next = readAfter(read, seen, r -> {});
    assertEquals(List.of("{\"n\":\"a2\"}", "{\"n\":\"c0\"}"), seen);
    assertEquals(
        Map.of("a", new SessionRows(2, 3), "b", new SessionRows(1, 2), "c", new SessionRows(0, 1)), next);
    assertEquals(next, readAfter(next, new ArrayList<>(), r -> {}), "nothing new: the same");
  }

  @Test
  void aRowDeletedFromTheMiddleGivesNullBeforeAnythingIsHandedOut() throws Exception {
    create();
    sql(row("a", 2));
    Map<String, SessionRows> read = readAfter(new LinkedHashMap<>(), new ArrayList<>(), r -> {});
    // in place: the session's last seq is the same
    sql("DELETE FROM transcript_events WHERE session_id = 'a' AND seq = 1");
    assertNull(readAfter(read, new ArrayList<>(), r -> {}));
    // and when the session (and another one) grew as well: null, and nothing of the new rows was handed out
    sql(row("a", 3), row("b", 2));
    List<String> seen = new ArrayList<>();
    assertNull(readAfter(read, seen, r -> {}));
    assertEquals(List.of(), seen);
  }

  @Test
  void aGoneSessionOrAShorterOneGivesNull() throws Exception {
    create();
    Map<String, SessionRows> read = firstRead();
    sql("DELETE FROM transcript_events WHERE session_id = 'a' AND seq = 1");
    assertNull(readAfter(read, new ArrayList<>(), r -> {}), "a ends before the seq read");
    sql("DELETE FROM transcript_events WHERE session_id = 'a'");
    assertNull(readAfter(read, new ArrayList<>(), r -> {}), "a is gone");
  }

  @Test
  void aNewRowDeletedWhileTheCallReadsIsNoReasonForAFullRead() throws Exception {
    create();
    Map<String, SessionRows> read = firstRead();
    sql(row("a", 2), row("b", 2), row("b", 3));
    boolean[] deleted = {false};
    List<String> seen = new ArrayList<>();
    Map<String, SessionRows> next =
        readAfter(read, seen, r -> {
          if (!deleted[0]) {
            deleted[0] = true; // after the first query, before b is read: b's new last row goes
            try {
              sql("DELETE FROM transcript_events WHERE session_id = 'b' AND seq = 3");
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }
        });
    assertNotNull(next, "no row read before is gone");
    assertEquals(List.of("{\"n\":\"a2\"}", "{\"n\":\"b2\"}"), seen);
    assertEquals(Map.of("a", new SessionRows(2, 3), "b", new SessionRows(2, 3)), next);
    assertEquals(next, readAfter(next, new ArrayList<>(), r -> {}), "and the next call agrees");
  }

  @Test
  void rowsWithANegativeSeqAreNeitherReadNorCounted() throws Exception {
    create();
    sql(row("a", -5), row("n", -1)); // below a's rows, and a session of such rows only
    Map<String, SessionRows> read = firstRead();
    assertEquals(read, readAfter(read, new ArrayList<>(), r -> {}), "no endless full reads");
  }
}
