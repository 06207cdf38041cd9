package io.clawmetry.core.cron;

import static io.clawmetry.core.cron.CronValues.first;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.CronRun;
import io.clawmetry.api.SourceRef;
import io.clawmetry.api.Usage;

/**
 * One run-log entry (FORMATS §7 {@code RunLog}): a line of {@code cron/runs/<jobId>.jsonl}, or the {@code
 * detail_json} of an E3 {@code task_runs} row. Its usage has no cost and its total is taken as logged.
 */
final class RunLogEntry {

  private RunLogEntry() {}

  /** Whether the entry is a finished run (entries without {@code action} are taken as finished). */
  static boolean isFinished(JsonNode e) {
    String action = CronValues.text(e, "action");
    return action == null || action.equals("finished");
  }

  /** The run as logged; {@code jobId} is used when the entry names none. */
  static CronRun toRun(JsonNode e, String jobId, SourceRef source) {
    return new CronRun(
        first(CronValues.text(e, "jobId"), jobId),
        CronValues.text(e, "runId"),
        CronValues.text(e, "status"),
        CronValues.millis(e, "runAtMs"),
        CronValues.millis(e, "ts"),
        CronValues.number(e, "durationMs"),
        CronValues.text(e, "error"),
        CronValues.text(e, "summary"),
        CronValues.text(e, "sessionId"),
        CronValues.text(e, "sessionKey"),
        CronValues.text(e, "provider"),
        CronValues.text(e, "model"),
        usage(e.get("usage")),
        CronValues.text(e, "deliveryStatus"),
        source);
  }

  /**
   * {@code usage{input_tokens, output_tokens, total_tokens, cache_read_tokens?, cache_write_tokens?}} as a {@link
   * Usage} without cost. {@code total_tokens} is kept as logged; only when it is missing is it the sum.
   */
  static Usage usage(JsonNode u) {
    if (u == null || !u.isObject()) {
      return null;
    }
    long input = count(u, "input_tokens", "inputTokens");
    long output = count(u, "output_tokens", "outputTokens");
    long cacheRead = count(u, "cache_read_tokens", "cacheReadTokens");
    long cacheWrite = count(u, "cache_write_tokens", "cacheWriteTokens");
    Long total = first(CronValues.number(u, "total_tokens"), CronValues.number(u, "totalTokens"));
    return new Usage(input, output, cacheRead, cacheWrite,
        total != null ? total : input + output + cacheRead + cacheWrite, 0, null);
  }

  private static long count(JsonNode u, String snake, String camel) {
    Long v = first(CronValues.number(u, snake), CronValues.number(u, camel));
    return v == null ? 0 : v;
  }
}
