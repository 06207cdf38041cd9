package io.clawmetry.core.report;

import io.clawmetry.api.CostSource;
import io.clawmetry.api.SessionInfo;
import io.clawmetry.api.SubagentNode;
import io.clawmetry.api.SubagentRun;
import io.clawmetry.core.session.RunTimes;
import io.clawmetry.api.TokenCounts;
import io.clawmetry.api.UsageRow;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.warn.Warnings;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the sub-agent tree with own and rolled-up usage from sessions, sub-agent runs and per-session usage.
 *
 * <p>Every session named by a run (as child or requester) appears exactly once, so the rolled-up totals of the roots
 * add up to the own figures of every session in the tree. Broken lineage is shown, never dropped:
 *
 * <ul>
 *   <li>a requester that no session index lists is a top-level placeholder, with a {@link WarningKind#MISSING}
 *       warning;
 *   <li>a cycle of requesters (a session spawned by itself, or by its own descendant) is broken at the member whose
 *       run was created first (ties and unknown times: the smallest key), which becomes a top-level session keeping
 *       its run; a {@link WarningKind#PATH} warning names the sessions of the cycle.
 * </ul>
 */
public final class SubagentTrees {

  private SubagentTrees() {}

  private static final Comparator<SubagentRun> FIRST_CREATED =
      Comparator.comparing(SubagentRun::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(SubagentRun::childSessionKey);

  /**
   * @param sessions every session (for status and times)
   * @param runs sub-agent runs (child → requester)
   * @param usageBySessionKey each session's own usage row (session period), by key
   * @param warnings receives a warning per lineage cycle and per missing parent
   * @return the top-level sessions that spawned sub-agents, each with its tree; biggest total cost first
   */
  public static List<SubagentNode> build(
      List<SessionInfo> sessions,
      List<SubagentRun> runs,
      Map<String, UsageRow> usageBySessionKey,
      Warnings warnings) {
    Map<String, SessionInfo> byKey = new HashMap<>();
    sessions.forEach(s -> byKey.putIfAbsent(s.key(), s));
    Map<String, SubagentRun> runOf = new TreeMap<>();
    for (SubagentRun r : runs) {
      if (r.childSessionKey() == null || r.requesterSessionKey() == null) {
        continue;
      }
      runOf.putIfAbsent(r.childSessionKey(), r);
    }
    Set<String> roots = new TreeSet<>();
    for (SubagentRun r : runOf.values()) {
      if (!runOf.containsKey(r.requesterSessionKey())) {
        roots.add(r.requesterSessionKey());
      }
    }
    roots.addAll(cycleBreaks(runOf, roots, warnings));
    Map<String, List<String>> children = new HashMap<>();
    for (SubagentRun r : runOf.values()) {
      if (!roots.contains(r.childSessionKey())) {
        children.computeIfAbsent(r.requesterSessionKey(), k -> new ArrayList<>()).add(r.childSessionKey());
      }
    }
    for (String root : roots) {
      if (!runOf.containsKey(root) && !byKey.containsKey(root)) {
        List<String> kids = children.getOrDefault(root, List.of());
        warnings.add(WarningKind.MISSING, root, kids.size(), "",
            "the parent of sub-agent " + String.join(", ", kids)
                + " is in no session index: shown as a top-level placeholder");
      }
    }
    List<SubagentNode> out = new ArrayList<>();
    for (String root : roots) {
      out.add(node(root, byKey, runOf, children, usageBySessionKey, new HashMap<>()));
    }
    out.sort(Comparator.comparing(SubagentNode::totalCost).reversed().thenComparing(SubagentNode::sessionKey));
    return out;
  }

  /**
   * The sessions not reachable from {@code roots} hang below a cycle of requesters: breaks each such cycle at its
   * first-created member and warns.
   */
  private static List<String> cycleBreaks(Map<String, SubagentRun> runOf, Set<String> roots, Warnings warnings) {
    Map<String, List<String>> children = new HashMap<>();
    runOf.values().forEach(
        r -> children.computeIfAbsent(r.requesterSessionKey(), k -> new ArrayList<>()).add(r.childSessionKey()));
    Set<String> reached = new HashSet<>();
    roots.forEach(r -> reach(r, children, reached));
    List<String> breaks = new ArrayList<>();
    for (String key : runOf.keySet()) { // sorted: the warnings come in a stable order
      if (reached.contains(key)) {
        continue;
      }
      // every unreached session has an unreached parent: walking up ends in a cycle
      Map<String, Integer> walk = new LinkedHashMap<>();
      String k = key;
      while (!walk.containsKey(k)) {
        walk.put(k, walk.size());
        k = runOf.get(k).requesterSessionKey();
      }
      List<String> cycle = new ArrayList<>(walk.keySet()).subList(walk.get(k), walk.size());
      String first = cycle.stream().map(runOf::get).min(FIRST_CREATED).orElseThrow().childSessionKey();
      // the cycle in spawn order, from the break point down to itself again
      List<String> down = new ArrayList<>();
      int i = cycle.indexOf(first);
      for (int j = 0; j <= cycle.size(); j++) {
        down.add(cycle.get(Math.floorMod(i - j, cycle.size())));
      }
      warnings.add(WarningKind.PATH, first, 1, "",
          "sub-agent lineage cycle " + String.join(" → ", down) + ": shown with " + first
              + " (started first) as a top-level session");
      breaks.add(first);
      reach(first, children, reached);
    }
    return breaks;
  }

  private static void reach(String root, Map<String, List<String>> children, Set<String> reached) {
    Deque<String> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      String k = todo.pop();
      if (reached.add(k)) {
        todo.addAll(children.getOrDefault(k, List.of()));
      }
    }
  }

  private static SubagentNode node(
      String key,
      Map<String, SessionInfo> byKey,
      Map<String, SubagentRun> runOf,
      Map<String, List<String>> children,
      Map<String, UsageRow> usage,
      Map<String, CostSource> sources) {
    UsageRow own = usage.get(key);
    TokenCounts ownTokens = own == null ? TokenCounts.ZERO : own.tokens();
    BigDecimal ownCost = own == null ? BigDecimal.ZERO : own.cost();
    // null while neither the session nor a descendant made a call: such a tree is unknown, but adds nothing
    CostSource source = own == null || own.calls() == 0 ? null : own.costSource();
    TokenCounts total = ownTokens;
    BigDecimal totalCost = ownCost;
    List<SubagentNode> kids = new ArrayList<>();
    for (String child : children.getOrDefault(key, List.of())) {
      SubagentNode n = node(child, byKey, runOf, children, usage, sources);
      kids.add(n);
      total = total.plus(n.totalTokens());
      totalCost = totalCost.add(n.totalCost());
      CostSource childSource = sources.get(child);
      if (childSource != null) {
        source = source == null ? childSource : source.plus(childSource);
      }
    }
    kids.sort(
        Comparator.comparing(
                (SubagentNode n) -> n.run() == null ? null : n.run().createdAt(),
                Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(SubagentNode::sessionKey));
    SessionInfo s = byKey.get(key);
    SubagentRun run = runOf.get(key);
    String status = s != null && s.status() != null ? s.status() : run == null ? null : run.status();
    Long runtime = runtimeMs(s, run);
    sources.put(key, source);
    return new SubagentNode(key, run, status, runtime, ownTokens, ownCost, total, plain(totalCost),
        source == null ? CostSource.UNKNOWN : source, kids);
  }

  /**
   * How long a session ran: its index entry's runtime (OpenClaw's recorded {@code runtimeMs}, else {@code endedAt −
   * startedAt} of that entry), else its run's (the recorded {@code runtimeMs}/{@code elapsedMs}, else {@code endedAt −
   * startedAt} of the run record), else the session's start to its end, else the run's creation to its end.
   */
  static Long runtimeMs(SessionInfo s, SubagentRun run) {
    Long recorded = s == null ? null : RunTimes.runtimeMs(s.runtimeMs(), null, null);
    if (recorded == null && run != null) {
      recorded = RunTimes.runtimeMs(run.runtimeMs(), null, null);
    }
    if (recorded != null) {
      return recorded;
    }
    Long span = s == null ? null : RunTimes.runtimeMs(null, s.startedAt(), s.endedAt());
    return span != null || run == null ? span : RunTimes.runtimeMs(null, run.createdAt(), run.endedAt());
  }

  private static BigDecimal plain(BigDecimal v) {
    return v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
  }
}
