package io.clawmetry.core.cron;

import static io.clawmetry.core.json.JsonNodes.first;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.CronRun;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.SourceRef;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.json.JsonNodes;
import io.clawmetry.core.session.SessionKeys;
import io.clawmetry.core.sqlite.ReadOnlyDatabase;
import io.clawmetry.core.sqlite.SqlRows;
import io.clawmetry.core.warn.Warnings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads E3 cron runs of one job (FORMATS §7): {@code task_runs} rows with {@code runtime='cron'} and {@code
 * source_id=<jobId>} (their {@code detail_json} is the run-log entry) and {@code cron_run_receipts} (status {@code
 * running|ok|error|skipped|interrupted|superseded}). A receipt no task row matches is a run of its own.
 */
final class CronRunsDb {

  /** One {@code cron_run_receipts} row. */
  private record Receipt(String receiptId, String requestRunId, String status, Instant startedAt, Instant finishedAt,
      String error) {}

  private CronRunsDb() {}

  static List<CronRun> read(ReadOnlyDatabase db, String jobId, Warnings warnings) {
    String dbPath = db.path().toAbsolutePath().toString();
    List<Receipt> receipts = readReceipts(db, jobId, dbPath, warnings);
    Set<Receipt> used = new HashSet<>();
    List<CronRun> out = new ArrayList<>();
    if (db.hasTable("task_runs") && db.hasColumns("task_runs", "runtime", "source_id")) {
      Set<String> c = db.columns("task_runs");
      SourceRef source = new SourceRef(SourceKind.STATE_DATABASE, dbPath + "#task_runs");
      db.query("SELECT * FROM task_runs WHERE runtime = 'cron' AND source_id = ?", new Object[] {jobId}, rs -> {
        JsonNode d = detail(SqlRows.text(rs, c, "detail_json"), dbPath, SqlRows.text(rs, c, "task_id"), warnings);
        String taskRunId = SqlRows.text(rs, c, "run_id");
        String detailRunId = JsonNodes.text(d, "runId");
        Receipt r = receipts.stream()
            .filter(x -> (detailRunId != null && detailRunId.equals(x.requestRunId()))
                || (taskRunId != null && x.receiptId() != null && taskRunId.contains(x.receiptId())))
            .findFirst().orElse(null);
        if (r != null) {
          used.add(r);
        }
        String child = SqlRows.text(rs, c, "child_session_key");
        out.add(new CronRun(
            jobId,
            first(detailRunId, r == null ? null : r.requestRunId(), taskRunId),
            first(JsonNodes.text(d, "status"), r == null ? null : r.status(), taskStatus(SqlRows.text(rs, c, "status"))),
            first(JsonNodes.millis(d, "runAtMs"), SqlRows.instant(rs, c, "started_at"), r == null ? null : r.startedAt()),
            first(SqlRows.instant(rs, c, "ended_at"), r == null ? null : r.finishedAt(), JsonNodes.millis(d, "ts")),
            JsonNodes.number(d, "durationMs"),
            first(JsonNodes.text(d, "error"), SqlRows.text(rs, c, "error"), r == null ? null : r.error()),
            first(JsonNodes.text(d, "summary"), SqlRows.text(rs, c, "terminal_summary")),
            first(JsonNodes.text(d, "sessionId"), SessionKeys.cronRunSessionIdOf(child)),
            first(JsonNodes.text(d, "sessionKey"), child),
            JsonNodes.text(d, "provider"),
            JsonNodes.text(d, "model"),
            RunLogEntry.usage(d.get("usage")),
            JsonNodes.text(d, "deliveryStatus"),
            source));
      }, warnings);
    } else {
      warnings.add(WarningKind.UNKNOWN_SCHEMA, dbPath, "user_version " + db.userVersion(),
          "no task_runs(runtime, source_id): cron run history unavailable in this database");
    }
    SourceRef receiptSource = new SourceRef(SourceKind.STATE_DATABASE, dbPath + "#cron_run_receipts");
    for (Receipt r : receipts) {
      if (!used.contains(r)) {
        out.add(new CronRun(jobId, r.requestRunId(), r.status(), r.startedAt(), r.finishedAt(), null, r.error(), null,
            null, null, null, null, null, null, receiptSource));
      }
    }
    return out;
  }

  /** A task status in run-log words: {@code succeeded} → {@code ok}, {@code failed} → {@code error}. */
  private static String taskStatus(String status) {
    if (status == null) {
      return null;
    }
    return switch (status) {
      case "succeeded" -> "ok";
      case "failed" -> "error";
      default -> status;
    };
  }

  private static List<Receipt> readReceipts(ReadOnlyDatabase db, String jobId, String dbPath, Warnings warnings) {
    List<Receipt> out = new ArrayList<>();
    if (!db.hasTable("cron_run_receipts") || !db.hasColumns("cron_run_receipts", "job_id", "receipt_id")) {
      return out;
    }
    Set<String> c = db.columns("cron_run_receipts");
    db.query("SELECT * FROM cron_run_receipts WHERE job_id = ?", new Object[] {jobId}, rs -> out.add(new Receipt(
        SqlRows.text(rs, c, "receipt_id"),
        SqlRows.text(rs, c, "request_run_id"),
        SqlRows.text(rs, c, "status"),
        SqlRows.instant(rs, c, "started_at_ms"),
        SqlRows.instant(rs, c, "finished_at_ms"),
        SqlRows.text(rs, c, "error_text"))), warnings);
    return out;
  }

  private static JsonNode detail(String json, String dbPath, String taskId, Warnings warnings) {
    return JsonNodes.objectColumn(json, dbPath + "#task_runs", "task_id " + taskId, "detail_json", warnings);
  }

}
