package io.clawmetry.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.Warning;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.usage.Call;
import io.clawmetry.core.usage.CallCodec;
import io.clawmetry.core.usage.CallColumns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warnings about the state of a ledger's sources (here: an agent database without OpenClaw's tables) are found again by
 * every refresh: they show once, however many refreshes ran, in one process or across processes through the cache.
 */
class LedgerSourceWarningsTest {

  @TempDir Path tmp;

  private TranscriptLedger<Call> ledger(Path sessions, Path db) {
    return new TranscriptLedger<>("main", sessions, null, db, Call::of, CallColumns::new);
  }

  private static String assistant(int n) {
    return "{\"type\":\"message\",\"id\":\"c0ffee" + String.format("%02x", n) + "\",\"parentId\":null,\"timestamp\":"
        + "\"2026-11-20T10:00:0" + n + ".000Z\",\"message\":{\"role\":\"assistant\",\"content\":[],\"provider\":\"p\","
        + "\"model\":\"m\",\"usage\":{\"input\":10,\"output\":1}}}\n";
  }

  private static long unknownSchema(TranscriptLedger<Call> l) {
    return l.warnings().list().stream().filter(w -> w.kind() == WarningKind.UNKNOWN_SCHEMA)
        .mapToLong(Warning::count).sum();
  }

  @Test
  void aDatabaseWarningShowsOnceOverRefreshesAndRuns() throws Exception {
    Path sessions = Files.createDirectories(tmp.resolve("sessions"));
    Path file = sessions.resolve("s1.jsonl");
    Files.writeString(file, assistant(0));
    Path db = tmp.resolve("agent.sqlite");
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        java.sql.Statement st = c.createStatement()) {
      st.execute("CREATE TABLE foo(x)");
    }
    LedgerCache cache = new LedgerCache(tmp.resolve("cache"), "build-1");
    try (TranscriptLedger<Call> l = ledger(sessions, db)) {
      for (int n = 1; n <= 3; n++) {
        l.refresh();
        Files.writeString(file, assistant(n), StandardOpenOption.APPEND);
      }
      l.refresh();
      assertEquals(1, unknownSchema(l), () -> l.warnings().list().toString());
      assertEquals(4, l.items().size());
      assertTrue(cache.save(l, CallCodec.INSTANCE));
    }
    for (int run = 4; run <= 6; run++) {
      Files.writeString(file, assistant(run), StandardOpenOption.APPEND);
      try (TranscriptLedger<Call> l = ledger(sessions, db)) {
        assertTrue(cache.load(l, CallCodec.INSTANCE));
        l.refresh();
        assertEquals(1, unknownSchema(l), () -> l.warnings().list().toString());
        assertEquals(run + 1, l.items().size());
        assertTrue(cache.save(l, CallCodec.INSTANCE));
      }
    }
    try (TranscriptLedger<Call> cold = ledger(sessions, db)) {
      cold.refresh();
      List<Warning> expected = cold.warnings().list();
      try (TranscriptLedger<Call> warm = ledger(sessions, db)) {
        assertTrue(cache.load(warm, CallCodec.INSTANCE));
        warm.refresh();
        assertEquals(expected, warm.warnings().list());
        assertEquals(cold.items(), warm.items());
      }
    }
  }
}
