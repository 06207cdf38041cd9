package io.clawmetry.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.clawmetry.api.EventOrigin;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.api.Usage;
import io.clawmetry.api.Warning;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.source.RawRecord;
import io.clawmetry.core.warn.Warnings;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Usage numbers no model call can have are counted as 0 (a cost as not recorded) and reported, never summed: a count
 * of 1e30 read as {@code Long.MAX_VALUE}, or 10^23 wrapped to a long, overflowed every total it went into; -5 input
 * tokens were subtracted.
 */
class ImplausibleUsageTest {

  private static String line(String usage) {
    return "{\"type\":\"message\",\"id\":\"m1\",\"parentId\":null,\"timestamp\":\"2026-03-03T04:00:01.000Z\","
        + "\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],"
        + "\"provider\":\"zai\",\"model\":\"glm-5\",\"usage\":" + usage + "}}";
  }

  /** The three ways a line is parsed; each gives the usage and the warnings it left. */
  private static final List<BiFunction<String, Warnings, TranscriptEvent>> WAYS =
      List.of(
          (l, w) -> new EventParser(w).parse(new RawRecord(l, origin(), null), new StreamState("s")).orElseThrow(),
          (l, w) -> {
            byte[] b = l.getBytes(StandardCharsets.UTF_8);
            return new EventParser(w)
                .parseWithoutContent(b, 0, b.length, origin(), new StreamState("s"), () -> l)
                .orElseThrow();
          },
          (l, w) -> new EventParser(w)
              .parseWithoutContent(new RawRecord(l, origin(), null), new StreamState("s"))
              .orElseThrow());

  private static EventOrigin origin() {
    return new EventOrigin(SourceKind.JSONL_TRANSCRIPT, "f.jsonl", 7);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // usage | input | output | cacheRead | cacheWrite | total | recorded cost (- none) | fields reported
        "{\"input\":1e30,\"output\":2,\"totalTokens\":3} | 0 | 2 | 0 | 0 | 3 | - | usage.input",
        "{\"input\":99999999999999999999999,\"output\":2} | 0 | 2 | 0 | 0 | 2 | - | usage.input",
        "{\"input\":-5,\"output\":2} | 0 | 2 | 0 | 0 | 2 | - | usage.input",
        "{\"input\":4.5,\"output\":2} | 0 | 2 | 0 | 0 | 2 | - | usage.input",
        "{\"input\":1000000000001,\"output\":2} | 0 | 2 | 0 | 0 | 2 | - | usage.input",
        "{\"input\":1000000000000,\"output\":2.0} | 1000000000000 | 2 | 0 | 0 | 1000000000002 | - | ",
        "{\"input\":4,\"output\":2,\"cacheRead\":1.5e308,\"cacheWrite\":-1} | 4 | 2 | 0 | 0 | 6 | - | usage.cacheRead",
        "{\"input\":4,\"output\":2,\"cost\":{\"total\":1e400}} | 4 | 2 | 0 | 0 | 6 | - | usage.cost",
        "{\"input\":4,\"output\":2,\"cost\":{\"total\":1000000}} | 4 | 2 | 0 | 0 | 6 | 1000000 | ",
        "{\"input\":4,\"output\":2,\"cost\":{\"total\":0.25}} | 4 | 2 | 0 | 0 | 6 | 0.25 | ",
        // a number written as a string is not read (nor by OpenClaw), but said, never dropped silently
        "{\"input\":\"40\",\"output\":2} | 0 | 2 | 0 | 0 | 2 | - | usage.input",
        "{\"input\":4,\"output\":2,\"totalTokens\":\"6\"} | 4 | 2 | 0 | 0 | 6 | - | usage.totalTokens",
        // an implausible total is not given, as a string is: the sum of the four (never 0, below its input)
        "{\"input\":4,\"output\":2,\"totalTokens\":-6} | 4 | 2 | 0 | 0 | 6 | - | usage.totalTokens",
        "{\"input\":4,\"output\":2,\"cacheRead\":3,\"total\":1e13} | 4 | 2 | 3 | 0 | 9 | - | usage.total",
        "{\"input\":null,\"output\":2} | 0 | 2 | 0 | 0 | 2 | - | ",
        "{\"input\":4,\"output\":2,\"cache_creation\":{\"ephemeral_1h_input_tokens\":-5,\"ephemeral_5m_input_tokens\":3}}"
            + " | 4 | 2 | 0 | 3 | 9 | - | usage.cache_creation.ephemeral_1h_input_tokens",
      })
  void implausibleValuesCountAsZeroAndAreReported(
      String usage, long in, long out, long read, long write, long total, String cost, String reported) {
    for (BiFunction<String, Warnings, TranscriptEvent> way : WAYS) {
      Warnings w = new Warnings();
      Usage u = ((TranscriptEvent.Message) way.apply(line(usage), w)).usage();
      assertEquals(List.of(in, out, read, write, total),
          List.of(u.input(), u.output(), u.cacheRead(), u.cacheWrite(), u.total()), usage);
      if (cost.equals("-")) {
        assertNull(u.recordedCost(), usage);
      } else {
        assertEquals(0, new BigDecimal(cost).compareTo(u.recordedCost().total()), usage);
      }
      List<Warning> ws = w.list().stream().filter(x -> x.kind() == WarningKind.IMPLAUSIBLE_VALUE).toList();
      if (reported == null) {
        assertEquals(List.of(), ws, usage);
      } else {
        assertEquals(1, ws.size(), usage);
        assertEquals("line 7 " + reported, ws.get(0).firstPosition(), usage);
        assertEquals("f.jsonl", ws.get(0).source(), usage);
      }
    }
  }

  /**
   * Each implausible field of a line is counted once: Anthropic's 1-hour cache-write part is read for the cache writes
   * (with the 5-minute part) and for their 1-hour share, and was counted twice.
   */
  @org.junit.jupiter.api.Test
  void aFieldReadTwiceIsCountedOnce() {
    String usage = "{\"input\":4,\"output\":2,\"cache_creation\":{\"ephemeral_1h_input_tokens\":-5,"
        + "\"ephemeral_5m_input_tokens\":3},\"cacheRead\":-1}";
    for (BiFunction<String, Warnings, TranscriptEvent> way : WAYS) {
      Warnings w = new Warnings();
      way.apply(line(usage), w);
      List<Warning> ws = w.list().stream().filter(x -> x.kind() == WarningKind.IMPLAUSIBLE_VALUE).toList();
      assertEquals(1, ws.size());
      assertEquals(2, ws.get(0).count()); // the 1-hour part and cacheRead
    }
  }
}
