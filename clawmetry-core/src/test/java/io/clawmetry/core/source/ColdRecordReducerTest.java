package io.clawmetry.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A too-long cold record reduced in one streaming pass, on small records (the reducer does not look at the length):
 * the fields found in any order, and why a record is malformed.
 */
class ColdRecordReducerTest {

  private final ColdRecordReducer reducer = new ColdRecordReducer();

  private String reduce(String record) throws IOException {
    return reducer.reduce(new ByteArrayInputStream(record.getBytes(StandardCharsets.UTF_8)));
  }

  private static final String EVENT_JSON =
      "\"{\\\"type\\\":\\\"message\\\",\\\"id\\\":\\\"x\\\",\\\"extra\\\":[1,2],\\\"message\\\":{\\\"role\\\":"
          + "\\\"user\\\",\\\"content\\\":\\\"hi\\\"}}\"";

  // the content's start is kept (a short content whole), as for an over-long transcript line (LongLinePromptTest)
  private static final String REDUCED_EVENT =
      "{\"kind\":\"event\",\"row\":{\"event_json\":\"{\\\"type\\\":\\\"message\\\",\\\"id\\\":\\\"x\\\","
          + "\\\"message\\\":{\\\"role\\\":\\\"user\\\",\\\"content\\\":\\\"hi\\\"}}\"}}";

  @Test
  void anEventRecordKeepsItsKindAndItsReducedEvent() throws IOException {
    assertEquals(
        REDUCED_EVENT,
        reduce("{\"kind\":\"event\",\"row\":{\"seq\":1,\"event_json\":" + EVENT_JSON + ",\"created_at\":1}}"));
    assertNull(reducer.problem());
  }

  @Test
  void fieldOrderDoesNotMatter() throws IOException {
    String record =
        " {\"row\" : {\"seq\":-1.5e3,\"nested\":{\"event_json\":\"no\",\"a\":[{\"b\":\"}]\\\"\"},[],true,null]},"
            + "\"event_json\" : " + EVENT_JSON + "},\"k\\u0069nd\":\"ev\\u0065nt\",\"after\":{}}\r";
    assertEquals(REDUCED_EVENT, reduce(record));
  }

  @Test
  void headersAndOtherKinds() throws IOException {
    assertEquals(
        "{\"kind\":\"header\",\"sessionId\":\"s1\"}",
        reduce("{\"kind\":\"header\",\"version\":1,\"pad\":\"xxxx\",\"sessionId\":\"s1\",\"generation\":\"g1\"}"));
    assertEquals("{\"kind\":\"fts\"}", reduce("{\"kind\":\"fts\",\"row\":{\"text\":\"hi\"}}"));
    assertEquals("{}", reduce("{\"kind\":\"" + "k".repeat(65) + "\",\"sessionId\":7}"), "too long, not a string");
    assertEquals("{\"kind\":\"event\"}", reduce("{\"kind\":\"event\",\"row\":{\"event_json\":null}}"));
    assertEquals("{\"kind\":\"event\"}", reduce("{\"kind\":\"event\",\"row\":[1]}"));
  }

  @Test
  void anEventThatIsNotAJsonObjectIsEmpty() throws IOException {
    assertEquals(
        "{\"kind\":\"event\",\"row\":{\"event_json\":\"\"}}",
        reduce("{\"kind\":\"event\",\"row\":{\"event_json\":\"[1,2]\"}}"));
  }

  @Test
  void whatIsAfterTheRecordIsNotRead() throws IOException {
    assertEquals("{\"kind\":\"fts\"}", reduce("{\"kind\":\"fts\"} trailing \\q"));
  }

  private String problem(String record) throws IOException {
    assertNull(reduce(record), record);
    return reducer.problem();
  }

  @Test
  void malformedRecordsGiveNullAndWhy() throws IOException {
    assertEquals("not a JSON object at byte 1", problem("[1]"));
    assertEquals("string without its closing quote at byte 39",
        problem("{\"kind\":\"event\",\"row\":{\"event_json\":\"{}"));
    assertEquals("invalid escape \\q at byte 46",
        problem("{\"kind\":\"event\",\"row\":{\"event_json\":\"{\\\"a\\\":\\q}\"}}"));
    assertEquals("invalid escape \\x at byte 43",
        problem("{\"kind\":\"event\",\"row\":{\"event_json\":\"{}  \\x\"}}"), "after the event's object too");
    assertEquals("expected ':' at byte 9", problem("{\"kind\" \"event\"}"));
    assertEquals("expected ',' or '}' at byte 17", problem("{\"kind\":\"event\" \"row\":{}}"));
    assertEquals("unbalanced '}' at byte 15", problem("{\"a\":[1,{\"b\":}}"));
    assertEquals("record cut short at byte 10", problem("{\"a\":[1,2]"));
    assertEquals("expected a value at byte 6", problem("{\"a\":}"));
    assertEquals("expected a field name at byte 2", problem("{,}"));
  }
}
