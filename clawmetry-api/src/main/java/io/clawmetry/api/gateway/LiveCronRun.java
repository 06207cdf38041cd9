package io.clawmetry.api.gateway;

import java.time.Instant;

/**
 * One entry of {@code cron.runs} (a finished run's log entry; its usage has no cost).
 *
 * @param jobId the job id
 * @param jobName the job name, or null
 * @param runId the run id, or null
 * @param ts when the entry was written
 * @param runAt when the run started, or null
 * @param status {@code ok}, {@code error}, {@code skipped}, or null
 * @param error the error, or null
 * @param summary the summary, or null
 * @param durationMs the duration, or null
 * @param sessionId the run's session id, or null
 * @param sessionKey the run's session key, or null
 * @param provider the provider, or null
 * @param model the model, or null
 * @param deliveryStatus the delivery status, or null
 * @param rawJson the entry as JSON text
 */
public record LiveCronRun(
    String jobId,
    String jobName,
    String runId,
    Instant ts,
    Instant runAt,
    String status,
    String error,
    String summary,
    Long durationMs,
    String sessionId,
    String sessionKey,
    String provider,
    String model,
    String deliveryStatus,
    String rawJson) {}
