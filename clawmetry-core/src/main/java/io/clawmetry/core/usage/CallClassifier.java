package io.clawmetry.core.usage;

import io.clawmetry.api.MessageRole;
import io.clawmetry.api.TranscriptEvent;

/**
 * Decides what an event is for usage: a model call, an error row, or nothing (FORMATS §4.6). OpenClaw's synthetic
 * assistant rows ({@code provider: openclaw}, {@code delivery-mirror}, {@code gateway-injected}) are kept as messages
 * but are not model calls.
 */
public final class CallClassifier {

  /** The three outcomes. */
  public enum Kind {
    CALL,
    ERROR,
    NOT_A_CALL
  }

  private CallClassifier() {}

  /** Classifies one event. */
  public static Kind classify(TranscriptEvent e) {
    if (!(e instanceof TranscriptEvent.Message m) || m.role() != MessageRole.ASSISTANT) {
      return Kind.NOT_A_CALL;
    }
    if ("openclaw".equals(m.provider())
        || "delivery-mirror".equals(m.model())
        || "gateway-injected".equals(m.model())) {
      return Kind.NOT_A_CALL;
    }
    boolean zero = m.usage() == null || m.usage().isZero();
    if ("error".equals(m.stopReason()) && zero) {
      return Kind.ERROR;
    }
    if (m.usage() == null) {
      return Kind.NOT_A_CALL;
    }
    return Kind.CALL;
  }
}
