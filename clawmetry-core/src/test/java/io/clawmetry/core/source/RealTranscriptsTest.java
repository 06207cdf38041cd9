package io.clawmetry.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.SourceKind;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.core.event.StreamState;
import io.clawmetry.core.warn.Warnings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every real transcript in {@code testdata/real} (not the two cron run logs) parses with no warning and no unknown
 * event. Expected figures were derived once with Python's json module (Decimal floats) over each file: events = non-blank
 * lines; messages = {@code type=="message"}; assistant = those with {@code message.role=="assistant"}; errors = assistant
 * rows with {@code stopReason=="error"}; token sums and {@code usage.cost.total} summed over assistant rows.
 */
class RealTranscriptsTest {

  @ParameterizedTest
  @CsvSource({
    // file, events, messages, assistant, errors, input, output, cacheRead, cacheWrite, total, cost
    "real/42naodia__moltbot-config/1b975ccf-9dbe-4f4e-9d2b-8abe12178979.jsonl, 6, 2, 1, 0, 16, 208, 11808, 6, 12038,"
        + " 0.036396",
    "real/4GeeksAcademy__thispedrito1-openclaw-setup/42504899-b494-42dd-8e70-81a2a2f9f48c.jsonl, 25, 14, 7, 0, 0, 0,"
        + " 0, 0, 0, 0",
    "real/9erson__openclaw/e4008982-26e2-4ad1-bba9-0c9a9c3e25d9.jsonl, 8, 4, 2, 0, 3886, 208, 26048, 0, 30142, 0",
    "real/openclawlaw-cpu__OpenClawLog/1f979e30-12ad-4b66-80ac-bcbb53b985ff.jsonl, 33, 28, 19, 12, 0, 0, 0, 0, 0, 0",
  })
  void parsesExactly(
      String file,
      long events,
      long messages,
      long assistant,
      long errors,
      long input,
      long output,
      long cacheRead,
      long cacheWrite,
      long total,
      String cost) {
    Path path = TestData.path(file);
    TranscriptFile tf = new TranscriptFile(path, SourceKind.JSONL_TRANSCRIPT);
    Warnings warnings = new Warnings();
    EventCounts c = new EventCounts();
    List<TranscriptEvent> all = new ArrayList<>();
    StreamState state = TranscriptFileReader.newState(tf);
    new TranscriptFileReader(warnings)
        .read(tf, LineReader.Position.START, state, e -> {
          c.accept(e);
          all.add(e);
        });

    assertTrue(warnings.isEmpty(), () -> file + ": " + warnings.list());
    assertEquals(0, c.unknown, file);
    assertEquals(events, c.events, file);
    assertEquals(messages, c.messages, file);
    assertEquals(assistant, c.assistant, file);
    assertEquals(errors, c.errors, file);
    assertEquals(input, c.input, file);
    assertEquals(output, c.output, file);
    assertEquals(cacheRead, c.cacheRead, file);
    assertEquals(cacheWrite, c.cacheWrite, file);
    assertEquals(total, c.total, file);
    assertEquals(0, new BigDecimal(cost).compareTo(c.cost), () -> file + " cost " + c.cost);
    String headerId = path.getFileName().toString().replace(".jsonl", "");
    assertEquals(headerId, state.sessionId());
    assertTrue(all.stream().allMatch(e -> headerId.equals(e.meta().sessionId())));
    assertTrue(all.stream().allMatch(e -> e.meta().timestamp() != null), "every real entry has a time");
    assertEquals(events, all.stream().map(e -> e.meta().dedupKey()).distinct().count(), "distinct dedup keys");
  }
}
