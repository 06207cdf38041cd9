package io.clawmetry.core.source;

import io.clawmetry.api.MessageRole;
import io.clawmetry.api.SourceRef;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.core.event.CronPrompts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Folds deduplicated events into one {@link TranscriptSummary} per session id. */
final class SummaryBuilder {

  private static final class Acc {
    final Set<SourceRef> sources = new LinkedHashSet<>();
    String parentSession;
    Instant first;
    Instant last;
    Instant lastAssistantTime;
    String lastProvider;
    String lastModel;
    long events;
    long assistantMessages;
    boolean userSeen;
    Instant firstUserTime;
    String cronJobId;
  }

  private final String agentId;
  private final Map<String, Acc> sessions = new LinkedHashMap<>();
  private long changes;

  SummaryBuilder(String agentId) {
    this.agentId = agentId;
  }

  /** Writes every session's sums, in order. */
  void writeTo(java.io.DataOutput out) throws java.io.IOException {
    Binary.writeLong(out, sessions.size());
    for (Map.Entry<String, Acc> e : sessions.entrySet()) {
      Acc a = e.getValue();
      Binary.writeString(out, e.getKey());
      Binary.writeLong(out, a.sources.size());
      for (SourceRef r : a.sources) {
        Binary.writeString(out, r.kind().name());
        Binary.writeString(out, r.path());
      }
      Binary.writeString(out, a.parentSession);
      Binary.writeInstant(out, a.first);
      Binary.writeInstant(out, a.last);
      Binary.writeInstant(out, a.lastAssistantTime);
      Binary.writeString(out, a.lastProvider);
      Binary.writeString(out, a.lastModel);
      Binary.writeLong(out, a.events);
      Binary.writeLong(out, a.assistantMessages);
      out.writeBoolean(a.userSeen);
      Binary.writeInstant(out, a.firstUserTime);
      Binary.writeString(out, a.cronJobId);
    }
  }

  /** A builder holding what {@link #writeTo} wrote. */
  static SummaryBuilder readFrom(String agentId, java.io.DataInput in) throws java.io.IOException {
    SummaryBuilder b = new SummaryBuilder(agentId);
    int n = Binary.readCount(in, Integer.MAX_VALUE / 2);
    for (int k = 0; k < n; k++) {
      Acc a = new Acc();
      String id = Binary.readString(in);
      int refs = Binary.readCount(in, 1 << 20);
      for (int r = 0; r < refs; r++) {
        a.sources.add(new SourceRef(LedgerCache.sourceKind(Binary.readString(in)), Binary.readString(in)));
      }
      a.parentSession = Binary.readString(in);
      a.first = Binary.readInstant(in);
      a.last = Binary.readInstant(in);
      a.lastAssistantTime = Binary.readInstant(in);
      a.lastProvider = Binary.readString(in);
      a.lastModel = Binary.readString(in);
      a.events = Binary.readLong(in);
      a.assistantMessages = Binary.readLong(in);
      a.userSeen = in.readBoolean();
      a.firstUserTime = Binary.readInstant(in);
      a.cronJobId = Binary.readString(in);
      if (b.sessions.put(id, a) != null) {
        throw new java.io.IOException("summary of session " + id + " twice");
      }
    }
    return b;
  }

  /** Records that {@code source} holds events of {@code sessionId} (duplicates included). */
  void source(String sessionId, SourceRef source) {
    Acc a = acc(sessionId);
    if (a != lastSourced || source != lastSource) { // events come in runs of one file and session
      a.sources.add(source);
      lastSourced = a;
      lastSource = source;
    }
  }

  private Acc lastSourced;
  private SourceRef lastSource;
  private String lastId;
  private Acc last;

  /** Adds one distinct event. */
  void event(TranscriptEvent e) {
    Acc a = acc(e.meta().sessionId());
    a.events++;
    Instant t = e.meta().timestamp();
    if (t != null) {
      a.first = a.first == null || t.isBefore(a.first) ? t : a.first;
      a.last = a.last == null || t.isAfter(a.last) ? t : a.last;
    }
    if (e instanceof TranscriptEvent.SessionHeader h && a.parentSession == null) {
      a.parentSession = h.parentSession();
      changes += a.parentSession == null ? 0 : 1;
    }
    if (e instanceof TranscriptEvent.Message m && m.role() == MessageRole.USER && firstUser(a, t)) {
      a.userSeen = true;
      a.firstUserTime = t;
      String job = CronPrompts.jobId(m);
      changes += java.util.Objects.equals(job, a.cronJobId) ? 0 : 1;
      a.cronJobId = job;
    }
    if (e instanceof TranscriptEvent.Message m && m.role() == MessageRole.ASSISTANT) {
      a.assistantMessages++;
      if (a.lastAssistantTime == null || t == null || !t.isBefore(a.lastAssistantTime)) {
        a.lastAssistantTime = t == null ? a.lastAssistantTime : t;
        a.lastProvider = m.provider();
        a.lastModel = m.model();
      }
    }
  }

  /** Whether a user message at {@code t} is the session's first so far: the earliest, else the first read. */
  private static boolean firstUser(Acc a, Instant t) {
    return !a.userSeen || (t != null && (a.firstUserTime == null || t.isBefore(a.firstUserTime)));
  }

  /**
   * How many times what decides a session's identity changed since this builder was made: a session id seen for the
   * first time, a parent session or a cron job found (what the session merge takes from a summary for a
   * session no index names, besides figures).
   */
  long identityChanges() {
    return changes;
  }

  List<TranscriptSummary> build() {
    List<TranscriptSummary> out = new ArrayList<>();
    sessions.forEach(
        (id, a) ->
            out.add(
                new TranscriptSummary(
                    agentId,
                    id,
                    a.parentSession,
                    new ArrayList<>(a.sources),
                    a.first,
                    a.last,
                    a.lastProvider,
                    a.lastModel,
                    a.events,
                    a.assistantMessages,
                    a.cronJobId)));
    out.sort(
        Comparator.comparing(TranscriptSummary::firstTimestamp, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(TranscriptSummary::sessionId, Comparator.nullsLast(Comparator.naturalOrder())));
    return out;
  }

  private Acc acc(String sessionId) {
    if (last != null && java.util.Objects.equals(sessionId, lastId)) {
      return last;
    }
    last = sessions.get(sessionId);
    if (last == null) {
      last = new Acc();
      sessions.put(sessionId, last);
      changes++;
    }
    lastId = sessionId;
    return last;
  }
}
