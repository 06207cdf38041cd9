package io.clawmetry.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file made unreadable after it was read, and left unchanged, is reported like one that was unreadable from the
 * start: by the first listing after {@link TranscriptLedger#READABLE_RECHECK}, or at once when the directory watch
 * reports it. Readability is decided by a stand-in here (root reads a mode-000 file), and the recheck clock is fake.
 */
class LedgerReadabilityTest {

  @TempDir Path tmp;

  private final Set<Path> blocked = ConcurrentHashMap.newKeySet();
  private final Map<Path, AtomicLong> asked = new ConcurrentHashMap<>();
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  private TranscriptLedger<Call> ledger(Path sessions) {
    TranscriptLedger<Call> l = new TranscriptLedger<>("main", sessions, null, null, Call::of, CallColumns::new);
    l.readabilityCheck(
        p -> {
          asked.computeIfAbsent(p, k -> new AtomicLong()).incrementAndGet();
          return !blocked.contains(p);
        },
        nanos::get);
    return l;
  }

  private static long asked(Map<Path, AtomicLong> asked, Path p) {
    AtomicLong n = asked.get(p);
    return n == null ? 0 : n.get();
  }

  private static long unreadable(TranscriptLedger<Call> l, Path p) {
    return l.warnings().list().stream()
        .filter(w -> w.kind() == WarningKind.UNREADABLE && w.source().equals(p.toString()))
        .mapToLong(Warning::count)
        .sum();
  }

  private Path[] twoFiles() throws Exception {
    Path sessions = Files.createDirectories(tmp.resolve("sessions"));
    Path a = Files.writeString(sessions.resolve("a.jsonl"),
        TranscriptLines.assistant("aaaa0001", "2026-11-20T10:00:00.000Z", 10, 1, "0.5") + "\n");
    Path b = Files.writeString(sessions.resolve("b.jsonl"),
        TranscriptLines.assistant("bbbb0001", "2026-11-20T11:00:00.000Z", 20, 2, "0.25") + "\n");
    return new Path[] {sessions, a, b};
  }

  @Test
  void theStatLoopFindsAnUnchangedFileMadeUnreadableWithinTheRecheckInterval() throws Exception {
    Path[] f = twoFiles();
    try (TranscriptLedger<Call> l = ledger(f[0])) {
      l.refresh();
      assertEquals(2, l.items().size());
      long askedAfterRead = asked(asked, f[1]);

      blocked.add(f[1]);
      nanos.addAndGet(TranscriptLedger.READABLE_RECHECK.toNanos() - 1);
      TranscriptLedger.Delta d = l.refresh();
      assertEquals(askedAfterRead, asked(asked, f[1]), "unchanged since read: only stat-ed");
      assertFalse(d.full());
      assertEquals(2, l.items().size(), "what was read of it is complete");
      assertEquals(0, unreadable(l, f[1]));

      nanos.addAndGet(1);
      d = l.refresh();
      assertTrue(d.full(), "a file gone from the listing makes the ledger read everything again");
      assertEquals(1, l.items().size(), "as a fresh read would: its calls cannot be read");
      assertEquals(1, unreadable(l, f[1]), () -> l.warnings().list().toString());

      blocked.clear();
      d = l.refresh(); // a file not read yet is asked about on every listing
      assertEquals(2, l.items().size());
      assertEquals(0, unreadable(l, f[1]), () -> l.warnings().list().toString());
    }
  }

  @Test
  void aWatchedLedgerFindsItAtTheNextRefreshAfterTheModeChange() throws Exception {
    Path[] f = twoFiles();
    try (TranscriptLedger<Call> l = ledger(f[0])) {
      l.watchDirectories(true);
      l.refresh();
      l.refresh(); // the second refresh lists again and starts the watch
      assertEquals(2, l.items().size());

      blocked.add(f[1]);
      Files.setPosixFilePermissions(f[1], PosixFilePermissions.fromString("---------")); // reported as a change
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (unreadable(l, f[1]) == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
        l.refresh(); // the fake recheck clock stands still: only the watch can tell
      }
      assertEquals(1, unreadable(l, f[1]), () -> l.warnings().list().toString());
      assertEquals(1, l.items().size());
    }
  }

  /** The minute's recheck happens with a watch too (a directory's mode change reports nothing on the file). */
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

  /** A reported archive (read whole again, never appended to) is asked about at once too. */
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
