package io.clawmetry.core.session;

import static io.clawmetry.core.json.JsonNodes.first;

import io.clawmetry.api.SessionInfo;
import io.clawmetry.api.SessionKind;
import io.clawmetry.api.SourceRef;
import io.clawmetry.core.source.TranscriptSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges index entries of all agents and the transcript scan into one {@link SessionInfo} per session key.
 *
 * <ul>
 *   <li>Entries of the same (agent, key) from several indexes are folded: the most recently updated one leads, the
 *       others fill its gaps, and their other session ids become earlier ids.
 *   <li>Transcripts fill what the index lacks: the current id's last provider and model (before models of earlier
 *       ids), the earliest and latest event time for a missing start or update.
 *   <li>The context gauges (current size and window) come from entries of the current session id only.
 *   <li>A transcript session id that no entry names becomes its own session: an isolated cron run that a cron run log
 *       names gets the run log's session key (and so its kind, normally {@code CRON_RUN}); any other gets the key
 *       {@code session:<sessionId>} and kind {@code OTHER}.
 * </ul>
 *
 * <p>The result is sorted by {@code updatedAt} (newest first, unknown last), then key.
 */
public final class SessionMerger {

  /** The key prefix of sessions known only from transcripts. */
  public static final String TRANSCRIPT_ONLY_PREFIX = "session:";

  private static final Comparator<SessionInfo> ORDER =
      Comparator.comparing(SessionInfo::updatedAt, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(SessionInfo::key)
          .thenComparing(SessionInfo::agentId, Comparator.nullsFirst(Comparator.naturalOrder()));

  private static final Comparator<IndexEntry> NEWEST_FIRST =
      Comparator.comparing(IndexEntry::updatedAt, Comparator.nullsLast(Comparator.reverseOrder()));

  /** From this many sessions on, groups are merged in parallel. */
  private static final int PARALLEL_FROM = 2_000;

  private final SessionKeys keys;
  private final int parallelFrom;

  /** A merger classifying keys with the given grammar (its main key). */
  public SessionMerger(SessionKeys keys) {
    this(keys, PARALLEL_FROM);
  }

  /** A merger that merges groups in parallel from {@code parallelFrom} sessions on (tests force either way). */
  SessionMerger(SessionKeys keys, int parallelFrom) {
    this.keys = Objects.requireNonNull(keys);
    this.parallelFrom = parallelFrom;
  }

  /**
   * Merges.
   *
   * @param entries index entries of every agent, from every index read
   * @param transcripts one summary per session id seen in transcripts
   * @return one session per (agent, key), sorted by {@code updatedAt} descending, then key
   */
  public List<SessionInfo> merge(List<IndexEntry> entries, List<TranscriptSummary> transcripts) {
    return merge(entries, transcripts, Map.of());
  }

  /**
   * Merges, naming the transcripts that no entry names but a cron run log does by the run log's key.
   *
   * @param entries index entries of every agent, from every index read
   * @param transcripts one summary per session id seen in transcripts
   * @param cronRunKeys session id → session key of isolated cron runs, from the run logs
   * @return one session per (agent, key), sorted by {@code updatedAt} descending, then key
   */
  public List<SessionInfo> merge(
      List<IndexEntry> entries, List<TranscriptSummary> transcripts, Map<String, String> cronRunKeys) {
    Map<String, List<TranscriptSummary>> summaries = new LinkedHashMap<>();
    for (TranscriptSummary t : transcripts) {
      if (t.sessionId() != null) {
        summaries.computeIfAbsent(t.sessionId(), k -> new ArrayList<>()).add(t);
      }
    }
    Map<String, List<IndexEntry>> byKey = new LinkedHashMap<>();
    for (IndexEntry e : entries) {
      byKey.computeIfAbsent(e.agentId() + "\u0000" + e.key(), k -> new ArrayList<>()).add(e);
    }
    List<SessionInfo> out = new ArrayList<>();
    Set<String> claimedIds = new HashSet<>();
    // each group is merged on its own (pure, read-only on summaries): thousands of sessions use every core
    List<List<IndexEntry>> groups = new ArrayList<>(byKey.values());
    List<SessionInfo> merged =
        groups.size() < parallelFrom
            ? groups.stream().map(g -> fromEntries(g, summaries)).toList()
            : groups.parallelStream().map(g -> fromEntries(g, summaries)).toList(); // encounter order kept
    for (SessionInfo s : merged) {
      claimedIds.add(s.sessionId());
      claimedIds.addAll(s.previousSessionIds());
      out.add(s);
    }
    for (List<TranscriptSummary> list : summaries.values()) {
      for (TranscriptSummary t : list) {
        if (!claimedIds.contains(t.sessionId())) {
          claimedIds.add(t.sessionId());
          out.add(fromTranscriptOnly(t, cronRunKeys.get(t.sessionId())));
        }
      }
    }
    out.sort(ORDER);
    return List.copyOf(out);
  }

  private SessionInfo fromEntries(List<IndexEntry> group, Map<String, List<TranscriptSummary>> summaries) {
    List<IndexEntry> sorted = new ArrayList<>(group);
    sorted.sort(NEWEST_FIRST);
    IndexEntry lead = sorted.get(0);
    Set<String> previous = new LinkedHashSet<>();
    List<SourceRef> sources = new ArrayList<>();
    for (IndexEntry e : sorted) {
      for (String id : e.previousSessionIds()) {
        previous.add(id);
      }
      if (!e.sessionId().equals(lead.sessionId())) {
        previous.add(e.sessionId());
      }
      if (e.source() != null && !sources.contains(e.source())) {
        sources.add(e.source());
      }
    }
    previous.remove(lead.sessionId());
    String agentId = lead.agentId();
    TranscriptSummary current = pick(summaries.get(lead.sessionId()), agentId);
    List<SourceRef> transcriptRefs = new ArrayList<>();
    Instant earliest = null;
    Instant latest = null;
    List<String> ids = new ArrayList<>(previous);
    ids.add(lead.sessionId());
    for (String id : ids) {
      TranscriptSummary t = pick(summaries.get(id), agentId);
      if (t == null) {
        continue;
      }
      t.sources().stream().filter(r -> !transcriptRefs.contains(r)).forEach(transcriptRefs::add);
      earliest = min(earliest, t.firstTimestamp());
      latest = max(latest, t.lastTimestamp());
    }
    String spawnedBy = fold(sorted, IndexEntry::spawnedBy);
    String parent = fold(sorted, IndexEntry::parentSessionKey);
    Integer spawnDepth = fold(sorted, IndexEntry::spawnDepth);
    SessionKind kind = keys.kindOf(lead.key(), spawnedBy, parent, spawnDepth);
    int depth = SessionKeys.depthOf(lead.key(), spawnDepth);
    if (kind == SessionKind.SUBAGENT && depth == 0) {
      depth = 1; // a child known only by spawnedBy/parentSessionKey is at least one level deep
    }
    // The model of the current id: its index entries, else its transcript, else entries of earlier ids.
    List<IndexEntry> sameId = sorted.stream().filter(e -> e.sessionId().equals(lead.sessionId())).toList();
    String provider = fold(sameId, IndexEntry::provider);
    String model = fold(sameId, IndexEntry::model);
    if (model == null && current != null && current.lastModel() != null) {
      model = current.lastModel();
      provider = first(provider, current.lastProvider());
    }
    if (model == null) {
      model = fold(sorted, IndexEntry::model);
    }
    provider = first(provider, current == null ? null : current.lastProvider(), fold(sorted, IndexEntry::provider));
    return new SessionInfo(
        lead.key(),
        agentId,
        kind,
        lead.sessionId(),
        List.copyOf(previous),
        fold(sorted, IndexEntry::status),
        first(spawnedBy, parent),
        depth,
        fold(sorted, IndexEntry::label),
        fold(sorted, IndexEntry::displayName),
        provider,
        model,
        fold(sorted, IndexEntry::channel),
        fold(sorted, IndexEntry::chatType),
        fold(sorted, IndexEntry::createdVia),
        first(fold(sorted, IndexEntry::startedAt), earliest),
        first(fold(sorted, IndexEntry::updatedAt), latest),
        fold(sorted, IndexEntry::endedAt),
        transcriptRefs,
        sources,
        fold(sameId, IndexEntry::contextTokens),
        fold(sameId, IndexEntry::contextWindow),
        fold(sorted, IndexEntry::runtimeMs));
  }

  /**
   * A session known only from its transcript, named by {@code runKey} when that is the key of exactly this run ({@code
   * …:cron:<jobId>:run:<sessionId>} of the same agent: a key is never shared by two sessions).
   */
  private SessionInfo fromTranscriptOnly(TranscriptSummary t, String runKey) {
    boolean named = runKey != null
        && Objects.equals(SessionKeys.agentIdOf(runKey, t.agentId()), t.agentId())
        && t.sessionId().equals(SessionKeys.cronRunSessionIdOf(runKey));
    SessionKind runKind = runKey == null ? null : keys.kindOf(runKey);
    SessionKind kind = named ? runKind : SessionKind.OTHER;
    if (!named && runKey != null && Objects.equals(SessionKeys.agentIdOf(runKey, t.agentId()), t.agentId())
        && (runKind == SessionKind.CRON || runKind == SessionKind.CRON_RUN)) {
      kind = SessionKind.CRON; // a run log names it by a job's key that several ids share: a cron session still
    } else if (!named && runKey == null && t.cronJobId() != null && t.agentId() != null) {
      // no run log line (pruned) but its first prompt names the job: the key OpenClaw gives an isolated run of it
      runKey = "agent:" + t.agentId() + ":cron:" + t.cronJobId() + ":run:" + t.sessionId();
      named = true;
      kind = SessionKind.CRON_RUN;
    }
    return new SessionInfo(
        named ? runKey : TRANSCRIPT_ONLY_PREFIX + t.sessionId(),
        t.agentId(),
        kind,
        t.sessionId(),
        List.of(),
        null,
        null,
        0,
        null,
        null,
        t.lastProvider(),
        t.lastModel(),
        null,
        null,
        null,
        t.firstTimestamp(),
        t.lastTimestamp(),
        null,
        t.sources(),
        List.of(),
        null,
        null,
        null);
  }

  /** The summary of the given agent, else the first one. */
  private static TranscriptSummary pick(List<TranscriptSummary> list, String agentId) {
    if (list == null || list.isEmpty()) {
      return null;
    }
    return list.stream().filter(t -> Objects.equals(t.agentId(), agentId)).findFirst().orElse(list.get(0));
  }

  /** The first non-null value, newest entry first. */
  private static <T> T fold(List<IndexEntry> newestFirst, java.util.function.Function<IndexEntry, T> field) {
    for (IndexEntry e : newestFirst) {
      T v = field.apply(e);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static Instant min(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }
}
