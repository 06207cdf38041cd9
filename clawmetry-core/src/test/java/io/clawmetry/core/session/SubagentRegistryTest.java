package io.clawmetry.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.SessionInfo;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.SubagentRun;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.json.Json;
import io.clawmetry.core.sqlite.ReadOnlyDatabase;
import io.clawmetry.core.testing.TestHomes;
import io.clawmetry.core.warn.Warnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SubagentRegistry}: the E3 state database, an E2 {@code runs.json} and session lineage. */
class SubagentRegistryTest {

  @TempDir Path dir;

  @Test
  void stateDatabaseRunEqualsTheExport() throws IOException {
    Path state = TestHomes.gunzip("openclaw-2026.9.6/db/state-openclaw.sqlite.gz", dir, "state.sqlite");
    Warnings w = new Warnings();
    List<SubagentRun> runs;
    try (ReadOnlyDatabase db = ReadOnlyDatabase.open(state, w).orElseThrow()) {
      runs = SubagentRegistry.read(dir, db, List.of(), "main", w);
    }
    assertTrue(w.isEmpty(), w.list().toString());
    JsonNode export = Json.STRICT.readTree(
        TestHomes.testdata("openclaw-2026.9.6/export/state/subagent_runs.json").toFile());
    assertEquals(export.size(), runs.size());
    assertEquals(1, runs.size());
    SubagentRun r = runs.get(0);
    JsonNode x = export.get(0);
    assertEquals(x.get("run_id").asText(), r.runId());
    assertEquals("815ed3b6-5ef2-4c2c-a600-17d00bb3abb5", r.runId());
    assertEquals(x.get("child_session_key").asText(), r.childSessionKey());
    assertEquals(x.get("requester_session_key").asText(), r.requesterSessionKey());
    assertEquals("agent:main:lab-two", r.requesterSessionKey());
    assertEquals(x.get("payload_json").get("task").asText(), r.task());
    assertEquals("lab-helper", r.label());
    assertEquals(x.get("payload_json").get("label").asText(), r.label());
    assertEquals("mockresp/mock-2", r.model());
    assertEquals("main", r.agentId());
    assertEquals(1, r.depth());
    assertEquals("succeeded", r.status(), "task_runs.status");
    assertEquals(Instant.ofEpochMilli(x.get("created_at").asLong()), r.createdAt());
    assertEquals(Instant.ofEpochMilli(1795494640588L), r.endedAt());
    assertEquals(SourceKind.STATE_DATABASE, r.source().kind());
    assertEquals(state.toAbsolutePath() + "#subagent_runs", r.source().path());
  }

  @Test
  void stateDatabaseAndSessionLineageDedupByChildKey() {
    Path state = TestHomes.gunzip("openclaw-2026.9.6/db/state-openclaw.sqlite.gz", dir, "state.sqlite");
    Path agent = TestHomes.gunzip("openclaw-2026.9.6/db/agent-main-openclaw-agent.sqlite.gz", dir, "agent.sqlite");
    Warnings w = new Warnings();
    List<SessionInfo> sessions;
    try (ReadOnlyDatabase db = ReadOnlyDatabase.open(agent, w).orElseThrow()) {
      sessions = new SessionMerger(SessionKeys.defaults()).merge(SqliteSessionIndex.read(db, "main", w), List.of());
    }
    List<SubagentRun> runs;
    try (ReadOnlyDatabase db = ReadOnlyDatabase.open(state, w).orElseThrow()) {
      runs = SubagentRegistry.read(null, db, sessions, "main", w);
    }
    assertEquals(1, runs.size());
    assertEquals("815ed3b6-5ef2-4c2c-a600-17d00bb3abb5", runs.get(0).runId());
    assertEquals(1, runs.get(0).depth());
  }

  /** main → A (runs.json) → B (runs.json) → C (session lineage only): depths 1, 2, 3. */
  @Test
  void twoDeepChainFromRunsJsonPlusALineageOnlyGrandGrandchild() throws IOException {
    Files.createDirectories(dir.resolve("subagents"));
    Files.writeString(dir.resolve("subagents/runs.json"), """
        {"version": 2, "runs": {
          "run-b": {"childSessionKey": "agent:main:subagent:bbb", "requesterSessionKey": "agent:main:subagent:aaa",
                    "task": "leaf work", "createdAt": 2000, "endedAt": 2500, "outcome": {"status": "error"}},
          "run-a": {"childSessionKey": "agent:main:subagent:aaa", "requesterSessionKey": "agent:main:main",
                    "task": "orchestrate", "label": "orch", "model": "anthropic/claude", "createdAt": 1000,
                    "endedAt": 3000, "outcome": {"status": "ok"}},
          "run-x": {"requesterSessionKey": "agent:main:main", "task": "no child"}
        }}
        """);
    SessionInfo c = new SessionInfo("agent:ops:subagent:ccc", "ops", io.clawmetry.api.SessionKind.SUBAGENT, "c1",
        List.of(), "running", "agent:main:subagent:bbb", 3, "third", null, null, "m-c", null, null, "spawn",
        Instant.ofEpochMilli(2600), Instant.ofEpochMilli(2700), null, List.of(), List.of(), null, null, null);
    SessionInfo a = new SessionInfo("agent:main:subagent:aaa", "main", io.clawmetry.api.SessionKind.SUBAGENT, "a1",
        List.of(), "done", "agent:main:main", 1, "from-session", null, null, "m-a", null, null, "spawn",
        Instant.ofEpochMilli(1000), Instant.ofEpochMilli(3000), null, List.of(), List.of(), null, null, null);
    Warnings w = new Warnings();
    List<SubagentRun> runs = SubagentRegistry.read(dir, null, List.of(c, a), "main", w);

    assertEquals(List.of("agent:ops:subagent:ccc", "agent:main:subagent:bbb", "agent:main:subagent:aaa"),
        runs.stream().map(SubagentRun::childSessionKey).toList(), "newest first");
    assertEquals(List.of(3, 2, 1), runs.stream().map(SubagentRun::depth).toList());
    SubagentRun rc = runs.get(0);
    assertNull(rc.runId());
    assertEquals("ops", rc.agentId());
    assertEquals("running", rc.status());
    assertEquals("third", rc.label());
    SubagentRun rb = runs.get(1);
    assertEquals("run-b", rb.runId());
    assertEquals("error", rb.status());
    assertEquals("leaf work", rb.task());
    assertEquals(Instant.ofEpochMilli(2500), rb.endedAt());
    assertEquals(SourceKind.SUBAGENT_REGISTRY_JSON, rb.source().kind());
    SubagentRun ra = runs.get(2);
    assertEquals("run-a", ra.runId());
    assertEquals("orch", ra.label(), "the registry leads; the session only fills gaps");
    assertEquals("anthropic/claude", ra.model());
    assertEquals("ok", ra.status());
    assertEquals(1, w.list().size());
    assertEquals(WarningKind.MALFORMED_LINE, w.list().get(0).kind());
    assertEquals("run run-x", w.list().get(0).firstPosition());
  }

  @Test
  void aRequesterCycleDoesNotLoop() {
    assertEquals(2, SubagentRegistry.depth("a", java.util.Map.of("a", "b", "b", "a")));
  }
}
