package io.clawmetry.core.session;

import io.clawmetry.api.SessionKind;
import java.util.Locale;

/**
 * OpenClaw's session-key grammar (FORMATS §5): the agent id of a key, its kind, its sub-agent depth and the cron job
 * it belongs to.
 *
 * <pre>
 * key  := "global" | "agent:" agentId ":" rest | legacy
 * rest := mainKey | "direct:" peer | channel ":" [accountId ":"] "direct:" peer
 *       | channel ":" ("group"|"channel") ":" id [":thread:" threadId]
 *       | "subagent:" uuid | "cron:" jobId [":run:" sessionId] | other
 * </pre>
 *
 * <p>A legacy key (no {@code agent:} prefix) is classified as a whole, as if it were the {@code rest}. Keys are
 * compared case-insensitively (OpenClaw lower-cases them).
 */
public final class SessionKeys {

  /** OpenClaw's default main key ({@code session.mainKey}). */
  public static final String DEFAULT_MAIN_KEY = "main";

  private static final String AGENT_PREFIX = "agent:";
  private static final String SUBAGENT_MARK = ":subagent:";

  private final String mainKey;

  /** A grammar with the given main key; null or blank means {@value #DEFAULT_MAIN_KEY}. */
  public SessionKeys(String mainKey) {
    this.mainKey =
        mainKey == null || mainKey.isBlank() ? DEFAULT_MAIN_KEY : mainKey.trim().toLowerCase(Locale.ROOT);
  }

  /** A grammar with the default main key {@value #DEFAULT_MAIN_KEY}. */
  public static SessionKeys defaults() {
    return new SessionKeys(null);
  }

  /** The main key this grammar uses. */
  public String mainKey() {
    return mainKey;
  }

  /** Whether the key has the canonical {@code agent:<id>:<rest>} form. */
  public static boolean isAgentScoped(String key) {
    if (key == null || !key.regionMatches(true, 0, AGENT_PREFIX, 0, AGENT_PREFIX.length())) {
      return false;
    }
    int end = key.indexOf(':', AGENT_PREFIX.length());
    return end > AGENT_PREFIX.length() && end < key.length() - 1;
  }

  /** The agent id of {@code agent:<id>:…} (lower-cased), else {@code defaultAgentId}. */
  public static String agentIdOf(String key, String defaultAgentId) {
    if (!isAgentScoped(key)) {
      return defaultAgentId;
    }
    return key.substring(AGENT_PREFIX.length(), key.indexOf(':', AGENT_PREFIX.length())).toLowerCase(Locale.ROOT);
  }

  /** The part after {@code agent:<id>:} (lower-cased), or the whole lower-cased key when it is not agent-scoped. */
  public static String restOf(String key) {
    return rawRestOf(key).toLowerCase(Locale.ROOT);
  }

  /** {@link #restOf} keeping the original case (ids inside keys are returned as written). */
  private static String rawRestOf(String key) {
    if (key == null) {
      return "";
    }
    return isAgentScoped(key) ? key.substring(key.indexOf(':', AGENT_PREFIX.length()) + 1) : key;
  }

  /** The kind of a key from the key alone (no lineage fields). */
  public SessionKind kindOf(String key) {
    return kindOf(key, null, null, null);
  }

  /**
   * The kind of a session, in FORMATS §5 order: sub-agent (key or lineage), cron run / cron, heartbeat, group /
   * channel, direct, main, other.
   *
   * @param key the session key
   * @param spawnedBy the entry's {@code spawnedBy}, or null
   * @param parentSessionKey the entry's {@code parentSessionKey}, or null
   * @param spawnDepth the entry's {@code spawnDepth}, or null
   */
  public SessionKind kindOf(String key, String spawnedBy, String parentSessionKey, Integer spawnDepth) {
    String rest = restOf(key);
    if ((":" + rest).contains(SUBAGENT_MARK)
        || notBlank(spawnedBy)
        || notBlank(parentSessionKey)
        || (spawnDepth != null && spawnDepth >= 1)) {
      return SessionKind.SUBAGENT;
    }
    if (rest.startsWith("cron:")) {
      return cronRunSessionIdOf(key) != null ? SessionKind.CRON_RUN : SessionKind.CRON;
    }
    if (rest.equals("heartbeat") || rest.endsWith(":heartbeat")) {
      return SessionKind.HEARTBEAT;
    }
    String[] segments = rest.split(":", -1);
    SessionKind scoped = groupOrChannel(segments);
    if (scoped != null) {
      return scoped;
    }
    for (int i = 0; i < segments.length - 1; i++) {
      if (segments[i].equals("direct")) {
        return SessionKind.DIRECT;
      }
    }
    if (rest.equals(mainKey) || "global".equalsIgnoreCase(key)) {
      return SessionKind.MAIN;
    }
    return SessionKind.OTHER;
  }

  /** {@code group} or {@code channel} as a segment followed by an id; the channel name (segment 0) is tried last. */
  private static SessionKind groupOrChannel(String[] segments) {
    for (int i = 1; i < segments.length - 1; i++) {
      SessionKind k = scopeSegment(segments[i]);
      if (k != null) {
        return k;
      }
    }
    return segments.length > 1 ? scopeSegment(segments[0]) : null;
  }

  private static SessionKind scopeSegment(String segment) {
    if (segment.equals("group")) {
      return SessionKind.GROUP;
    }
    if (segment.equals("channel")) {
      return SessionKind.CHANNEL;
    }
    return null;
  }

  /** The sub-agent depth: {@code spawnDepth} when given, else the number of {@code :subagent:} in the key. */
  public static int depthOf(String key, Integer spawnDepth) {
    if (spawnDepth != null) {
      return Math.max(0, spawnDepth);
    }
    String s = ":" + restOf(key);
    int count = 0;
    for (int i = s.indexOf(SUBAGENT_MARK); i >= 0; i = s.indexOf(SUBAGENT_MARK, i + 1)) {
      count++;
    }
    return count;
  }

  /** The job id of {@code …cron:<jobId>[:run:<sessionId>]}, or null when the key is not a cron key. */
  public static String cronJobIdOf(String key) {
    String rest = rawRestOf(key);
    if (!rest.regionMatches(true, 0, "cron:", 0, 5)) {
      return null;
    }
    String tail = rest.substring("cron:".length());
    int run = tail.toLowerCase(Locale.ROOT).indexOf(":run:");
    String jobId = run >= 0 ? tail.substring(0, run) : tail;
    return jobId.isEmpty() ? null : jobId;
  }

  /** The session id of {@code …cron:<jobId>:run:<sessionId>}, or null. */
  public static String cronRunSessionIdOf(String key) {
    String rest = rawRestOf(key);
    if (!rest.regionMatches(true, 0, "cron:", 0, 5)) {
      return null;
    }
    int run = rest.toLowerCase(Locale.ROOT).indexOf(":run:", "cron:".length());
    if (run <= "cron:".length()) {
      return null;
    }
    String id = rest.substring(run + ":run:".length());
    return id.isEmpty() ? null : id;
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
