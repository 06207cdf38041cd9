package io.clawmetry.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.luben.zstd.Zstd;
import io.clawmetry.api.Warning;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.testing.TranscriptLines;
import io.clawmetry.core.usage.Call;
import io.clawmetry.core.usage.CallColumns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review of the READABLE_RECHECK change (f5ad257).
 *
 * <p>1. The minute recheck lives in the listing only; a watched ledger (serve, every 2 s) never lists again while the
 * watch reports no create/delete, so a file made unreadable without an event on the file itself (a mode change of
 * its directory, of a symbolic link's target, ...) is never found, however much time passes.
 *
 * <p>2. "at once when the directory watch reports the file": refreshWatched returns null for a reported .zst archive
 * before asking readability and without clearing readableChecked, so the listing that follows trusts the unchanged
 * archive for up to a minute.
 */
class Review6LedgerReadabilityTest {

  @TempDir Path tmp;

  private final Set<Path> blocked = ConcurrentHashMap.newKeySet();
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  private TranscriptLedger<Call> ledger(Path sessions) {
    TranscriptLedger<Call> l = new TranscriptLedger<>("main", sessions, null, null, Call::of, CallColumns::new);
    l.readabilityCheck(p -> !blocked.contains(p), nanos::get);
    return l;
  }

  private static long unreadable(TranscriptLedger<Call> l, Path p) {
    return l.warnings().list().stream()
        .filter(w -> w.kind() == WarningKind.UNREADABLE && w.source().equals(p.toString()))
        .mapToLong(Warning::count)
        .sum();
  }

  @Test
  void aWatchedLedgerRechecksReadabilityAfterTheIntervalToo() throws Exception {
    Path sessions = Files.createDirectories(tmp.resolve("sessions"));
    Files.writeString(sessions.resolve("a.jsonl"),
        TranscriptLines.assistant("aaaa0001", "2026-11-20T10:00:00.000Z", 10, 1, "0.5") + "\n");
    Path b = Files.writeString(sessions.resolve("b.jsonl"),
        TranscriptLines.assistant("bbbb0001", "2026-11-20T11:00:00.000Z", 20, 2, "0.25") + "\n");
    try (TranscriptLedger<Call> l = ledger(sessions)) {
      l.watchDirectories(true);
      l.refresh();
      l.refresh(); // lists again and starts the watch
      assertEquals(2, l.items().size());
      blocked.add(b); // made unreadable with no event on the file (e.g. a directory mode change)
      nanos.addAndGet(10 * TranscriptLedger.READABLE_RECHECK.toNanos());
      for (int i = 0; i < 5; i++) {
        Thread.sleep(50);
        l.refresh();
      }
      assertEquals(1, unreadable(l, b), () -> "10 minutes later, still no UNREADABLE: " + l.warnings().list());
    }
  }

  @Test
  void aReportedZstArchiveIsRecheckedAtOnce() throws Exception {
    Path sessions = Files.createDirectories(tmp.resolve("sessions"));
    Files.writeString(sessions.resolve("a.jsonl"),
        TranscriptLines.assistant("aaaa0001", "2026-11-20T10:00:00.000Z", 10, 1, "0.5") + "\n");
    Path z = sessions.resolve("z.jsonl.deleted.2026-01-02T00-00-00.000Z.zst");
    Files.write(z, Zstd.compress((TranscriptLines.assistant("zzzz0001", "2026-11-20T11:00:00.000Z", 20, 2, "0.25")
        + "\n").getBytes(StandardCharsets.UTF_8)));
    try (TranscriptLedger<Call> l = ledger(sessions)) {
      l.watchDirectories(true);
      l.refresh();
      l.refresh();
      assertEquals(2, l.items().size());
      blocked.add(z);
      // a mode change: reported by the watch as a modification, size and time unchanged
      FileTime t = Files.getLastModifiedTime(z);
      Files.setLastModifiedTime(z, t);
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (unreadable(l, z) == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
        l.refresh(); // fake clock stands still
      }
      assertEquals(1, unreadable(l, z), () -> l.warnings().list().toString());
    }
  }
}
