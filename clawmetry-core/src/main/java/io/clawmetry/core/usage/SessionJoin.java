package io.clawmetry.core.usage;

/**
 * What the buckets need to know about the session of a call, shared by every call of that session.
 *
 * @param agentId the agent
 * @param sessionKey the session key (or {@code session:<id>} when the index does not know it)
 * @param origin {@code user}, {@code cron}, {@code subagent}, {@code heartbeat} or {@code other}; a call that answers a
 *     heartbeat poll is {@code heartbeat} whatever this is ({@link Call#origin})
 * @param channel the session's channel, or null
 */
public record SessionJoin(String agentId, String sessionKey, String origin, String channel) {}
