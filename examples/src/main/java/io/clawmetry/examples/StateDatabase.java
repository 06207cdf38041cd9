package io.clawmetry.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * Writes {@code state/openclaw.sqlite} (state schema 18): agent registry, the ops cron job with its runs and receipts,
 * and the ops sub-agent run.
 */
final class StateDatabase {
  /** State schema version of OpenClaw 2026.9.6. */
  static final int USER_VERSION = 18;
  static final String PATH = "state/openclaw.sqlite";
  private static final String STORE_KEY = Scenario.FOREIGN_STATE_DIR + "/cron/jobs.json";

  private StateDatabase() {}

  /** Writes the state database for the given ops scenario. */
  static void write(HomeFiles files, Ledger ledger, OpsAgentScenario ops) throws SQLException {
    Path file = files.path(PATH);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
      try (Statement statement = c.createStatement()) {
        statement.execute("PRAGMA page_size=1024");
        statement.execute("PRAGMA journal_mode=DELETE");
      }
      SqlScript.run(c, "state-schema.sql");
      c.setAutoCommit(false);
      long created = Times.at("2026-11-03T13:58:10Z").toEpochMilli();
      insert(c, "INSERT INTO schema_meta VALUES (?, ?, ?, ?, ?, ?, ?)", "primary", "global", USER_VERSION, null,
          "2026.9.6", created, created);
      insert(c, "INSERT INTO agent_databases VALUES (?, ?, ?, ?, ?)", "ops", OpsAgentScenario.DB,
          AgentDatabase.USER_VERSION, Times.at("2026-11-20T18:00:00Z").toEpochMilli(), null);
      insert(c, "INSERT INTO agent_databases VALUES (?, ?, ?, ?, ?)", "research", ResearchAgentScenario.DB,
          AgentDatabase.USER_VERSION, Times.at("2026-11-20T18:00:00Z").toEpochMilli(), null);
      cron(c, ledger, ops);
      subagent(c, ops);
      c.commit();
      c.setAutoCommit(true);
      try (Statement statement = c.createStatement()) {
        statement.execute("PRAGMA user_version=" + USER_VERSION);
        statement.execute("VACUUM");
      }
    }
  }

  private static void cron(Connection c, Ledger ledger, OpsAgentScenario ops) throws SQLException {
    String jobId = ops.cronJob;
    Instant createdAt = Times.at("2026-11-16T17:02:11.400Z");
    Transcript last = ops.cronRunTwo;
    Instant lastRun = Instant.parse(last.entries.get(0).get("timestamp").asText()).minusMillis(140);
    ObjectNode schedule = Scenario.args("kind", "cron", "expr", "0 9 * * *", "tz", "UTC");
    ObjectNode job = JsonOut.object().put("id", jobId).put("agentId", "ops").put("name", "Ops digest");
    job.put("enabled", true).put("createdAtMs", createdAt.toEpochMilli());
    job.set("schedule", schedule);
    job.put("sessionTarget", "isolated").put("wakeMode", "now");
    job.set("payload", Scenario.args("kind", "agentTurn", "message",
        "Summarise yesterday's alerts and open incidents.", "model", "local/llama"));
    job.set("delivery", Scenario.args("mode", "none"));
    job.set("state", JsonOut.object());
    ObjectNode state = JsonOut.object().put("nextRunAtMs", Times.at("2026-11-19T09:00:00Z").toEpochMilli());
    state.put("lastRunAtMs", lastRun.toEpochMilli()).put("lastRunStatus", "ok").put("lastStatus", "ok");
    state.put("lastDurationMs", last.now().toEpochMilli() - lastRun.toEpochMilli()).put("lastDelivered", false);
    state.put("lastDeliveryStatus", "not-requested").put("consecutiveErrors", 0);
    ObjectNode identity = JsonOut.object().put("version", 2).put("enabled", true);
    identity.set("schedule", schedule);
    identity.put("hasTrigger", false);
    insert(c, "INSERT INTO cron_jobs(store_key, job_id, name, description, enabled, agent_id, payload_kind, job_json, "
            + "state_json, runtime_updated_at_ms, schedule_identity, sort_order, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        STORE_KEY, jobId, "Ops digest", null, 1, "ops", "agentTurn", JsonOut.line(job), JsonOut.line(state),
        last.now().toEpochMilli(), JsonOut.line(identity), 0, last.now().toEpochMilli());
    ledger.cronJobs.add(new Ledger.CronJob(jobId, "Ops digest", "ops", PATH + "#cron_jobs", true, "ok", 0));

    int n = 1;
    for (Transcript run : new Transcript[] {ops.cronRunOne, ops.cronRunTwo}) {
      Instant start = Instant.parse(run.entries.get(0).get("timestamp").asText()).minusMillis(140);
      long end = run.now().toEpochMilli() + 35;
      String receipt = "receipt-" + run.sessionId.substring(0, 8);
      String requestRunId = "cron:" + jobId + ":" + start.toEpochMilli();
      String childKey = run.sessionKey + ":run:" + run.sessionId;
      Tokens t = run.lastTokens();
      ObjectNode detail = JsonOut.object().put("kind", "cron-run").put("status", "ok");
      detail.put("completionStatus", "succeeded").putNull("error");
      detail.put("summary", "- 3 alerts (all resolved)").put("storeKey", STORE_KEY).put("delivered", false);
      detail.put("deliveryStatus", "not-requested").put("sessionId", run.sessionId).put("runId", requestRunId);
      detail.put("runAtMs", start.toEpochMilli()).put("durationMs", end - start.toEpochMilli());
      detail.put("model", "llama").put("provider", "local");
      detail.set("usage", MainCronFiles.runUsage(t));
      insert(c, "INSERT INTO task_runs(task_id, runtime, task_kind, source_id, requester_session_key, owner_key, "
              + "scope_kind, child_session_key, agent_id, run_id, label, task, status, delivery_status, notify_policy, "
              + "created_at, started_at, ended_at, last_event_at, terminal_summary, detail_json) "
              + "VALUES (?, 'cron', 'automation_run', ?, '', '', 'system', ?, 'ops', ?, 'Ops digest', 'Ops digest', "
              + "'succeeded', 'not_applicable', 'silent', ?, ?, ?, ?, ?, ?)",
          "task-cron-" + n, jobId, childKey, requestRunId + ":" + receipt, start.toEpochMilli(), start.toEpochMilli(),
          end, end + 14, "- 3 alerts (all resolved)", JsonOut.line(detail));
      insert(c, "INSERT INTO cron_run_receipts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", receipt, STORE_KEY,
          jobId, "sha256:example-config-revision-1", "ops", requestRunId, "ok", 30382, 168170, start.toEpochMilli(),
          end, null);
      ledger.cronRuns.add(new Ledger.CronRun(jobId, start, "ok", run.sessionId, childKey, PATH + "#task_runs"));
      n++;
    }
  }

  private static void subagent(Connection c, OpsAgentScenario ops) throws SQLException {
    Transcript child = ops.subagent;
    Instant start = Instant.parse(child.entries.get(0).get("timestamp").asText());
    String store = Scenario.FOREIGN_STATE_DIR + "/" + OpsAgentScenario.DB;
    ObjectNode payload = JsonOut.object().put("runId", ops.subagentRun).put("childSessionKey", ops.subagentKey);
    payload.put("controllerSessionKey", "agent:ops:main").put("requesterSessionKey", "agent:ops:main");
    payload.put("requesterAgentId", "ops").put("task", "Write a postmortem draft for the 502s of 2026-11-10");
    payload.put("label", "postmortem").put("model", "openai/gpt-5").put("spawnMode", "run");
    payload.put("createdAt", start.toEpochMilli());
    ObjectNode outcome = JsonOut.object().put("status", "ok").put("startedAt", start.toEpochMilli());
    outcome.put("endedAt", child.now().toEpochMilli());
    ObjectNode execution = JsonOut.object().put("status", "terminal").put("startedAt", start.toEpochMilli());
    execution.put("endedAt", child.now().toEpochMilli());
    execution.set("outcome", outcome);
    payload.set("execution", execution);
    insert(c, "INSERT INTO subagent_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ops.subagentRun, ops.subagentKey,
        "agent:ops:main", store, "agent:ops:main", store, start.toEpochMilli(), JsonOut.line(payload));
    insert(c, "INSERT INTO task_runs(task_id, runtime, source_id, requester_session_key, owner_key, scope_kind, "
            + "child_session_key, agent_id, requester_agent_id, run_id, label, task, status, delivery_status, "
            + "notify_policy, created_at, started_at, ended_at, last_event_at, tool_use_count, last_tool_name) "
            + "VALUES ('task-subagent-1', 'subagent', ?, 'agent:ops:main', 'agent:ops:main', 'session', ?, 'ops', "
            + "'ops', ?, 'postmortem', ?, 'succeeded', 'delivered', 'done_only', ?, ?, ?, ?, 1, 'write')",
        ops.subagentRun, ops.subagentKey, ops.subagentRun, "Write a postmortem draft for the 502s of 2026-11-10",
        start.toEpochMilli(), start.toEpochMilli(), child.now().toEpochMilli(), child.now().toEpochMilli() + 300);
  }

  private static void insert(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }
}
