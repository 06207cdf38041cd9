package io.clawmetry.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.CostSource;
import io.clawmetry.api.SessionInfo;
import io.clawmetry.api.SessionKind;
import io.clawmetry.api.SubagentNode;
import io.clawmetry.api.SubagentRun;
import io.clawmetry.api.TokenCounts;
import io.clawmetry.api.UsageRow;
import io.clawmetry.api.Warning;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.warn.Warnings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The sub-agent tree over broken lineage: cycles, self-loops and missing parents keep every session exactly once and
 * every cent, and say so in a warning.
 */
class SubagentTreesTest {

  private static final Instant T0 = Instant.parse("2026-11-06T23:40:00Z");

  private static SubagentRun run(String child, String parent, int secondsAfterT0) {
    return new SubagentRun(null, child, parent, "main", 0, "task of " + child, null, null, "done",
        T0.plusSeconds(secondsAfterT0), null, null, null);
  }

  private static SessionInfo session(String key, String spawnedBy) {
    return new SessionInfo(key, "main", spawnedBy == null ? SessionKind.MAIN : SessionKind.SUBAGENT, "id-" + key,
        List.of(), "done", spawnedBy, spawnedBy == null ? 0 : 1, null, null, null, null, null, null, null, null, null,
        null, List.of(), List.of(), null, null, null);
  }

  private static UsageRow usage(String key, long tokens, String cost) {
    return new UsageRow(key, "main", new TokenCounts(tokens, 0, 0, 0, tokens), new BigDecimal(cost),
        CostSource.ESTIMATED, 1, 0, 0, List.of(), null, null);
  }

  private static Map<String, UsageRow> usages(UsageRow... rows) {
    Map<String, UsageRow> m = new HashMap<>();
    for (UsageRow r : rows) {
      m.put(r.key(), r);
    }
    return m;
  }

  private static List<String> keysDepthFirst(List<SubagentNode> roots) {
    List<String> out = new ArrayList<>();
    for (SubagentNode n : roots) {
      out.add(n.sessionKey());
      out.addAll(keysDepthFirst(n.children()));
    }
    return out;
  }

  @Test
  void aTwoSessionCycleIsBrokenAtItsFirstStartedMemberAndWarned() {
    Warnings w = new Warnings();
    List<SubagentNode> roots = SubagentTrees.build(
        List.of(session("ops:main", null)),
        List.of(run("a:e3", "a:9a", 0), run("a:9a", "a:e3", 52), run("ops:sub", "ops:main", 10)),
        usages(usage("a:e3", 13_880, "0.0285998"), usage("a:9a", 10_560, "0.002326"),
            usage("ops:main", 701_022, "0.4644"), usage("ops:sub", 21_664, "0.0335")),
        w);
    assertEquals(List.of("ops:main", "ops:sub", "a:e3", "a:9a"), keysDepthFirst(roots));
    SubagentNode cycleRoot = roots.get(1);
    assertEquals(24_440, cycleRoot.totalTokens().total());
    assertEquals(new BigDecimal("0.0309258"), cycleRoot.totalCost());
    assertEquals(List.of(new Warning(WarningKind.PATH, "a:e3", 1, "",
        "sub-agent lineage cycle a:e3 → a:9a → a:e3: shown with a:e3 (started first) as a top-level session")),
        w.list());
  }

  @Test
  void aSelfLoopBecomesItsOwnRootAndIsWarned() {
    Warnings w = new Warnings();
    List<SubagentNode> roots = SubagentTrees.build(
        List.of(session("a:main", null)),
        List.of(run("a:e3", "a:main", 0), run("a:9a", "a:9a", 52)),
        usages(usage("a:main", 225_546, "0.2085"), usage("a:e3", 13_880, "0.0286"), usage("a:9a", 10_560, "0.0024")),
        w);
    assertEquals(List.of("a:main", "a:e3", "a:9a"), keysDepthFirst(roots));
    assertEquals(239_426, roots.get(0).totalTokens().total());
    assertEquals(10_560, roots.get(1).totalTokens().total());
    assertEquals(List.of(new Warning(WarningKind.PATH, "a:9a", 1, "",
        "sub-agent lineage cycle a:9a → a:9a: shown with a:9a (started first) as a top-level session")), w.list());
  }

  @Test
  void aParentThatNoSessionIndexListsIsAPlaceholderRootWithAWarning() {
    Warnings w = new Warnings();
    List<SubagentNode> roots =
        SubagentTrees.build(List.of(session("a:sub", "a:gone")), List.of(run("a:sub", "a:gone", 0)), usages(usage("a:sub", 5, "1")), w);
    assertEquals(List.of("a:gone", "a:sub"), keysDepthFirst(roots));
    assertEquals(List.of(new Warning(WarningKind.MISSING, "a:gone", 1, "",
        "the parent of sub-agent a:sub is in no session index: shown as a top-level placeholder")), w.list());
  }

  /**
   * Random parent graphs (cycles, self-loops, missing parents, long chains): every session appears exactly once and
   * the rolled-up totals of the roots add up to every session's own figures.
   */
  @Test
  void everySessionOnceAndNoMoneyHiddenOverRandomParentGraphs() {
    long base = Long.getLong("subagents.seed", System.nanoTime());
    for (int i = 0; i < 300; i++) {
      long seed = base + i;
      try {
        checkRandomGraph(seed);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("seed " + seed + " (rerun with -Dsubagents.seed=" + seed + "): " + e.getMessage(), e);
      }
    }
  }

  private static void checkRandomGraph(long seed) {
    Random rnd = new Random(seed);
    int n = 1 + rnd.nextInt(rnd.nextInt(8) == 0 ? 400 : 30);
    List<SubagentRun> runs = new ArrayList<>();
    Map<String, UsageRow> usage = new HashMap<>();
    boolean chain = rnd.nextInt(5) == 0;
    for (int k = 0; k < n; k++) {
      String key = "s" + k;
      long t = rnd.nextInt(100_000);
      BigDecimal c = BigDecimal.valueOf(rnd.nextInt(1_000_000), 7);
      usage.put(key, usage(key, t, c.toPlainString()));
      int kind = rnd.nextInt(10);
      String parent = chain ? (k == 0 ? (rnd.nextBoolean() ? "s" + (n - 1) : null) : "s" + (k - 1))
          : kind < 2 ? null // a top-level session
          : kind == 2 ? key // a self-loop
          : kind == 3 ? "missing" + rnd.nextInt(3) // a parent nobody lists
          : "s" + rnd.nextInt(n); // anything, cycles included
      if (parent != null) {
        runs.add(run(key, parent, rnd.nextInt(3) == 0 ? 7 : rnd.nextInt(1000)));
      }
    }
    List<SubagentNode> roots = SubagentTrees.build(List.of(), runs, usage, new Warnings());
    List<String> seen = keysDepthFirst(roots);
    assertEquals(seen.size(), new HashSet<>(seen).size(), "a session appears twice: " + seen);
    Set<String> lineage = new TreeSet<>();
    runs.forEach(r -> {
      lineage.add(r.childSessionKey());
      lineage.add(r.requesterSessionKey());
    });
    assertEquals(lineage, new TreeSet<>(seen));
    long ownTokens = 0;
    BigDecimal ownCost = BigDecimal.ZERO;
    for (String k : lineage) {
      UsageRow u = usage.get(k);
      if (u != null) {
        ownTokens += u.tokens().total();
        ownCost = ownCost.add(u.cost());
      }
    }
    long treeTokens = 0;
    BigDecimal treeCost = BigDecimal.ZERO;
    for (SubagentNode r : roots) {
      treeTokens += r.totalTokens().total();
      treeCost = treeCost.add(r.totalCost());
    }
    assertEquals(ownTokens, treeTokens);
    assertEquals(0, ownCost.compareTo(treeCost), ownCost + " != " + treeCost);
  }
}
