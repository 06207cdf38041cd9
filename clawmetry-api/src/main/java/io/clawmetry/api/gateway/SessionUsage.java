package io.clawmetry.api.gateway;

/**
 * One session of {@code sessions.usage}.
 *
 * @param key the session key
 * @param sessionId the session id, or null
 * @param agentId the agent id, or null
 * @param modelProvider the provider, or null
 * @param model the model, or null
 * @param usage its totals, or null when the gateway has none yet
 */
public record SessionUsage(
    String key, String sessionId, String agentId, String modelProvider, String model, UsageTotals usage) {}
