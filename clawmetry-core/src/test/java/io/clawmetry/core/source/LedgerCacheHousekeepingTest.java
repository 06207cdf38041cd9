package io.clawmetry.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.core.usage.Call;
import io.clawmetry.core.usage.CallCodec;
import io.clawmetry.core.usage.CallColumns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache directory does not fill up with files of homes no longer looked at: a save removes ledger files unused
 * for 30 days and stale temporary files, nothing else; a file in use is renewed when it is loaded.
 */
class LedgerCacheHousekeepingTest {

  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  @TempDir Path tmp;

  private TranscriptLedger<Call> ledger(Path sessions) {
    return new TranscriptLedger<>("main", sessions, null, null, Call::of, CallColumns::new);
  }

  private Path sessions() throws Exception {
    Path sessions = Files.createDirectories(tmp.resolve("sessions"));
    Files.writeString(
        sessions.resolve("s1.jsonl"),
        "{\"type\":\"message\",\"id\":\"c0ffee01\",\"parentId\":null,\"timestamp\":\"2026-11-20T10:00:00.000Z\","
            + "\"message\":{\"role\":\"assistant\",\"content\":[],\"provider\":\"p\",\"model\":\"m\","
            + "\"usage\":{\"input\":10,\"output\":1}}}\n");
    return sessions;
  }

  private static Path file(Path dir, String name, Duration age) throws Exception {
    Path f = Files.writeString(dir.resolve(name), "x");
    Files.setLastModifiedTime(f, FileTime.from(NOW.minus(age)));
    return f;
  }

  @Test
  void aSaveRemovesLedgerFilesUnusedForThirtyDaysAndStaleTemporaryFilesOnly() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("cache"));
    Path old = file(dir, "ledger-0123456789abcdef01234567.bin", Duration.ofDays(31));
    Path recent = file(dir, "ledger-89abcdef0123456789abcdef.bin", Duration.ofDays(29));
    Path staleTmp = file(dir, "ledger-123.tmp", Duration.ofHours(25));
    Path freshTmp = file(dir, "ledger-456.tmp", Duration.ofHours(1)); // a writer at work
    Path foreign = file(dir, "notes.txt", Duration.ofDays(400));
    Path foreignLedgerName = file(dir, "ledger-notes.txt", Duration.ofDays(400));
    Path foreignBin = file(dir, "ledger-2025.bin", Duration.ofDays(60)); // not a name this cache writes
    Path foreignTmp = file(dir, "ledger-draft.tmp", Duration.ofDays(2));
    Path target = file(tmp, "target.bin", Duration.ofDays(400));
    Path link = Files.createSymbolicLink(dir.resolve("ledger-link.bin"), target);
    Files.setLastModifiedTime(target, FileTime.from(NOW.minus(Duration.ofDays(400))));

    LedgerCache cache = new LedgerCache(dir, "build-1", Clock.fixed(NOW, ZoneOffset.UTC));
    try (TranscriptLedger<Call> l = ledger(sessions())) {
      l.refresh();
      assertTrue(cache.save(l, CallCodec.INSTANCE));
      assertTrue(Files.exists(cache.fileOf(l)));
    }
    assertFalse(Files.exists(old));
    assertFalse(Files.exists(staleTmp));
    assertTrue(Files.exists(recent));
    assertTrue(Files.exists(freshTmp));
    assertTrue(Files.exists(foreign));
    assertTrue(Files.exists(foreignLedgerName));
    assertTrue(Files.exists(foreignBin));
    assertTrue(Files.exists(foreignTmp));
    assertTrue(Files.isSymbolicLink(link), "a link is never followed nor removed");
    assertTrue(Files.exists(target));
  }

  @Test
  void aFileInUseIsRenewedWhenLoadedAndSoNeverRemoved() throws Exception {
    Path dir = tmp.resolve("cache");
    Path sessions = sessions();
    Path saved;
    try (TranscriptLedger<Call> l = ledger(sessions)) {
      l.refresh();
      assertTrue(new LedgerCache(dir, "build-1", Clock.fixed(NOW, ZoneOffset.UTC)).save(l, CallCodec.INSTANCE));
      saved = new LedgerCache(dir, "build-1").fileOf(l);
    }
    // 40 days later, nothing new in the home: the run loads the file and saves nothing
    Instant later = NOW.plus(Duration.ofDays(40));
    Files.setLastModifiedTime(saved, FileTime.from(NOW));
    try (TranscriptLedger<Call> l = ledger(sessions)) {
      assertTrue(new LedgerCache(dir, "build-1", Clock.fixed(later, ZoneOffset.UTC)).load(l, CallCodec.INSTANCE));
    }
    assertEquals(later, Files.getLastModifiedTime(saved).toInstant());
    // another home's save the same day keeps it
    Path other = Files.createDirectories(tmp.resolve("other"));
    Files.copy(sessions.resolve("s1.jsonl"), other.resolve("s1.jsonl"));
    try (TranscriptLedger<Call> l = ledger(other)) {
      l.refresh();
      assertTrue(new LedgerCache(dir, "build-1", Clock.fixed(later, ZoneOffset.UTC)).save(l, CallCodec.INSTANCE));
      assertNotEquals(saved, new LedgerCache(dir, "build-1").fileOf(l));
    }
    assertTrue(Files.exists(saved));
  }

  @Test
  void theBuildIdOfClassDirectoriesCoversEveryClassFile() throws Exception {
    String id = LedgerCache.buildId();
    assertNotNull(id);
    if (id.contains(".jar|")) {
      return; // run from a jar: the jar is the identity
    }
    // tests run from target/classes: the id names the core and API class directories with their class counts
    assertTrue(id.contains("clawmetry-core"), id);
    assertTrue(id.contains("clawmetry-api"), id);
    String[] core = id.split("\\+")[0].split("\\|");
    assertEquals(4, core.length, id);
    assertTrue(Long.parseLong(core[1]) > 100, "class files counted: " + id);
  }
}
