package io.clawmetry.api;

import java.time.Instant;

/**
 * A cron job definition with its persisted state.
 *
 * @param id the job id
 * @param agentId the agent it runs on, or null for the default
 * @param name its name
 * @param description its description, or null
 * @param enabled whether it is enabled
 * @param schedule when it runs
 * @param sessionTarget {@code main|isolated|current|session:<key>}, or null
 * @param payloadKind {@code systemEvent|agentTurn|heartbeat}, or null
 * @param deliveryMode {@code none|announce|webhook}, or null
 * @param createdAt when it was created, or null
 * @param updatedAt when it was last changed, or null
 * @param state its last persisted state
 * @param source where it was read
 */
public record CronJob(
    String id,
    String agentId,
    String name,
    String description,
    boolean enabled,
    CronSchedule schedule,
    String sessionTarget,
    String payloadKind,
    String deliveryMode,
    Instant createdAt,
    Instant updatedAt,
    CronState state,
    SourceRef source) {}
