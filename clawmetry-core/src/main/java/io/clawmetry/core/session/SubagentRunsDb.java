package io.clawmetry.core.session;

import static io.clawmetry.core.json.JsonNodes.first;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.SourceRef;
import io.clawmetry.api.SubagentRun;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.json.JsonNodes;
import io.clawmetry.core.sqlite.ReadOnlyDatabase;
import io.clawmetry.core.sqlite.SqlRows;
import io.clawmetry.core.warn.Warnings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads E3 sub-agent runs from the state database (FORMATS §6.2): {@code subagent_runs} ({@code payload_json}) joined
 * with {@code task_runs} rows of {@code runtime='subagent'} by run id, which supply status, task, label and times.
 * Task rows with no registry row are runs too. Depths are left at 0; {@link SubagentRegistry} computes them.
 */
final class SubagentRunsDb {

  /** One {@code task_runs} row of a sub-agent. */
  private record TaskRow(String runId, String sourceId, String child, String requester, String agentId, String label,
      String task, String status, Instant createdAt, Instant startedAt, Instant endedAt) {}

  private SubagentRunsDb() {}

  static List<SubagentRun> read(ReadOnlyDatabase db, String defaultAgentId, Warnings warnings) {
    String dbPath = db.path().toAbsolutePath().toString();
    Map<String, TaskRow> tasks = readTasks(db, dbPath, warnings);
    List<SubagentRun> out = new ArrayList<>();
    Set<TaskRow> used = new HashSet<>();
    if (db.hasTable("subagent_runs") && db.hasColumns("subagent_runs", "run_id")) {
      Set<String> c = db.columns("subagent_runs");
      SourceRef source = new SourceRef(SourceKind.STATE_DATABASE, dbPath + "#subagent_runs");
      db.query("SELECT * FROM subagent_runs", null, rs -> {
        String runId = SqlRows.text(rs, c, "run_id");
        JsonNode p = payload(SqlRows.text(rs, c, "payload_json"), runId, dbPath, warnings);
        JsonNode exec = JsonNodes.object(p, "execution");
        TaskRow t = first(tasks.get(runId), tasks.get(JsonNodes.text(p, "taskRunId")));
        if (t != null) {
          used.add(t);
        }
        String child = first(SqlRows.text(rs, c, "child_session_key"), JsonNodes.text(p, "childSessionKey"),
            t == null ? null : t.child());
        if (child == null) {
          warnings.add(WarningKind.MALFORMED_LINE, source.path(), "run_id " + runId, "sub-agent run without child key");
          return;
        }
        out.add(new SubagentRun(
            runId,
            child,
            first(SqlRows.text(rs, c, "requester_session_key"), JsonNodes.text(p, "requesterSessionKey"),
                t == null ? null : t.requester()),
            first(SessionKeys.agentIdOf(child, null), t == null ? null : t.agentId(), defaultAgentId),
            0,
            first(t == null ? null : t.task(), JsonNodes.text(p, "task")),
            first(t == null ? null : t.label(), JsonNodes.text(p, "label")),
            JsonNodes.text(p, "model"),
            first(t == null ? null : t.status(), JsonNodes.text(JsonNodes.object(exec, "outcome"), "status"),
                JsonNodes.text(JsonNodes.object(p, "outcome"), "status")),
            first(t == null ? null : t.createdAt(), SqlRows.instant(rs, c, "created_at"),
                JsonNodes.instant(p, "createdAt")),
            first(t == null ? null : t.endedAt(), JsonNodes.instant(exec, "endedAt"), JsonNodes.instant(p, "endedAt")),
            source,
            runtimeMs(p, exec, t)));
      }, warnings);
    } else {
      warnings.add(WarningKind.UNKNOWN_SCHEMA, dbPath, "user_version " + db.userVersion(),
          "no subagent_runs table: the sub-agent registry is read from task_runs only");
    }
    SourceRef taskSource = new SourceRef(SourceKind.STATE_DATABASE, dbPath + "#task_runs");
    tasks.values().stream().distinct().filter(t -> !used.contains(t) && t.child() != null)
        .forEach(t -> out.add(new SubagentRun(t.runId(), t.child(), t.requester(),
            first(SessionKeys.agentIdOf(t.child(), null), t.agentId(), defaultAgentId), 0, t.task(), t.label(), null,
            t.status(), t.createdAt(), t.endedAt(), taskSource,
            RunTimes.runtimeMs(null, t.startedAt(), t.endedAt()))));
    return out;
  }

  /**
   * The recorded runtime ({@code execution.outcome.elapsedMs}, the payload's {@code runtimeMs}), else ended − started
   * of one record: the execution's, else the task row's, else the payload's.
   */
  private static Long runtimeMs(JsonNode p, JsonNode exec, TaskRow t) {
    Long recorded = first(JsonNodes.number(JsonNodes.object(exec, "outcome"), "elapsedMs"),
        JsonNodes.number(p, "runtimeMs"));
    return first(
        RunTimes.runtimeMs(recorded, JsonNodes.instant(exec, "startedAt"), JsonNodes.instant(exec, "endedAt")),
        t == null ? null : RunTimes.runtimeMs(null, t.startedAt(), t.endedAt()),
        RunTimes.runtimeMs(null, JsonNodes.instant(p, "startedAt"), JsonNodes.instant(p, "endedAt")));
  }

  /** {@code task_runs} of sub-agents, indexed by run id and by source id. */
  private static Map<String, TaskRow> readTasks(ReadOnlyDatabase db, String dbPath, Warnings warnings) {
    Map<String, TaskRow> byId = new LinkedHashMap<>();
    if (!db.hasTable("task_runs") || !db.hasColumns("task_runs", "runtime")) {
      warnings.add(WarningKind.UNKNOWN_SCHEMA, dbPath, "user_version " + db.userVersion(),
          "no task_runs(runtime): sub-agent run status unavailable");
      return byId;
    }
    Set<String> c = db.columns("task_runs");
    db.query("SELECT * FROM task_runs WHERE runtime = 'subagent'", null, rs -> {
      TaskRow t = new TaskRow(
          SqlRows.text(rs, c, "run_id"),
          SqlRows.text(rs, c, "source_id"),
          SqlRows.text(rs, c, "child_session_key"),
          SqlRows.text(rs, c, "requester_session_key"),
          SqlRows.text(rs, c, "agent_id"),
          SqlRows.text(rs, c, "label"),
          SqlRows.text(rs, c, "task"),
          SqlRows.text(rs, c, "status"),
          first(SqlRows.instant(rs, c, "created_at"), SqlRows.instant(rs, c, "started_at")),
          SqlRows.instant(rs, c, "started_at"),
          SqlRows.instant(rs, c, "ended_at"));
      if (t.runId() != null) {
        byId.putIfAbsent(t.runId(), t);
      }
      if (t.sourceId() != null) {
        byId.putIfAbsent(t.sourceId(), t);
      }
    }, warnings);
    return byId;
  }

  private static JsonNode payload(String json, String runId, String dbPath, Warnings warnings) {
    return JsonNodes.objectColumn(json, dbPath + "#subagent_runs", "run_id " + runId, "payload_json", warnings);
  }

}
