package io.clawmetry.core.session;

import static io.clawmetry.core.json.JsonNodes.first;

import io.clawmetry.api.SessionInfo;
import io.clawmetry.api.SessionKind;
import io.clawmetry.api.SubagentRun;
import io.clawmetry.core.sqlite.ReadOnlyDatabase;
import io.clawmetry.core.warn.Warnings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All known sub-agent runs (FORMATS §5 "Sub-agent run registry"), one per child session key: the E3 state database
 * ({@code subagent_runs} + {@code task_runs}) first, then the E2 file {@code <stateDir>/subagents/runs.json}, then
 * sessions whose lineage names a parent but that no registry lists (run id null). Where sources overlap, the earlier
 * one leads and later ones fill its gaps. The depth is counted along the requester chain: 1 for a child of a
 * top-level session, 2 for a grandchild, and so on.
 */
public final class SubagentRegistry {

  private static final Comparator<SubagentRun> NEWEST_FIRST =
      Comparator.comparing(SubagentRun::createdAt, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(SubagentRun::childSessionKey);

  private SubagentRegistry() {}

  /**
   * Reads every registry and combines them with session lineage. Never throws.
   *
   * @param stateDir the OpenClaw state dir (for {@code subagents/runs.json}), or null
   * @param stateDb the state database, or null when there is none
   * @param sessions merged sessions (for lineage-only sub-agents, labels and models), may be empty
   * @param defaultAgentId the agent of keys without {@code agent:<id>:}
   * @param warnings where problems are reported
   * @return one run per child session key, newest first
   */
  public static List<SubagentRun> read(Path stateDir, ReadOnlyDatabase stateDb, List<SessionInfo> sessions,
      String defaultAgentId, Warnings warnings) {
    List<SubagentRun> fromDb = stateDb == null ? List.of() : SubagentRunsDb.read(stateDb, defaultAgentId, warnings);
    List<SubagentRun> fromJson = stateDir == null ? List.of()
        : SubagentRunsJson.read(stateDir.resolve("subagents").resolve("runs.json"), defaultAgentId, warnings);
    List<SubagentRun> all = new ArrayList<>(fromDb);
    all.addAll(fromJson);
    return combine(all, sessions);
  }

  /**
   * Deduplicates registry runs by child session key (earlier runs in the list lead; within one child, the newest run
   * leads), adds lineage-only sub-agents from {@code sessions} and computes depths.
   *
   * @param registered runs from registries, highest priority first (their depth is ignored)
   * @param sessions merged sessions
   * @return one run per child session key, newest first
   */
  public static List<SubagentRun> combine(List<SubagentRun> registered, List<SessionInfo> sessions) {
    Map<String, SubagentRun> byChild = new LinkedHashMap<>();
    for (SubagentRun r : registered) {
      SubagentRun lead = byChild.get(r.childSessionKey());
      if (lead == null) {
        byChild.put(r.childSessionKey(), r);
      } else {
        boolean newer = r.createdAt() != null && lead.createdAt() != null && r.createdAt().isAfter(lead.createdAt())
            && java.util.Objects.equals(lead.source(), r.source());
        byChild.put(r.childSessionKey(), newer ? fill(r, lead) : fill(lead, r));
      }
    }
    for (SessionInfo s : sessions) {
      if (s.kind() != SessionKind.SUBAGENT || s.spawnedBy() == null) {
        continue;
      }
      SubagentRun lead = byChild.get(s.key());
      SubagentRun fromSession = new SubagentRun(null, s.key(), s.spawnedBy(), s.agentId(), 0, null, s.label(),
          s.model(), s.status(), s.startedAt(), s.endedAt(), s.sources().isEmpty() ? null : s.sources().get(0),
          s.runtimeMs());
      byChild.put(s.key(), lead == null ? fromSession : fill(lead, fromSession));
    }
    Map<String, String> parentOf = new LinkedHashMap<>();
    byChild.values().forEach(r -> {
      if (r.requesterSessionKey() != null) {
        parentOf.put(r.childSessionKey(), r.requesterSessionKey());
      }
    });
    List<SubagentRun> out = new ArrayList<>();
    for (SubagentRun r : byChild.values()) {
      out.add(withDepth(r, depth(r.childSessionKey(), parentOf)));
    }
    out.sort(NEWEST_FIRST);
    return List.copyOf(out);
  }

  /** Steps up the requester chain until a key with no parent; a cycle stops the count. */
  static int depth(String child, Map<String, String> parentOf) {
    int depth = 0;
    Set<String> seen = new HashSet<>();
    String k = child;
    while (parentOf.containsKey(k) && seen.add(k)) {
      depth++;
      k = parentOf.get(k);
    }
    return depth;
  }

  /** {@code lead} with its null fields taken from {@code other}. */
  private static SubagentRun fill(SubagentRun lead, SubagentRun other) {
    return new SubagentRun(
        first(lead.runId(), other.runId()),
        lead.childSessionKey(),
        first(lead.requesterSessionKey(), other.requesterSessionKey()),
        first(lead.agentId(), other.agentId()),
        0,
        first(lead.task(), other.task()),
        first(lead.label(), other.label()),
        first(lead.model(), other.model()),
        first(lead.status(), other.status()),
        first(lead.createdAt(), other.createdAt()),
        first(lead.endedAt(), other.endedAt()),
        first(lead.source(), other.source()),
        first(lead.runtimeMs(), other.runtimeMs()));
  }

  private static SubagentRun withDepth(SubagentRun r, int depth) {
    return new SubagentRun(r.runId(), r.childSessionKey(), r.requesterSessionKey(), r.agentId(), depth, r.task(),
        r.label(), r.model(), r.status(), r.createdAt(), r.endedAt(), r.source(), r.runtimeMs());
  }
}
