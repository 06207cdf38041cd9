package io.clawmetry.core.source;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Watches the directories holding an agent's transcripts (inotify on Linux) so that a refresh can read just the files
 * that were appended to instead of listing and stat-ing every file. Only events about counted transcript names
 * matter ({@link TranscriptFiles#classify}); {@code sessions.json} rewrites and lock files are ignored. A file created,
 * deleted or renamed, an overflow or a lost watch make {@link #changes()} answer "list everything again". Read-only:
 * watching writes nothing.
 */
final class DirectoryWatch implements AutoCloseable {

  /** More directories than this and the stat loop is used instead. */
  private static final int MAX_DIRS = 64;

  private final WatchService service;
  private final Map<WatchKey, Path> dirs;

  private DirectoryWatch(WatchService service, Map<WatchKey, Path> dirs) {
    this.service = service;
    this.dirs = dirs;
  }

  /** Watches {@code dirs}, or empty when it cannot (too many, unsupported, out of inotify watches). */
  static Optional<DirectoryWatch> start(Set<Path> dirs) {
    if (dirs.isEmpty() || dirs.size() > MAX_DIRS) {
      return Optional.empty();
    }
    WatchService service = null;
    try {
      service = FileSystems.getDefault().newWatchService();
      Map<WatchKey, Path> keys = new HashMap<>();
      for (Path d : dirs) {
        keys.put(
            d.register(
                service,
                StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY),
            d);
      }
      return Optional.of(new DirectoryWatch(service, keys));
    } catch (IOException | UnsupportedOperationException e) {
      closeQuietly(service);
      return Optional.empty();
    }
  }

  /**
   * The transcript files modified since the last call, or null when a transcript was created, deleted or renamed, or
   * events were lost: then everything must be listed again.
   */
  Set<Path> changes() {
    Set<Path> modified = new HashSet<>();
    try {
      WatchKey key;
      while ((key = service.poll()) != null) {
        Path dir = dirs.get(key);
        for (WatchEvent<?> e : key.pollEvents()) {
          if (e.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
            return null;
          }
          Path name = (Path) e.context();
          if (TranscriptFiles.classify(name.toString()).isEmpty()) {
            continue; // sessions.json, locks, temp files: not transcripts
          }
          if (e.kind() != StandardWatchEventKinds.ENTRY_MODIFY) {
            return null;
          }
          modified.add(dir.resolve(name));
        }
        if (!key.reset()) {
          return null; // the directory went away
        }
      }
    } catch (ClosedWatchServiceException e) {
      return null;
    }
    return modified;
  }

  @Override
  public void close() {
    closeQuietly(service);
  }

  private static void closeQuietly(WatchService s) {
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // nothing to release
      }
    }
  }
}
