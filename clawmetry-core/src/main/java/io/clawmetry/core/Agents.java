package io.clawmetry.core;

import io.clawmetry.core.discovery.AgentLayout;
import io.clawmetry.core.discovery.HomeLayout;
import io.clawmetry.core.source.TranscriptLedger;
import io.clawmetry.core.source.TranscriptScanner;
import io.clawmetry.core.usage.Call;
import io.clawmetry.core.usage.CallColumns;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per agent of the home: a transcript scanner (one session on demand) and a ledger of its model calls (read once, then
 * only what changed). The default agent also reads the flat legacy sessions dir.
 */
final class Agents {

  private final HomeLayout layout;
  private final Map<String, TranscriptScanner> scanners = new LinkedHashMap<>();
  private final Map<String, TranscriptLedger<Call>> ledgers = new LinkedHashMap<>();

  Agents(HomeLayout layout) {
    this.layout = layout;
    for (AgentLayout a : layout.agents()) {
      Path legacy = a.isDefault() ? layout.legacySessionsDir() : null;
      scanners.put(a.id(), new TranscriptScanner(a.id(), a.sessionsDir(), legacy, a.database()));
      ledgers.put(a.id(), new TranscriptLedger<>(a.id(), a.sessionsDir(), legacy, a.database(), Call::of,
          CallColumns::new));
    }
  }

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
