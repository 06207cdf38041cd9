package io.clawmetry.examples;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** The JSON-era cron store of agent {@code main}: {@code cron/jobs.json} (inline state) and {@code cron/runs/*.jsonl}. */
final class MainCronFiles extends Scenario {
  private static final String ERROR_529 =
      "529 {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";

  MainCronFiles(Ids ids, Ledger ledger, HomeFiles files) {
    super(ids, ledger, files);
  }

  /** Writes the two jobs and their run logs. */
  void write(String digestId, String healthId, String c1, String keyC1, Instant digestEnd,
      String c2, String keyC2, Instant healthEnd) {
    Instant digestRun = at("2026-11-15T12:00:00.004Z");
    ObjectNode digestJob = JsonOut.object().put("id", digestId).put("agentId", "main").put("name", "Morning digest");
    digestJob.put("enabled", false).put("createdAtMs", at("2026-11-01T03:29:55.310Z").toEpochMilli());
    digestJob.put("updatedAtMs", at("2026-11-16T09:12:44.020Z").toEpochMilli());
    digestJob.set("schedule", args("kind", "cron", "expr", "0 7 * * *", "tz", "America/New_York"));
    digestJob.put("sessionTarget", "isolated").put("wakeMode", "now");
    digestJob.set("payload", args("kind", "agentTurn", "message",
        "Summarise my unread GitHub notifications and today's calendar in five bullet points."));
    digestJob.set("delivery", args("mode", "announce", "channel", "telegram", "to", "telegram:4242"));
    ObjectNode digestState = JsonOut.object().put("lastRunAtMs", digestRun.toEpochMilli()).put("lastRunStatus", "ok");
    digestState.put("lastStatus", "ok").put("lastDurationMs", digestEnd.toEpochMilli() - digestRun.toEpochMilli());
    digestState.put("lastDelivered", true).put("lastDeliveryStatus", "delivered").put("consecutiveErrors", 0);
    digestJob.set("state", digestState);

    Instant lastHealth = at("2026-11-16T06:00:00.002Z");
    ObjectNode healthJob = JsonOut.object().put("id", healthId).put("agentId", "main").put("name", "Repo health");
    healthJob.put("description", "Twice-daily repository health check").put("enabled", true);
    healthJob.put("createdAtMs", at("2026-11-03T17:45:10.500Z").toEpochMilli());
    healthJob.put("updatedAtMs", healthEnd.toEpochMilli() + 40);
    ObjectNode every = JsonOut.object().put("kind", "every").put("everyMs", 43_200_000L);
    every.put("anchorMs", at("2026-11-03T18:00:00Z").toEpochMilli());
    healthJob.set("schedule", every);
    healthJob.put("sessionTarget", "isolated").put("wakeMode", "next-heartbeat");
    healthJob.set("payload", args("kind", "agentTurn", "message", "Run scripts/repo-health.sh and report failures."));
    healthJob.set("delivery", args("mode", "none"));
    ObjectNode healthState = JsonOut.object().put("nextRunAtMs", at("2026-11-16T18:00:00Z").toEpochMilli());
    healthState.put("lastRunAtMs", lastHealth.toEpochMilli()).put("lastRunStatus", "error").put("lastStatus", "error");
    healthState.put("lastError", ERROR_529).put("lastDurationMs", healthEnd.toEpochMilli() - lastHealth.toEpochMilli());
    healthState.put("lastDeliveryStatus", "not-requested").put("consecutiveErrors", 3);
    healthJob.set("state", healthState);

    ArrayNode jobs = JsonOut.array().add(digestJob).add(healthJob);
    ObjectNode store = JsonOut.object().put("version", 1);
    store.set("jobs", jobs);
    files.prettyJson("cron/jobs.json", store);
    ledger.cronJobs.add(new Ledger.CronJob(digestId, "Morning digest", "main", "cron/jobs.json", false, "ok", 0));
    ledger.cronJobs.add(new Ledger.CronJob(healthId, "Repo health", "main", "cron/jobs.json", true, "error", 3));

    String digestLog = "cron/runs/" + digestId + ".jsonl";
    String pruned = ids.uuid();
    StringBuilder digestLines = new StringBuilder();
    Instant firstRun = at("2026-11-14T12:00:00.003Z");
    ObjectNode first = finished(digestId, firstRun.plusMillis(21_480), "ok", firstRun, 21_480, pruned,
        "agent:main:cron:" + digestId + ":run:" + pruned, at("2026-11-15T12:00:00Z"));
    first.put("summary", "- 9 unread notifications\n- no meetings\n- PR #809 merged").put("delivered", true);
    first.put("deliveryStatus", "delivered").put("model", "gpt-5").put("provider", "openai");
    first.set("usage", runUsage(new Tokens(4050, 690, 18900, 0)));
    digestLines.append(JsonOut.line(first)).append('\n');
    ledger.cronRuns.add(new Ledger.CronRun(digestId, firstRun, "ok", pruned, first.get("sessionKey").asText(),
        digestLog));
    ObjectNode second = finished(digestId, digestEnd.plusMillis(60), "ok", digestRun,
        digestEnd.toEpochMilli() - digestRun.toEpochMilli(), c1, keyC1, at("2026-11-16T12:00:00Z"));
    second.put("summary", "- 14 unread notifications (3 review requests)\n- 10:00 standup").put("delivered", true);
    second.put("deliveryStatus", "delivered").put("model", "gpt-5").put("provider", "openai");
    second.set("usage", runUsage(sessionTokens(c1)));
    digestLines.append(JsonOut.line(second)).append('\n');
    ledger.cronRuns.add(new Ledger.CronRun(digestId, digestRun, "ok", c1, keyC1, digestLog));
    files.text(digestLog, digestLines.toString());

    String healthLog = "cron/runs/" + healthId + ".jsonl";
    StringBuilder healthLines = new StringBuilder();
    Instant[] runs = {at("2026-11-15T06:00:00.001Z"), at("2026-11-15T18:00:00.006Z"), lastHealth};
    for (int i = 0; i < runs.length; i++) {
      boolean last = i == runs.length - 1;
      String sessionId = last ? c2 : ids.uuid();
      String sessionKey = last ? keyC2 : "agent:main:cron:" + healthId + ":run:" + sessionId;
      long duration = last ? healthEnd.toEpochMilli() - lastHealth.toEpochMilli() : 380 + 17L * i;
      ObjectNode entry = finished(healthId, runs[i].plusMillis(duration), "error", runs[i], duration, sessionId,
          sessionKey, runs[i].plusSeconds(43_200).truncatedTo(java.time.temporal.ChronoUnit.HOURS));
      entry.put("error", last ? ERROR_529 : "FailoverError: all models failed (anthropic: 529 overloaded_error)");
      entry.put("deliveryStatus", "not-requested");
      healthLines.append(JsonOut.line(entry)).append('\n');
      ledger.cronRuns.add(new Ledger.CronRun(healthId, runs[i], "error", sessionId, sessionKey, healthLog));
    }
    files.text(healthLog, healthLines.toString());
  }

  private ObjectNode finished(String jobId, Instant ts, String status, Instant runAt, long durationMs,
      String sessionId, String sessionKey, Instant nextRun) {
    ObjectNode entry = JsonOut.object().put("ts", ts.toEpochMilli()).put("jobId", jobId).put("action", "finished");
    entry.put("status", status).put("sessionId", sessionId).put("sessionKey", sessionKey);
    entry.put("runAtMs", runAt.toEpochMilli()).put("durationMs", durationMs).put("nextRunAtMs", nextRun.toEpochMilli());
    return entry;
  }

  private Tokens sessionTokens(String sessionId) {
    long in = 0;
    long out = 0;
    long read = 0;
    long write = 0;
    for (Ledger.Call call : ledger.calls) {
      if (call.sessionId().equals(sessionId)) {
        in += call.tokens().input();
        out += call.tokens().output();
        read += call.tokens().cacheRead();
        write += call.tokens().cacheWrite();
      }
    }
    return new Tokens(in, out, read, write);
  }

  /** Run-log usage: per run, no cost; {@code total_tokens} = input + cacheRead + output. */
  static ObjectNode runUsage(Tokens t) {
    ObjectNode usage = JsonOut.object().put("input_tokens", t.input()).put("output_tokens", t.output());
    usage.put("total_tokens", t.input() + t.cacheRead() + t.output()).put("cache_read_tokens", t.cacheRead());
    return usage;
  }
}
