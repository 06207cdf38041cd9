package io.clawmetry.api.gateway;

import java.time.Instant;

/**
 * {@code cron.status}.
 *
 * @param enabled whether the scheduler runs
 * @param storage {@code sqlite} or {@code file}, or null
 * @param jobs the number of jobs
 * @param nextWakeAt the next scheduler wake-up, or null
 */
public record CronServiceStatus(boolean enabled, String storage, int jobs, Instant nextWakeAt) {}
