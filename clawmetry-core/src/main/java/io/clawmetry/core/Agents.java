package io.clawmetry.core;

import io.clawmetry.core.discovery.AgentIds;
import io.clawmetry.core.discovery.AgentLayout;
import io.clawmetry.core.discovery.HomeLayout;
import io.clawmetry.core.source.TranscriptLedger;
import io.clawmetry.core.source.TranscriptScanner;
import io.clawmetry.core.usage.Call;
import io.clawmetry.core.usage.CallColumns;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Per agent of the home: a transcript scanner (one session on demand) and a ledger of its model calls (read once, then
 * only what changed). The default agent also reads the flat legacy sessions dir.
 */
final class Agents {

  private final HomeLayout layout;
  private final Map<String, TranscriptScanner> scanners = new LinkedHashMap<>();
  private final Map<String, TranscriptLedger<Call>> ledgers = new LinkedHashMap<>();

  Agents(HomeLayout layout) {
    this(layout, null);
  }

  /**
   * The agents of {@code layout}, keeping the ledgers of {@code before} whose agent reads the same places (what they
   * read stays read) and closing the others.
   */
  Agents(HomeLayout layout, Agents before) {
    this.layout = layout;
    for (AgentLayout a : layout.agents()) {
      Path legacy = a.isDefault() ? layout.legacySessionsDir() : null;
      scanners.put(a.id(), new TranscriptScanner(a.id(), a.sessionsDir(), legacy, a.database()));
      TranscriptLedger<Call> kept =
          before != null && before.readsTheSame(a, legacy) ? before.ledgers.get(a.id()) : null;
      ledgers.put(a.id(), kept != null ? kept
          : new TranscriptLedger<>(a.id(), a.sessionsDir(), legacy, a.database(), Call::of, CallColumns::new));
    }
    if (before != null) {
      before.ledgers.forEach((id, l) -> {
        if (ledgers.get(id) != l) {
          l.close();
        }
      });
    }
  }

  /** Whether this set's agent {@code a.id()} reads {@code a}'s sessions dir, {@code legacy} and database. */
  private boolean readsTheSame(AgentLayout a, Path legacy) {
    for (AgentLayout mine : layout.agents()) {
      if (mine.id().equals(a.id())) {
        Path myLegacy = mine.isDefault() ? layout.legacySessionsDir() : null;
        return mine.sessionsDir().equals(a.sessionsDir()) && Objects.equals(mine.database(), a.database())
            && Objects.equals(myLegacy, legacy);
      }
    }
    return false;
  }

  /**
   * Whether the home now holds agents discovery did not find (a new directory under {@code agents/}), or an agent
   * database where there was none (an agent migrated to SQLite, FORMATS §6.6): one directory listing and a check per
   * agent without a database, cheap enough for every refresh.
   */
  boolean outdated() {
    Path root = layout.stateDirPath().resolve("agents");
    if (Files.isDirectory(root)) {
      try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
        for (Path d : dirs) {
          String id = d.getFileName().toString();
          if (AgentIds.isSafe(id) && !ledgers.containsKey(id)) {
            return true;
          }
        }
      } catch (IOException | RuntimeException e) {
        return false; // discovery warned about it; the agents stay as they are
      }
    }
    for (AgentLayout a : layout.agents()) {
      if (a.database() == null
          && (Files.isRegularFile(a.agentDir().resolve(DATABASE))
              || Files.isRegularFile(root.resolve(a.id()).resolve("agent").resolve(DATABASE)))) {
        return true;
      }
    }
    return false;
  }

  /** The file name of an agent database. */
  private static final String DATABASE = "openclaw-agent.sqlite";

  /** Stops watching directories. */
  void close() {
    ledgers.values().forEach(TranscriptLedger::close);
  }

  /** The ledgers, one per discovered agent. */
  Collection<TranscriptLedger<Call>> ledgers() {
    return ledgers.values();
  }

  /** The scanner of {@code agentId}; an agent discovery did not list gets the conventional locations. */
  synchronized TranscriptScanner scanner(String agentId) {
    return scanners.computeIfAbsent(
        agentId,
        id ->
            new TranscriptScanner(
                id,
                layout.stateDirPath().resolve("agents").resolve(id).resolve("sessions"),
                null,
                null));
  }
}
