package io.clawmetry.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.clawmetry.api.EventOrigin;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.api.Warning;
import io.clawmetry.core.event.EventParser;
import io.clawmetry.core.event.StreamState;
import io.clawmetry.core.warn.Warnings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A streamed long line reads its numbers as a short line does: the reduced line {@link LongLineExtractor} hands the
 * parser spells a number as it was read, so a count or cost no call can have is reported and counted as 0 there too.
 * Before, the reduction wrote every decimal in plain digits: {@code 1e1500} became 1,501 digits (over Jackson's 1,000)
 * and {@code 1e10000} could not be written at all, and the whole line, its call with it, was skipped as not JSON.
 */
class LongLineNumbersTest {

  private static String line(String v) {
    return "{\"type\":\"message\",\"id\":\"m1\",\"parentId\":null,\"timestamp\":\"2026-03-03T04:00:01.000Z\","
        + "\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],\"provider\":\"zai\","
        + "\"model\":\"glm-5\",\"usage\":{\"input\":" + v + ",\"output\":2,\"cacheRead\":0.00000025,"
        + "\"cost\":{\"total\":" + v + "}}}}";
  }

  private static Object read(String json, Warnings w) {
    TranscriptEvent.Message m = (TranscriptEvent.Message) new EventParser(w)
        .parse(new RawRecord(json, new EventOrigin(SourceKind.JSONL_TRANSCRIPT, "f.jsonl", 1), null),
            new StreamState("s"))
        .orElseThrow();
    return List.of(m.usage(), m.model());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e400", "1e1500", "1e10000", "1e-10000", "-1e-7", "0.25", "12.50", "3"})
  void aReducedLineReadsAsTheLine(String v) throws Exception {
    String line = line(v);
    String reduced = LongLineExtractor.extract(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
    assertNotNull(reduced, v);
    Warnings direct = new Warnings();
    Warnings streamed = new Warnings();
    assertEquals(read(line, direct), read(reduced, streamed), v);
    assertEquals(direct.list().stream().map(Warning::kind).toList(),
        streamed.list().stream().map(Warning::kind).toList(), v);
  }
}
