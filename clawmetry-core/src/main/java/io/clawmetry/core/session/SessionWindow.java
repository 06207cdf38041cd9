package io.clawmetry.core.session;

import java.time.Instant;

/** One {@code session_windows} row: one session id of a session key (FORMATS §6.3). */
record SessionWindow(
    String sessionId,
    String sessionKey,
    String previousSessionId,
    String status,
    String chatType,
    String channel,
    String modelProvider,
    String model,
    String displayName,
    String parentSessionKey,
    String spawnedBy,
    Instant createdAt,
    Instant updatedAt,
    Instant startedAt,
    Instant endedAt) {}
