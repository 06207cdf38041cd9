package io.clawmetry.core.source;

import io.clawmetry.api.Warning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What earlier reads learnt about each transcript file, valid while the file keeps its size and modification time:
 * its header time (to sort files without opening them again) and the warnings a full read of it gave (so a later read
 * that skips lines can report exactly the same). Holds one small entry per listed file; thread-safe.
 */
final class FileMemos {

  /**
   * @param size the file size when learnt
   * @param modified the modification time (ns since the epoch) when learnt
   * @param created the header time, or null
   * @param warnings what a full read reported, or null when the file was not fully read at that size and time
   * @param assistantLines where that full read found assistant messages, or null when not known
   */
  record Memo(long size, long modified, Instant created, List<Warning> warnings, AssistantLines assistantLines) {}

  /** A file's size and modification time, or null when it cannot be read. */
  record Stamp(long size, long modified) {
    static Stamp of(Path file) {
      try {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new Stamp(a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }
  }

  private final Map<Path, Memo> memos = new ConcurrentHashMap<>();

  /** The memo of {@code file} if it still describes the file at {@code stamp}. */
  Memo current(Path file, Stamp stamp) {
    Memo m = memos.get(file);
    return m != null && stamp != null && m.size() == stamp.size() && m.modified() == stamp.modified() ? m : null;
  }

  /** Remembers a header time (dropping warnings learnt for another state of the file). */
  void header(Path file, Stamp stamp, Instant created) {
    if (stamp != null) {
      memos.compute(
          file,
          (k, old) ->
              old != null && old.size() == stamp.size() && old.modified() == stamp.modified()
                  ? old
                  : new Memo(stamp.size(), stamp.modified(), created, null, null));
    }
  }

  /** Remembers what a full read of the file at {@code stamp} reported. */
  void fullRead(Path file, Stamp stamp, List<Warning> warnings, AssistantLines lines) {
    if (stamp != null) {
      memos.compute(
          file,
          (k, old) ->
              new Memo(
                  stamp.size(),
                  stamp.modified(),
                  old != null && old.size() == stamp.size() && old.modified() == stamp.modified()
                      ? old.created()
                      : null,
                  List.copyOf(warnings),
                  lines != null && lines.complete() ? lines.trimmed() : null));
    }
  }

  /** Forgets files that are no longer listed. */
  void retain(Set<Path> listed) {
    memos.keySet().retainAll(listed);
  }
}
