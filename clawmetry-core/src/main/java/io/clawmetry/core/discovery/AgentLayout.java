package io.clawmetry.core.discovery;

import java.nio.file.Path;
import java.util.List;

/**
 * Where one agent's data lives.
 *
 * @param id the agent id
 * @param isDefault whether this is the default agent
 * @param agentDir {@code <stateDir>/agents/<id>/agent} or its override ({@code OPENCLAW_AGENT_DIR} / {@code
 *     PI_CODING_AGENT_DIR} for {@code main}, config {@code agentDir})
 * @param sessionsDir {@code <stateDir>/agents/<id>/sessions} (JSONL transcripts, {@code sessions.json}); may not exist
 * @param database the agent database: the registered path if it exists, else {@code <agentDir>/openclaw-agent.sqlite}
 *     if it exists, else the registered path; null when neither is known
 * @param workspace the workspace: configured, or the default location when it exists; null when unknown
 * @param foundIn where the agent was seen: {@code "agents dir"}, {@code "openclaw.json"}, {@code "state database"},
 *     {@code "env OPENCLAW_AGENT_DIR"}
 */
public record AgentLayout(
    String id,
    boolean isDefault,
    Path agentDir,
    Path sessionsDir,
    Path database,
    Path workspace,
    List<String> foundIn) {
  public AgentLayout {
    foundIn = List.copyOf(foundIn);
  }
}
