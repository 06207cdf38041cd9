package io.clawmetry.core;

import io.clawmetry.core.discovery.AgentLayout;
import io.clawmetry.core.discovery.HomeLayout;
import io.clawmetry.core.source.TranscriptScanner;
import java.util.LinkedHashMap;
import java.util.Map;

/** One transcript scanner per agent of the home; the default agent also reads the flat legacy sessions dir. */
final class Agents {

  private final HomeLayout layout;
  private final Map<String, TranscriptScanner> scanners = new LinkedHashMap<>();

  Agents(HomeLayout layout) {
    this.layout = layout;
    for (AgentLayout a : layout.agents()) {
      scanners.put(
          a.id(),
          new TranscriptScanner(
              a.id(), a.sessionsDir(), a.isDefault() ? layout.legacySessionsDir() : null, a.database()));
    }
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
