package io.clawmetry.core.source;

import io.clawmetry.api.SourceRef;
import java.time.Instant;
import java.util.List;

/**
 * What the transcript scan knows about one session id, for sessions that the index does not list and to fill in what
 * it lacks.
 *
 * @param agentId the agent
 * @param sessionId the session id (from the header or the database)
 * @param parentSession the header's {@code parentSession} (forks), or null
 * @param sources every source holding events of this session id
 * @param firstTimestamp the earliest event time, or null
 * @param lastTimestamp the latest event time, or null
 * @param lastProvider the provider of the last assistant message, or null
 * @param lastModel the model of the last assistant message, or null
 * @param events how many events (after dedup)
 * @param assistantMessages how many assistant messages (after dedup)
 * @param cronJobId the cron job its first user message names as a cron prompt ({@code [cron:<jobId> <name>]},
 *     {@link io.clawmetry.core.event.CronPrompts}), or null: a session that no index entry or run log names is then an
 *     isolated run of that job
 */
public record TranscriptSummary(
    String agentId,
    String sessionId,
    String parentSession,
    List<SourceRef> sources,
    Instant firstTimestamp,
    Instant lastTimestamp,
    String lastProvider,
    String lastModel,
    long events,
    long assistantMessages,
    String cronJobId) {
  public TranscriptSummary {
    sources = List.copyOf(sources);
  }
}
