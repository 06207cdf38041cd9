package io.clawmetry.core.usage;

import io.clawmetry.api.RecordedCost;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.api.Usage;
import java.time.Instant;
import java.util.Optional;

/**
 * What usage keeps of one assistant message that is a model call or an error row: small, with no content, so that a
 * long-running process can hold every call of an installation.
 *
 * @param sessionId the session id of the transcript it was read from
 * @param timestamp when it was written, or null
 * @param provider the provider
 * @param model the model
 * @param usage its usage ({@link Usage#ZERO} for an error row without one)
 * @param error whether it is an error row
 * @param heartbeat whether it answers a heartbeat poll ({@link TranscriptEvent.Message#heartbeat()}): its origin kind
 *     is {@code heartbeat} whatever its session's
 */
public record Call(
    String sessionId, Instant timestamp, String provider, String model, Usage usage, boolean error, boolean heartbeat) {

  /** A call that does not answer a heartbeat poll. */
  public Call(String sessionId, Instant timestamp, String provider, String model, Usage usage, boolean error) {
    this(sessionId, timestamp, provider, model, usage, error, false);
  }

  /** The origin kind of this call when its session's is {@code sessionOrigin}: heartbeat turns are their own. */
  public String origin(String sessionOrigin) {
    return heartbeat ? "heartbeat" : sessionOrigin;
  }

  /** The call an event is, if it is one ({@link CallClassifier}). */
  public static Optional<Call> of(TranscriptEvent e) {
    CallClassifier.Kind kind = CallClassifier.classify(e);
    if (kind == CallClassifier.Kind.NOT_A_CALL) {
      return Optional.empty();
    }
    TranscriptEvent.Message m = (TranscriptEvent.Message) e;
    return Optional.of(
        new Call(
            m.meta().sessionId(),
            m.meta().timestamp(),
            intern(m.provider()),
            intern(m.model()),
            m.usage() == null ? Usage.ZERO : totalCostOnly(m.usage()),
            kind == CallClassifier.Kind.ERROR,
            m.heartbeat()));
  }

  /**
   * The usage with its recorded cost reduced to the total, the only part a report uses (memory: one per call); the
   * token counters, the 1-hour cache writes included, are kept as they are.
   */
  private static Usage totalCostOnly(Usage u) {
    RecordedCost c = u.recordedCost();
    if (c == null || c.input() == null && c.output() == null && c.cacheRead() == null && c.cacheWrite() == null) {
      return u;
    }
    return new Usage(u.input(), u.output(), u.cacheRead(), u.cacheWrite(), u.total(), u.reasoning(),
        new RecordedCost(null, null, null, null, c.total()), u.cacheWrite1h());
  }

  private static String intern(String s) {
    return s == null ? null : s.intern(); // a handful of distinct names over millions of calls
  }
}
