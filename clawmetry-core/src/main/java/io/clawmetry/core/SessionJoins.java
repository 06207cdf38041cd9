package io.clawmetry.core;

import io.clawmetry.core.usage.SessionJoin;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The session each call of one agent belongs to, joined with one snapshot of the sessions when first asked, one
 * shared instance per session id. Thread-safe: generations that joined their calls with the same snapshot share it,
 * and any reader may add to it (the join of an id never changes with the snapshot fixed).
 */
final class SessionJoins {

  private final String agentId;
  private final HomeSnapshot sessions;
  private final Map<String, SessionJoin> byId = new ConcurrentHashMap<>();
  private volatile SessionJoin withoutId;

  SessionJoins(String agentId, HomeSnapshot sessions) {
    this.agentId = agentId;
    this.sessions = sessions;
  }

  /** The session of calls read with {@code sessionId} (which may be null). */
  SessionJoin of(String sessionId) {
    if (sessionId == null) {
      SessionJoin j = withoutId;
      if (j == null) {
        j = sessions.join(agentId, null);
        withoutId = j; // a race computes an equal value twice: harmless
      }
      return j;
    }
    return byId.computeIfAbsent(sessionId, id -> sessions.join(agentId, id));
  }
}
