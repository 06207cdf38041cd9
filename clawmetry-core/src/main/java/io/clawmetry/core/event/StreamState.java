package io.clawmetry.core.event;

import java.util.HashMap;
import java.util.Map;

/**
 * What {@link EventParser} remembers while it walks one stream (a file, or one session's database rows): the header's
 * session id, version and parent, and how often each id-less entry content was seen (for {@link DedupKeys}). Keep one
 * per stream and pass it again when tailing the same stream incrementally. Not thread-safe.
 */
public final class StreamState {

  private final String fallbackSessionId;
  private String headerSessionId;
  private String parentSession;
  private int version;
  private boolean heartbeatTurn;
  private String heartbeatRun;
  private final Map<String, Integer> contentSeen = new HashMap<>();

  /**
   * @param fallbackSessionId the session id used until a header names one (for a file: the id in its name; for a
   *     database: the row's {@code session_id}), may be null
   */
  public StreamState(String fallbackSessionId) {
    this.fallbackSessionId = fallbackSessionId;
  }

  /** The session id: the header's {@code id} once read, else the fallback. */
  public String sessionId() {
    return headerSessionId != null ? headerSessionId : fallbackSessionId;
  }

  /** The header's {@code parentSession} (forks), or null. */
  public String parentSession() {
    return parentSession;
  }

  /** The header's version (1 when the header had none), or 0 before a header was read. */
  public int version() {
    return version;
  }

  /** Whether a header was read. */
  public boolean headerSeen() {
    return headerSessionId != null || version != 0;
  }

  void header(String sessionId, int version, String parentSession) {
    if (sessionId != null && headerSessionId == null) {
      this.headerSessionId = sessionId;
    }
    if (this.version == 0) {
      this.version = version;
      this.parentSession = parentSession;
    }
  }

  /** The session id used until a header names one. */
  public String fallbackSessionId() {
    return fallbackSessionId;
  }

  /** The header's {@code id}, or null before a header named one. */
  public String headerSessionId() {
    return headerSessionId;
  }

  /** How often each id-less entry content was seen so far (a read-only view). */
  public Map<String, Integer> contentSeen() {
    return java.util.Collections.unmodifiableMap(contentSeen);
  }

  /** Whether the last user message of the stream so far was a heartbeat poll (messages after it answer it). */
  public boolean heartbeatTurn() {
    return heartbeatTurn;
  }

  /**
   * The agent run answering the current heartbeat poll ({@code message.__openclaw.runId} of the first message of the
   * turn that has one), or null when not in a heartbeat turn or no message of it named a run yet.
   */
  public String heartbeatRun() {
    return heartbeatRun;
  }

  /**
   * A state as {@link #fallbackSessionId}, {@link #headerSessionId}, {@link #parentSession}, {@link #version}, {@link
   * #contentSeen}, {@link #heartbeatTurn} and {@link #heartbeatRun} described it (a ledger restored from its cache file
   * goes on from there).
   */
  public static StreamState restore(
      String fallbackSessionId,
      String headerSessionId,
      String parentSession,
      int version,
      Map<String, Integer> seen,
      boolean heartbeatTurn,
      String heartbeatRun) {
    StreamState s = new StreamState(fallbackSessionId);
    s.headerSessionId = headerSessionId;
    s.parentSession = parentSession;
    s.version = version;
    s.contentSeen.putAll(seen);
    s.heartbeatTurn = heartbeatTurn;
    s.heartbeatRun = heartbeatTurn ? heartbeatRun : null;
    return s;
  }

  /**
   * Whether a message of the stream belongs to a heartbeat turn. A user message starts a turn, a heartbeat turn when it
   * is a poll; any other message belongs to the turn of the last user message before it, unless another agent run
   * wrote it: the first message of a heartbeat turn with a run id ({@code message.__openclaw.runId}, 2026.7 on) names
   * the turn's run, and a message of a different run (a sub-agent's announce run appends with no user message before
   * it, FORMATS §4.7) ends the turn. Messages without a run id (older versions) stay in the turn.
   */
  boolean turn(boolean userMessage, boolean poll, String runId) {
    if (userMessage) {
      heartbeatTurn = poll;
      heartbeatRun = poll ? runId : null;
    } else if (heartbeatTurn && runId != null) {
      if (heartbeatRun == null) {
        heartbeatRun = runId;
      } else if (!heartbeatRun.equals(runId)) {
        heartbeatTurn = false;
        heartbeatRun = null;
      }
    }
    return heartbeatTurn;
  }

  /** Counts one more occurrence of an id-less content hash and returns how many came before it. */
  int occurrence(String contentHash) {
    Integer before = contentSeen.merge(contentHash, 1, Integer::sum) - 1;
    return before;
  }
}
