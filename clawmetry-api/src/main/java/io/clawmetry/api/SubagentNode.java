package io.clawmetry.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A session in the sub-agent tree with its own usage and the usage rolled up over its descendants.
 *
 * @param sessionKey the session key
 * @param run the sub-agent run that spawned it, or null for a top-level session
 * @param status the session's status ({@code running|done|failed|...}), or null
 * @param runtimeMs how long it ran: the session entry's runtime (its recorded {@code runtimeMs}, else its own {@code
 *     endedAt − startedAt}), else the run's (its recorded {@code runtimeMs} or outcome {@code elapsedMs}, else {@code
 *     endedAt − startedAt} of the same record), else the session's start to its end, else the run's creation to its
 *     end; null when none is known
 * @param ownTokens tokens of this session's own model calls
 * @param ownCost cost of this session's own model calls (auto cost mode)
 * @param totalTokens own tokens plus every descendant's
 * @param totalCost own cost plus every descendant's
 * @param costSource where the rolled-up cost came from
 * @param children the sessions it spawned, oldest first
 */
public record SubagentNode(
    String sessionKey,
    SubagentRun run,
    String status,
    Long runtimeMs,
    TokenCounts ownTokens,
    BigDecimal ownCost,
    TokenCounts totalTokens,
    BigDecimal totalCost,
    CostSource costSource,
    List<SubagentNode> children) {
  public SubagentNode {
    children = List.copyOf(children);
  }
}
