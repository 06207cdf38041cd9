package io.clawmetry.core.cron;

import static io.clawmetry.core.json.JsonNodes.first;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.CronRun;
import io.clawmetry.api.SourceRef;
import io.clawmetry.api.Usage;
import io.clawmetry.core.json.JsonNodes;

/**
 * One run-log entry (FORMATS §7 {@code RunLog}): a line of {@code cron/runs/<jobId>.jsonl}, or the {@code
 * detail_json} of an E3 {@code task_runs} row. Its usage has no cost and its total is taken as logged.
 */
final class RunLogEntry {

  private RunLogEntry() {}

  /** Whether the entry is a finished run (entries without {@code action} are taken as finished). */
  static boolean isFinished(JsonNode e) {
    String action = JsonNodes.text(e, "action");
    return action == null || action.equals("finished");
  }

  /** The run as logged; {@code jobId} is used when the entry names none. */
  static CronRun toRun(JsonNode e, String jobId, SourceRef source) {
    return new CronRun(
        first(JsonNodes.text(e, "jobId"), jobId),
        JsonNodes.text(e, "runId"),
        JsonNodes.text(e, "status"),
        JsonNodes.millis(e, "runAtMs"),
        JsonNodes.millis(e, "ts"),
        JsonNodes.number(e, "durationMs"),
        JsonNodes.text(e, "error"),
        JsonNodes.text(e, "summary"),
        JsonNodes.text(e, "sessionId"),
        JsonNodes.text(e, "sessionKey"),
        JsonNodes.text(e, "provider"),
        JsonNodes.text(e, "model"),
        usage(e.get("usage")),
        JsonNodes.text(e, "deliveryStatus"),
        source);
  }

  /**
   * {@code usage{input_tokens, output_tokens, total_tokens, cache_read_tokens?, cache_write_tokens?}} as a {@link
   * Usage} without cost. {@code total_tokens} is kept as logged; only when it is missing is it the sum. A run log does
   * not split its cache writes by lifetime, so {@code cacheWrite1h} is 0 (a run is costed from its transcript).
   */
  static Usage usage(JsonNode u) {
    if (u == null || !u.isObject()) {
      return null;
    }
    long input = count(u, "input_tokens", "inputTokens");
    long output = count(u, "output_tokens", "outputTokens");
    long cacheRead = count(u, "cache_read_tokens", "cacheReadTokens");
    long cacheWrite = count(u, "cache_write_tokens", "cacheWriteTokens");
    Long total = first(JsonNodes.number(u, "total_tokens"), JsonNodes.number(u, "totalTokens"));
    return new Usage(input, output, cacheRead, cacheWrite,
        total != null ? total : input + output + cacheRead + cacheWrite, 0, null);
  }

  private static long count(JsonNode u, String snake, String camel) {
    Long v = first(JsonNodes.number(u, snake), JsonNodes.number(u, camel));
    return v == null ? 0 : v;
  }
}
