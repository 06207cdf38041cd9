package io.clawmetry.core;

import io.clawmetry.api.Warning;
import io.clawmetry.core.cron.CronRunKeys;
import io.clawmetry.core.discovery.AgentLayout;
import io.clawmetry.core.discovery.HomeLayout;
import io.clawmetry.core.session.IndexEntry;
import io.clawmetry.core.session.SessionsJsonReader;
import io.clawmetry.core.session.SqliteSessionIndex;
import io.clawmetry.core.sqlite.ReadOnlyDatabase;
import io.clawmetry.core.warn.Warnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The session index entries of every agent ({@code sessions.json}, {@code session_nodes}/{@code session_windows}),
 * re-read only when a source changed: a file by its size, modification time and identity, a database by those of the
 * database and its {@code -wal} file (every committed write changes one of them); likewise the session keys of isolated
 * cron runs from the cron run logs. Not thread-safe; the facade
 * serialises refreshes.
 */
final class SessionIndexCache {

  private record Signature(List<Object> parts) {}

  private record Cached(Signature signature, List<IndexEntry> entries, List<Warning> warnings) {}

  private final Map<String, Cached> cache = new HashMap<>();
  private Signature runLogsSignature;
  private Map<String, String> runKeys = Map.of();

  /** Whether every source is as it was when last read (only file attributes are looked at). */
  boolean upToDate(HomeLayout layout) {
    if (!runLogsSignature(runLogs(layout), layout).equals(runLogsSignature)) {
      return false;
    }
    for (Map.Entry<String, Path[]> e : sources(layout).entrySet()) {
      Cached c = cache.get(e.getKey());
      if (c == null || !c.signature().equals(signature(e.getValue()))) {
        return false;
      }
    }
    return true;
  }

  /** The cache key and the files of every index source. */
  private static Map<String, Path[]> sources(HomeLayout layout) {
    Map<String, Path[]> out = new java.util.LinkedHashMap<>();
    for (AgentLayout a : layout.agents()) {
      Path json = a.sessionsDir().resolve("sessions.json");
      out.put("json:" + json, new Path[] {json});
      if (a.database() != null) {
        out.put("db:" + a.database(), new Path[] {a.database(), Path.of(a.database() + "-wal")});
      }
    }
    if (layout.legacySessionsDir() != null) {
      Path json = layout.legacySessionsDir().resolve("sessions.json");
      out.put("json:" + json, new Path[] {json});
    }
    return out;
  }

  /**
   * Reads every index into the cache on a new daemon thread, which the caller must join before it calls anything else
   * here: the first read of a home lists and scans transcripts on one thread for a while, so a second core is free.
   * A failure only means that {@link #entries} reads (and reports) it again.
   */
  Thread prefetch(HomeLayout layout) {
    Thread t = new Thread(() -> {
      try {
        entries(layout, new Warnings());
      } catch (RuntimeException e) {
        // entries() reads it again on the caller's thread, and reports what fails there
      }
    }, "clawmetry-index");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Every agent's entries, and the warnings met reading them, into {@code warnings}. */
  List<IndexEntry> entries(HomeLayout layout, Warnings warnings) {
    List<IndexEntry> out = new ArrayList<>();
    for (AgentLayout a : layout.agents()) {
      Path json = a.sessionsDir().resolve("sessions.json");
      out.addAll(read("json:" + json, signature(json), warnings,
          w -> Files.isRegularFile(json) ? SessionsJsonReader.read(json, a.id(), w) : List.of()));
      if (a.database() != null) {
        Path db = a.database();
        out.addAll(read("db:" + db, signature(db, Path.of(db + "-wal")), warnings, w -> database(db, a.id(), w)));
      }
    }
    if (layout.legacySessionsDir() != null) {
      Path json = layout.legacySessionsDir().resolve("sessions.json");
      out.addAll(read("json:" + json, signature(json), warnings,
          w -> Files.isRegularFile(json) ? SessionsJsonReader.read(json, layout.defaultAgentId(), w) : List.of()));
    }
    return out;
  }

  /**
   * The session key of each isolated cron run by its session id, from the cron run logs ({@link CronRunKeys}),
   * re-read when a run log changed.
   */
  Map<String, String> cronRunKeys(HomeLayout layout) {
    List<Path> logs = runLogs(layout);
    Signature sig = runLogsSignature(logs, layout);
    if (!sig.equals(runLogsSignature)) {
      runKeys = Map.copyOf(CronRunKeys.read(logs));
      runLogsSignature = sig;
    }
    return runKeys;
  }

  private static List<Path> runLogs(HomeLayout layout) {
    return layout.cronDir() == null ? List.of() : CronRunKeys.runLogs(Path.of(layout.cronDir().value()));
  }

  /** The run-log directory (files come and go) and every run log. */
  private static Signature runLogsSignature(List<Path> logs, HomeLayout layout) {
    List<Path> all = new ArrayList<>();
    if (layout.cronDir() != null) {
      all.add(Path.of(layout.cronDir().value()).resolve("runs"));
    }
    all.addAll(logs);
    return signature(all.toArray(Path[]::new));
  }

  private interface Reader {
    List<IndexEntry> read(Warnings w);
  }

  private List<IndexEntry> read(String key, Signature sig, Warnings warnings, Reader reader) {
    Cached c = cache.get(key);
    if (c == null || !c.signature().equals(sig)) {
      Warnings w = new Warnings();
      c = new Cached(sig, List.copyOf(reader.read(w)), w.list());
      cache.put(key, c);
    }
    warnings.addAll(c.warnings());
    return c.entries();
  }

  private static List<IndexEntry> database(Path db, String agentId, Warnings w) {
    Optional<ReadOnlyDatabase> open = ReadOnlyDatabase.open(db, w);
    if (open.isEmpty()) {
      return List.of();
    }
    try (ReadOnlyDatabase d = open.get()) {
      return d.hasTable("session_nodes") || d.hasTable("session_windows")
          ? SqliteSessionIndex.read(d, agentId, w)
          : List.of();
    }
  }

  private static Signature signature(Path... files) {
    List<Object> parts = new ArrayList<>();
    for (Path f : files) {
      parts.add(stat(f));
    }
    return new Signature(parts);
  }

  private static Object stat(Path p) {
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      return List.of(a.size(), a.lastModifiedTime().toMillis(), String.valueOf(a.fileKey()));
    } catch (IOException e) {
      return "absent";
    }
  }
}
