package io.clawmetry.api.gateway;

import java.time.Instant;

/**
 * One task of {@code tasks.list}.
 *
 * @param id the task id
 * @param kind the kind ({@code automation_run}, ...), or null
 * @param runtime {@code cli}, {@code cron}, {@code subagent}, ..., or null
 * @param status the status, or null
 * @param title the title, or null
 * @param sessionKey the owning session, or null
 * @param runId the run id, or null
 * @param sourceId the source (a cron job id for cron runs), or null
 * @param startedAt when it started, or null
 * @param endedAt when it ended, or null
 * @param terminalSummary the final summary, or null
 * @param rawJson the task as JSON text
 */
public record LiveTask(
    String id,
    String kind,
    String runtime,
    String status,
    String title,
    String sessionKey,
    String runId,
    String sourceId,
    Instant startedAt,
    Instant endedAt,
    String terminalSummary,
    String rawJson) {}
