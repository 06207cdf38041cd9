package io.clawmetry.core.cron;

import static io.clawmetry.core.json.JsonNodes.first;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.CronJob;
import io.clawmetry.api.CronSchedule;
import io.clawmetry.api.CronState;
import io.clawmetry.api.SourceRef;
import io.clawmetry.core.json.JsonNodes;
import java.time.Instant;
import java.util.Locale;

/**
 * Turns one job definition (FORMATS §7 {@code CronJob}) into a {@link CronJob}, with the doctor importer's legacy
 * tolerance: {@code jobId} for {@code id}, schedule fields at top level, {@code cron} for {@code expr}, {@code atMs}
 * for {@code at}, payload kinds in any case, top-level {@code message}/{@code text}.
 */
final class CronJobParser {

  private CronJobParser() {}

  /** The job id ({@code id}, legacy {@code jobId}), or null. */
  static String idOf(JsonNode job) {
    return first(JsonNodes.text(job, "id"), JsonNodes.text(job, "jobId"));
  }

  /**
   * Parses a job.
   *
   * @param job the definition object
   * @param state the state object to use instead of the inline {@code state} (sidecar or {@code state_json}), or null
   * @param updatedAtFallback the update time when the job names none, or null
   * @param source where it was read
   * @return the job, or null when it has no id
   */
  static CronJob parse(JsonNode job, JsonNode state, Instant updatedAtFallback, SourceRef source) {
    String id = idOf(job);
    if (id == null) {
      return null;
    }
    JsonNode st = state != null && state.isObject() ? state : JsonNodes.object(job, "state");
    Boolean enabled = JsonNodes.bool(job, "enabled");
    return new CronJob(
        id,
        JsonNodes.text(job, "agentId"),
        first(JsonNodes.text(job, "name"), JsonNodes.text(job, "displayName"), id),
        JsonNodes.text(job, "description"),
        enabled == null || enabled,
        schedule(job),
        JsonNodes.text(job, "sessionTarget"),
        payloadKind(job),
        JsonNodes.text(JsonNodes.object(job, "delivery"), "mode"),
        JsonNodes.millis(job, "createdAtMs"),
        first(JsonNodes.millis(job, "updatedAtMs"), updatedAtFallback),
        state(st),
        source);
  }

  /** The schedule object, or the job's top-level fields (legacy); the kind is inferred when absent. */
  static CronSchedule schedule(JsonNode job) {
    JsonNode raw = job.get("schedule");
    if (raw != null && raw.isTextual()) {
      return new CronSchedule("cron", raw.asText(), JsonNodes.text(job, "tz"), null, null);
    }
    JsonNode s = raw != null && raw.isObject() ? raw : job;
    String expr = first(JsonNodes.text(s, "expr"), JsonNodes.text(s, "cron"));
    String tz = first(JsonNodes.text(s, "tz"), JsonNodes.text(s, "timezone"));
    Long everyMs = JsonNodes.number(s, "everyMs");
    Instant at = first(JsonNodes.instant(s, "at"), JsonNodes.millis(s, "atMs"));
    String kind = JsonNodes.text(s, "kind");
    if (s == job && kind != null && !kind.matches("(?i)at|every|cron")) {
      kind = null; // a top-level kind of something else is not a schedule kind
    }
    if (kind == null) {
      kind = expr != null ? "cron" : everyMs != null ? "every" : at != null ? "at" : null;
    }
    if (kind == null) {
      return null;
    }
    return new CronSchedule(kind.toLowerCase(Locale.ROOT), expr, tz, everyMs, at);
  }

  /** {@code systemEvent|agentTurn|heartbeat} normalised from any case, or inferred from top-level message/text. */
  static String payloadKind(JsonNode job) {
    JsonNode payload = JsonNodes.object(job, "payload");
    String kind = JsonNodes.text(payload, "kind");
    if (kind == null) {
      if (JsonNodes.text(payload, "message") != null || JsonNodes.text(job, "message") != null) {
        return "agentTurn";
      }
      if (JsonNodes.text(payload, "text") != null || JsonNodes.text(job, "text") != null) {
        return "systemEvent";
      }
      return null;
    }
    return switch (kind.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "")) {
      case "systemevent" -> "systemEvent";
      case "agentturn" -> "agentTurn";
      case "heartbeat" -> "heartbeat";
      default -> kind;
    };
  }

  /** The scheduler state; {@code lastRunStatus} wins over the older {@code lastStatus}. */
  static CronState state(JsonNode st) {
    Long errors = JsonNodes.number(st, "consecutiveErrors");
    return new CronState(
        JsonNodes.millis(st, "nextRunAtMs"),
        JsonNodes.millis(st, "runningAtMs"),
        JsonNodes.millis(st, "lastRunAtMs"),
        first(JsonNodes.text(st, "lastRunStatus"), JsonNodes.text(st, "lastStatus")),
        JsonNodes.text(st, "lastError"),
        JsonNodes.number(st, "lastDurationMs"),
        errors == null ? 0 : errors.intValue(),
        JsonNodes.text(st, "lastDeliveryStatus"));
  }
}
