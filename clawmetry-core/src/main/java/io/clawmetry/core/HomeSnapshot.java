package io.clawmetry.core;

import io.clawmetry.api.SessionInfo;
import io.clawmetry.api.SessionKind;
import io.clawmetry.api.SourceRef;
import io.clawmetry.api.Warning;
import io.clawmetry.core.discovery.HomeLayout;
import io.clawmetry.core.session.IndexEntry;
import io.clawmetry.core.session.SessionKeys;
import io.clawmetry.core.session.SessionMerger;
import io.clawmetry.core.source.TranscriptSummary;
import io.clawmetry.core.usage.SessionJoin;
import io.clawmetry.core.warn.Warnings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sessions of a home, read once: index entries of every agent ({@code sessions.json}, {@code session_nodes} /
 * {@code session_windows}) merged with what the transcripts hold. Immutable once built.
 */
final class HomeSnapshot {

  private final List<SessionInfo> sessions;
  private final Map<String, SessionInfo> byKey = new HashMap<>();
  private final Map<String, SessionInfo> byAgentAndId = new HashMap<>();
  private final List<SourceRef> sources;
  private final List<Warning> warnings;

  private HomeSnapshot(List<SessionInfo> sessions, List<SourceRef> sources, List<Warning> warnings) {
    this.sessions = List.copyOf(sessions);
    this.sources = List.copyOf(sources);
    this.warnings = List.copyOf(warnings);
    for (SessionInfo s : sessions) {
      byKey.putIfAbsent(s.key(), s);
      if (s.sessionId() != null) {
        byAgentAndId.putIfAbsent(s.agentId() + "\u0000" + s.sessionId(), s);
      }
      for (String prev : s.previousSessionIds()) {
        byAgentAndId.putIfAbsent(s.agentId() + "\u0000" + prev, s);
      }
    }
  }

  /**
   * Reads the session index of every agent and merges it with the transcripts' summaries.
   *
   * @param index the session index entries, re-read where they changed
   * @param summaries per session id, from every agent's transcripts
   * @param transcriptWarnings what reading the transcripts met
   */
  static HomeSnapshot read(
      HomeLayout layout,
      SessionIndexCache index,
      List<TranscriptSummary> summaries,
      List<Warning> transcriptWarnings) {
    Warnings w = new Warnings();
    w.addAll(transcriptWarnings);
    List<IndexEntry> entries = index.entries(layout, w);
    SessionKeys keys = new SessionKeys(layout.config().sessionMainKey().orElse(SessionKeys.DEFAULT_MAIN_KEY));
    List<SessionInfo> sessions = new SessionMerger(keys).merge(entries, summaries, index.cronRunKeys(layout));
    Set<SourceRef> sources = new LinkedHashSet<>();
    for (SessionInfo s : sessions) {
      sources.addAll(s.sources());
      sources.addAll(s.transcripts());
    }
    return new HomeSnapshot(sessions, new ArrayList<>(sources), w.list());
  }

  List<SessionInfo> sessions() {
    return sessions;
  }

  List<SourceRef> sources() {
    return sources;
  }

  List<Warning> warnings() {
    return warnings;
  }

  /** By session key first, then by current or previous session id in any agent. */
  Optional<SessionInfo> find(String keyOrId) {
    if (keyOrId == null) {
      return Optional.empty();
    }
    SessionInfo s = byKey.get(keyOrId);
    if (s != null) {
      return Optional.of(s);
    }
    for (SessionInfo x : sessions) {
      if (keyOrId.equals(x.sessionId()) || x.previousSessionIds().contains(keyOrId)) {
        return Optional.of(x);
      }
    }
    return Optional.empty();
  }

  /** The session a transcript session id of an agent belongs to: its key, origin and channel. */
  SessionJoin join(String agentId, String sessionId) {
    SessionInfo s = byAgentAndId.get(agentId + "\u0000" + sessionId);
    String key = s != null ? s.key() : SessionMerger.TRANSCRIPT_ONLY_PREFIX + sessionId;
    return new SessionJoin(
        agentId, key, origin(s == null ? SessionKind.OTHER : s.kind()), s == null ? null : s.channel());
  }

  /** The origin kind of a session kind: user, cron, subagent, heartbeat or other. */
  static String origin(SessionKind kind) {
    switch (kind) {
      case MAIN:
      case DIRECT:
      case GROUP:
      case CHANNEL:
        return "user";
      case CRON:
      case CRON_RUN:
        return "cron";
      case SUBAGENT:
        return "subagent";
      case HEARTBEAT:
        return "heartbeat";
      default:
        return "other";
    }
  }
}
