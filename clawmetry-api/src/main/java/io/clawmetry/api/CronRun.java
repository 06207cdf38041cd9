package io.clawmetry.api;

import java.time.Instant;

/**
 * One finished (or running) cron run.
 *
 * @param jobId the job
 * @param runId the run id, or null (older run logs have none)
 * @param status {@code ok|error|skipped|running|...}
 * @param startedAt when it started, or null
 * @param finishedAt when it finished, or null while running
 * @param durationMs its duration, or null
 * @param error the error text, or null
 * @param summary the run's summary text, or null
 * @param sessionId the session id of the run's transcript, or null
 * @param sessionKey the run's session key, or null
 * @param provider the provider used, or null
 * @param model the model used, or null
 * @param usage run-level token usage as logged (no cost), or null
 * @param deliveryStatus delivery outcome, or null
 * @param source where it was read
 */
public record CronRun(
    String jobId,
    String runId,
    String status,
    Instant startedAt,
    Instant finishedAt,
    Long durationMs,
    String error,
    String summary,
    String sessionId,
    String sessionKey,
    String provider,
    String model,
    Usage usage,
    String deliveryStatus,
    SourceRef source) {}
