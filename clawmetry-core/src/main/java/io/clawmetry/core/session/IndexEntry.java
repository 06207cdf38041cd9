package io.clawmetry.core.session;

import io.clawmetry.api.SourceRef;
import java.time.Instant;
import java.util.List;

/**
 * One session-index entry as read, before merging: a {@code sessions.json} entry or a {@code session_nodes} row
 * (with its {@code session_windows}). Run counters are deliberately absent: they are last-run values, not totals; only
 * the two context gauges ({@code totalTokens} as the current context size, {@code contextTokens} as the window) are
 * kept.
 *
 * @param key the session key as written
 * @param agentId the agent ({@code agent:<id>:} of the key, else the agent whose store it was read from)
 * @param sessionId the current session id
 * @param previousSessionIds earlier ids of the same key, oldest first
 * @param sessionFile the transcript path the entry names (absolute, possibly from another machine), or null
 * @param status {@code running|done|failed|killed|timeout}, or null
 * @param spawnedBy the {@code spawnedBy} session key, or null
 * @param parentSessionKey the {@code parentSessionKey}, or null
 * @param spawnDepth the {@code spawnDepth}, or null when absent
 * @param label the label, or null
 * @param displayName the display name, or null
 * @param provider the model provider ({@code modelProvider}), or null
 * @param model the model, or null
 * @param channel the channel (also from legacy {@code provider}, {@code lastChannel}, {@code origin.provider}), or null
 * @param chatType {@code direct|group|channel}, or null
 * @param createdVia how the session was created, or null
 * @param startedAt when the session started ({@code sessionStartedAt}, else {@code createdAt}, else {@code startedAt})
 * @param updatedAt when the entry was last updated, or null
 * @param endedAt when its last run ended, or null
 * @param source the index file or table it was read from
 * @param contextTokens the current context size in tokens ({@code totalTokens}: the last prompt), or null when absent
 *     or marked stale ({@code totalTokensFresh: false})
 * @param contextWindow the model's context window in tokens ({@code contextTokens}), or null when absent
 * @param runtimeMs how long the last run took: the recorded {@code runtimeMs}, else {@code endedAt − startedAt} of the
 *     entry's run fields; null when neither is there
 */
public record IndexEntry(
    String key,
    String agentId,
    String sessionId,
    List<String> previousSessionIds,
    String sessionFile,
    String status,
    String spawnedBy,
    String parentSessionKey,
    Integer spawnDepth,
    String label,
    String displayName,
    String provider,
    String model,
    String channel,
    String chatType,
    String createdVia,
    Instant startedAt,
    Instant updatedAt,
    Instant endedAt,
    SourceRef source,
    Long contextTokens,
    Long contextWindow,
    Long runtimeMs) {
  public IndexEntry {
    previousSessionIds = List.copyOf(previousSessionIds);
    // a handful of distinct values over thousands of entries (and of the sessions merged from them): one copy each
    agentId = intern(agentId);
    status = intern(status);
    provider = intern(provider);
    model = intern(model);
    channel = intern(channel);
    chatType = intern(chatType);
    createdVia = intern(createdVia);
  }

  private static String intern(String s) {
    return s == null ? null : s.intern();
  }
}
