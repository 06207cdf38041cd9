package io.clawmetry.api;

import java.time.Instant;
import java.util.List;

/**
 * One session, merged from the session index ({@code sessions.json} or {@code session_nodes}/{@code session_windows})
 * and the transcripts. Counters of the index are last-run values and are deliberately not carried here.
 *
 * @param key the session key ({@code agent:main:main}), or {@code session:<id>} for a transcript with no index entry
 * @param agentId the agent
 * @param kind the kind parsed from the key and lineage
 * @param sessionId the current session id
 * @param previousSessionIds earlier ids of the same key (resets, rollovers), oldest first
 * @param status {@code running|done|failed|killed|timeout}, or null
 * @param spawnedBy the parent session key of a sub-agent, or null
 * @param depth the sub-agent depth (0 for top-level sessions)
 * @param label the label, or null
 * @param displayName the display name, or null
 * @param provider the last model provider, or null
 * @param model the last model, or null
 * @param channel the channel ({@code telegram}, {@code webchat}, ...), or null
 * @param chatType {@code direct|group|channel}, or null
 * @param createdVia how it was created ({@code operator|spawn|channel|cron|...}), or null
 * @param startedAt when it started, or null
 * @param updatedAt when it was last updated, or null
 * @param endedAt when it ended, or null
 * @param transcripts where its transcript events live
 * @param sources the index entries it was built from
 * @param contextTokens the current context size in tokens (the index's {@code totalTokens}: the last prompt of the
 *     current session id), or null when unknown or marked stale
 * @param contextWindow the model's context window in tokens (the index's {@code contextTokens}), or null when unknown
 * @param runtimeMs how long its last run took as the index records it: OpenClaw's {@code runtimeMs}, else {@code
 *     endedAt − startedAt} of the same entry (the run's start, not {@code sessionStartedAt}); null when neither is there
 */
public record SessionInfo(
    String key,
    String agentId,
    SessionKind kind,
    String sessionId,
    List<String> previousSessionIds,
    String status,
    String spawnedBy,
    int depth,
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
    List<SourceRef> transcripts,
    List<SourceRef> sources,
    Long contextTokens,
    Long contextWindow,
    Long runtimeMs) {
  public SessionInfo {
    previousSessionIds = List.copyOf(previousSessionIds);
    transcripts = List.copyOf(transcripts);
    sources = List.copyOf(sources);
  }
}
