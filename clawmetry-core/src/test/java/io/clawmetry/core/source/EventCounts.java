package io.clawmetry.core.source;

import io.clawmetry.api.MessageRole;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.api.Usage;
import java.math.BigDecimal;
import java.util.function.Consumer;

/** Test tally of events: counts and usage sums of assistant messages. */
final class EventCounts implements Consumer<TranscriptEvent> {
  long events;
  long messages;
  long assistant;
  long errors;
  long unknown;
  long input;
  long output;
  long cacheRead;
  long cacheWrite;
  long total;
  BigDecimal cost = BigDecimal.ZERO;

  @Override
  public void accept(TranscriptEvent e) {
    events++;
    if (e instanceof TranscriptEvent.Unknown) {
      unknown++;
    }
    if (e instanceof TranscriptEvent.Message m) {
      messages++;
      if (m.role() == MessageRole.ASSISTANT) {
        assistant++;
        if ("error".equals(m.stopReason())) {
          errors++;
        }
        Usage u = m.usage();
        if (u != null) {
          input += u.input();
          output += u.output();
          cacheRead += u.cacheRead();
          cacheWrite += u.cacheWrite();
          total += u.total();
          if (u.recordedCost() != null) {
            cost = cost.add(u.recordedCost().total());
          }
        }
      }
    }
  }
}
