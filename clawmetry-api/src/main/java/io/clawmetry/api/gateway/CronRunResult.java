package io.clawmetry.api.gateway;

/**
 * The answer to {@code cron.run}; on 2026.9.6 the run is only enqueued.
 *
 * @param ok whether the gateway accepted the request
 * @param enqueued whether a run was enqueued (2026.9.6) or ran (older: {@code ran})
 * @param runId the run id ({@code manual:<jobId>:<ms>:<n>}), or null
 * @param reason why nothing ran, or null
 */
public record CronRunResult(boolean ok, boolean enqueued, String runId, String reason) {}
