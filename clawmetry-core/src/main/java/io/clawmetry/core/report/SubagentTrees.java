package io.clawmetry.core.report;

import io.clawmetry.api.CostSource;
import io.clawmetry.api.SessionInfo;
import io.clawmetry.api.SubagentNode;
import io.clawmetry.api.SubagentRun;
import io.clawmetry.api.TokenCounts;
import io.clawmetry.api.UsageRow;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the sub-agent tree with own and rolled-up usage from sessions, sub-agent runs and per-session usage. */
public final class SubagentTrees {

  private SubagentTrees() {}

  /**
   * @param sessions every session (for status and times)
   * @param runs sub-agent runs (child → requester)
   * @param usageBySessionKey each session's own usage row (session period), by key
   * @return the top-level sessions that spawned sub-agents, each with its tree; biggest total cost first
   */
  public static List<SubagentNode> build(
      List<SessionInfo> sessions, List<SubagentRun> runs, Map<String, UsageRow> usageBySessionKey) {
    Map<String, SessionInfo> byKey = new HashMap<>();
    sessions.forEach(s -> byKey.putIfAbsent(s.key(), s));
    Map<String, SubagentRun> runOf = new HashMap<>();
    Map<String, List<String>> children = new LinkedHashMap<>();
    for (SubagentRun r : runs) {
      if (r.childSessionKey() == null || r.requesterSessionKey() == null) {
        continue;
      }
      runOf.putIfAbsent(r.childSessionKey(), r);
    }
    for (SubagentRun r : runOf.values()) {
      children.computeIfAbsent(r.requesterSessionKey(), k -> new ArrayList<>()).add(r.childSessionKey());
    }
    List<SubagentNode> roots = new ArrayList<>();
    for (String parent : children.keySet()) {
      if (!runOf.containsKey(parent)) {
        roots.add(node(parent, byKey, runOf, children, usageBySessionKey, new HashSet<>(), new HashMap<>()));
      }
    }
    roots.sort(Comparator.comparing(SubagentNode::totalCost).reversed().thenComparing(SubagentNode::sessionKey));
    return roots;
  }

  private static SubagentNode node(
      String key,
      Map<String, SessionInfo> byKey,
      Map<String, SubagentRun> runOf,
      Map<String, List<String>> children,
      Map<String, UsageRow> usage,
      Set<String> path,
      Map<String, CostSource> sources) {
    path.add(key);
    UsageRow own = usage.get(key);
    TokenCounts ownTokens = own == null ? TokenCounts.ZERO : own.tokens();
    BigDecimal ownCost = own == null ? BigDecimal.ZERO : own.cost();
    // null while neither the session nor a descendant made a call: such a tree is unknown, but adds nothing
    CostSource source = own == null || own.calls() == 0 ? null : own.costSource();
    TokenCounts total = ownTokens;
    BigDecimal totalCost = ownCost;
    List<SubagentNode> kids = new ArrayList<>();
    for (String child : children.getOrDefault(key, List.of())) {
      if (path.contains(child)) {
        continue; // a cycle in broken data must not recurse forever
      }
      SubagentNode n = node(child, byKey, runOf, children, usage, path, sources);
      kids.add(n);
      total = total.plus(n.totalTokens());
      totalCost = totalCost.add(n.totalCost());
      CostSource childSource = sources.get(child);
      if (childSource != null) {
        source = source == null ? childSource : source.plus(childSource);
      }
    }
    path.remove(key);
    kids.sort(
        Comparator.comparing(
                (SubagentNode n) -> n.run() == null ? null : n.run().createdAt(),
                Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(SubagentNode::sessionKey));
    SessionInfo s = byKey.get(key);
    SubagentRun run = runOf.get(key);
    String status = s != null && s.status() != null ? s.status() : run == null ? null : run.status();
    Long runtime = null;
    if (s != null && s.startedAt() != null && s.endedAt() != null) {
      runtime = Duration.between(s.startedAt(), s.endedAt()).toMillis();
    } else if (run != null && run.createdAt() != null && run.endedAt() != null) {
      runtime = Duration.between(run.createdAt(), run.endedAt()).toMillis();
    }
    sources.put(key, source);
    return new SubagentNode(key, run, status, runtime, ownTokens, ownCost, total, plain(totalCost),
        source == null ? CostSource.UNKNOWN : source, kids);
  }

  private static BigDecimal plain(BigDecimal v) {
    return v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
  }
}
