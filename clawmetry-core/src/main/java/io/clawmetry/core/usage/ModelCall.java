package io.clawmetry.core.usage;

import io.clawmetry.api.Usage;
import java.time.Instant;

/**
 * One counted assistant message (a model call) with what the buckets need to know about its session.
 *
 * @param agentId the agent
 * @param sessionId the session id of the transcript it was read from
 * @param sessionKey the session key (or {@code session:<id>} when the index does not know it)
 * @param origin the origin kind: {@code user}, {@code cron}, {@code subagent}, {@code heartbeat} or {@code other}
 * @param channel the session's channel, or null
 * @param timestamp when it was written, or null
 * @param provider the provider
 * @param model the model
 * @param usage its usage
 * @param error whether it is an error row (failed call, zero usage): counted as an error, not as a call
 */
public record ModelCall(
    String agentId,
    String sessionId,
    String sessionKey,
    String origin,
    String channel,
    Instant timestamp,
    String provider,
    String model,
    Usage usage,
    boolean error) {}
