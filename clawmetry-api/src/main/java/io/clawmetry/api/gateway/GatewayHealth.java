package io.clawmetry.api.gateway;

import java.time.Instant;
import java.util.List;

/**
 * {@code health}: the gateway's cached health summary (its session counts can lag behind).
 *
 * @param ok whether the gateway reports itself healthy
 * @param ts when the cached summary was computed
 * @param heartbeatSeconds the heartbeat interval, or null
 * @param defaultAgentId the default agent, or null
 * @param agents per-agent session counts
 * @param eventLoopDegraded whether the event loop reports degradation, or null when not reported
 * @param rawJson the whole payload as JSON text
 */
public record GatewayHealth(
    boolean ok,
    Instant ts,
    Integer heartbeatSeconds,
    String defaultAgentId,
    List<AgentSessionCount> agents,
    Boolean eventLoopDegraded,
    String rawJson) {

  public GatewayHealth {
    agents = List.copyOf(agents);
  }

  /**
   * One agent's sessions as {@code health} counts them.
   *
   * @param agentId the agent id
   * @param sessionCount its session count, or null when not reported
   */
  public record AgentSessionCount(String agentId, Integer sessionCount) {}
}
