package io.clawmetry.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.core.usage.Call;
import io.clawmetry.core.usage.CallColumns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A ledger's snapshot stays as it was taken through later appends and through a full read again. */
class TranscriptLedgerSnapshotTest {

  @TempDir Path tmp;

  private static String header(String id) {
    return "{\"type\":\"session\",\"version\":3,\"id\":\"" + id + "\",\"timestamp\":\"2026-11-05T08:00:01.250Z\"}\n";
  }

  private static String assistant(String id, String ts, long in) {
    return "{\"type\":\"message\",\"id\":\"" + id + "\",\"parentId\":null,\"timestamp\":\"" + ts + "\",\"message\":"
        + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],\"provider\":\"anthropic\","
        + "\"model\":\"claude-sonnet-4-5\",\"usage\":{\"input\":" + in + ",\"output\":5,\"cacheRead\":0,"
        + "\"cacheWrite\":0,\"totalTokens\":" + (in + 5) + ",\"cost\":{\"total\":0.25}},\"stopReason\":\"stop\","
        + "\"timestamp\":\"" + ts + "\"}}\n";
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aSnapshotSurvivesAppendsAndAReset(boolean columns) throws Exception {
    Path sessions = Files.createDirectories(tmp.resolve("sessions"));
    Path file = sessions.resolve("s1.jsonl");
    String start = header("s1") + assistant("a0000001", "2026-11-05T08:00:02.000Z", 100)
        + assistant("a0000002", "2026-11-05T08:00:03.000Z", 200);
    Files.writeString(file, start);
    Supplier<List<Call>> store = columns ? CallColumns::new : ArrayList::new;
    try (TranscriptLedger<Call> ledger = new TranscriptLedger<>("main", sessions, null, null, Call::of, store)) {
      ledger.refresh();
      List<Call> first = ledger.snapshot();
      List<Call> expected = new ArrayList<>(ledger.items());
      assertEquals(2, first.size());
      assertEquals(100, first.get(0).usage().input());

      Files.writeString(file, assistant("a0000003", "2026-11-05T08:00:04.000Z", 300), StandardOpenOption.APPEND);
      assertTrue(!ledger.refresh().full());
      assertEquals(3, ledger.items().size());
      assertEquals(expected, first, "appends leave a snapshot alone");

      Files.writeString(file, header("s1") + assistant("a0000009", "2026-11-05T09:00:00.000Z", 900));
      assertTrue(ledger.refresh().full(), "a shrunk file is read again from scratch");
      assertEquals(1, ledger.items().size());
      assertEquals(900, ledger.items().get(0).usage().input());
      assertEquals(expected, first, "a reset leaves a snapshot alone");
    }
  }
}
