package io.clawmetry.api.gateway;

import java.time.Instant;

/**
 * One job of {@code cron.list} with its live state.
 *
 * @param id the job id
 * @param name the job name
 * @param displayName the display name, or null
 * @param agentId the agent, or null
 * @param enabled whether it is enabled
 * @param scheduleKind {@code at}, {@code every} or {@code cron}, or null
 * @param schedule a short description of the schedule ({@code "cron 0 9 * * * UTC"}, {@code "every 30m"}), or null
 * @param nextRunAt the next run, or null
 * @param runningAt when the current run started, or null
 * @param lastRunAt the last run, or null
 * @param lastStatus the last run status ({@code ok}, {@code error}, {@code skipped}), or null
 * @param lastError the last error, or null
 * @param consecutiveErrors consecutive errors, or null
 * @param rawJson the job as JSON text
 */
public record LiveCronJob(
    String id,
    String name,
    String displayName,
    String agentId,
    boolean enabled,
    String scheduleKind,
    String schedule,
    Instant nextRunAt,
    Instant runningAt,
    Instant lastRunAt,
    String lastStatus,
    String lastError,
    Integer consecutiveErrors,
    String rawJson) {}
