package io.clawmetry.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.SubagentNode;
import io.clawmetry.core.json.Json;
import io.clawmetry.core.testing.EveryReport;
import io.clawmetry.core.testing.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node's runtime is OpenClaw's recorded runtime when there is one, else ended − started of the same record — never
 * a session's start or a run's creation mixed with another record's end.
 */
class SubagentRuntimeTest {

  @TempDir Path tmp;

  private static Map<String, Long> runtimes(ClawMetry cm) {
    Map<String, Long> out = new LinkedHashMap<>();
    collect(cm.subagentTree(), out);
    return out;
  }

  private static void collect(List<SubagentNode> nodes, Map<String, Long> out) {
    for (SubagentNode n : nodes) {
      out.put(n.sessionKey(), n.runtimeMs());
      collect(n.children(), out);
    }
  }

  /** 2026.9.6 {@code session_nodes.entry_json}: lab-two runtimeMs 163, its sub-agent 207 (= outcome.elapsedMs). */
  @Test
  void sqliteEraUsesTheRecordedRuntimeMs() {
    try (ClawMetry cm = EveryReport.open(TestHomes.realSqliteHome(tmp), tmp.resolve("u"))) {
      assertEquals(Map.of("agent:main:lab-two", 163L,
          "agent:main:subagent:a209dce7-9246-4419-a043-f9eaf02dad25", 207L), runtimes(cm));
    }
  }

  /**
   * Example home: the ops sub-agent has no runtime in its entry; its run's execution ran 01:40:40.000 → 01:40:51.328
   * (11,328 ms; the session's start to its last transcript line is 11,340). The main sub-agents' entries record
   * runtimeMs 1,584,011 and 1,331,488. agent:ops:main records none: its session start to end stays.
   */
  @Test
  void exampleHomeTakesTheRunsOwnStartAndEnd() {
    try (ClawMetry cm = EveryReport.open(TestHomes.exampleHome(), tmp.resolve("u"))) {
      Map<String, Long> r = runtimes(cm);
      assertEquals(11_328L, r.get("agent:ops:subagent:43d8ce88-9d5f-47b7-9893-eec9a52a0231"));
      assertEquals(1_584_011L, r.get("agent:main:subagent:e3e1ff5d-61a7-444f-9ca9-49f98ea1865b"));
      assertEquals(1_331_488L, r.get("agent:main:subagent:9a01ba7b-b82e-4d83-a921-bbec33626deb"));
      assertEquals(665_561_486L, r.get("agent:ops:main"));
    }
  }

  /** A run with no session: ended − started (10,000 ms), not ended − created (10,150 ms). */
  @Test
  void aRunOnlyNodeTakesEndedMinusStarted() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp.resolve("copy"));
    Path runsFile = home.resolve("subagents/runs.json");
    ObjectNode runs = (ObjectNode) Json.STRICT.readTree(runsFile.toFile());
    ObjectNode ghost = ((ObjectNode) runs.get("runs")).putObject("ffff0000-0000-0000-0000-000000000001");
    ghost.put("childSessionKey", "agent:main:subagent:ghost-1111");
    ghost.put("requesterSessionKey", "agent:main:main");
    ghost.put("createdAt", 1794008500000L);
    ghost.put("startedAt", 1794008500150L);
    ghost.put("endedAt", 1794008510150L);
    Files.writeString(runsFile, runs.toString());
    try (ClawMetry cm = EveryReport.open(home, tmp.resolve("u"))) {
      assertEquals(10_000L, runtimes(cm).get("agent:main:subagent:ghost-1111"));
    }
  }

  private static io.clawmetry.api.SessionInfo session(String started, String ended, Long recorded) {
    return new io.clawmetry.api.SessionInfo("agent:main:subagent:x", "main", io.clawmetry.api.SessionKind.SUBAGENT,
        "x", List.of(), "done", "agent:main:main", 1, null, null, null, null, null, null, null,
        started == null ? null : java.time.Instant.parse(started), null,
        ended == null ? null : java.time.Instant.parse(ended), List.of(), List.of(), null, null, recorded);
  }

  /** Found by review: an end before the start (a clock set back, a damaged record) gave a negative runtime. */
  @Test
  void aNegativeSpanOrRecordIsNoRuntime() {
    assertEquals(2_000L, SubagentTrees.runtimeMs(session("2026-11-01T00:00:00Z", "2026-11-01T00:00:02Z", null), null));
    assertEquals(null, SubagentTrees.runtimeMs(session("2026-11-01T00:00:02Z", "2026-11-01T00:00:00Z", null), null));
    assertEquals(null, SubagentTrees.runtimeMs(session(null, null, -5L), null));
    assertEquals(2_000L, SubagentTrees.runtimeMs(session("2026-11-01T00:00:00Z", "2026-11-01T00:00:02Z", -5L), null));
  }
}
