package io.clawmetry.api.gateway;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One session as {@code sessions.list} reports it. Token counters are the last run's, not lifetime totals.
 *
 * @param key the session key
 * @param sessionId the current session id, or null
 * @param agentId the agent id, or null
 * @param kind the session kind ({@code direct}, {@code group}, ...), or null
 * @param label the label, or null
 * @param displayName the display name, or null
 * @param status the status ({@code done}, {@code running}, ...), or null
 * @param updatedAt the last update, or null
 * @param modelProvider the provider, or null
 * @param model the model, or null
 * @param inputTokens last-run input tokens, or null
 * @param outputTokens last-run output tokens, or null
 * @param totalTokens last-run total tokens, or null
 * @param estimatedCostUsd the gateway's estimate, or null
 * @param spawnedBy the parent session key of a sub-agent, or null
 * @param hasActiveRun whether a run is in progress
 */
public record LiveSession(
    String key,
    String sessionId,
    String agentId,
    String kind,
    String label,
    String displayName,
    String status,
    Instant updatedAt,
    String modelProvider,
    String model,
    Long inputTokens,
    Long outputTokens,
    Long totalTokens,
    BigDecimal estimatedCostUsd,
    String spawnedBy,
    boolean hasActiveRun) {}
