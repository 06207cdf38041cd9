package io.clawmetry.api;

import java.time.Instant;

/**
 * The scheduler's state of a cron job, as last persisted.
 *
 * @param nextRunAt the next planned run, or null
 * @param runningAt when the current run started, or null when idle
 * @param lastRunAt when it last ran, or null
 * @param lastStatus {@code ok|error|skipped}, or null
 * @param lastError the last error text, or null
 * @param lastDurationMs the last run's duration, or null
 * @param consecutiveErrors how many runs in a row failed
 * @param lastDeliveryStatus {@code delivered|not-delivered|unknown|not-requested}, or null
 */
public record CronState(
    Instant nextRunAt,
    Instant runningAt,
    Instant lastRunAt,
    String lastStatus,
    String lastError,
    Long lastDurationMs,
    int consecutiveErrors,
    String lastDeliveryStatus) {}
