package io.clawmetry.core.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.clawmetry.api.RecordedCost;
import io.clawmetry.api.Usage;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CallColumns} gives back exactly the calls added, and a prefix stays as it was taken. */
class CallColumnsTest {

  private static Call call(String session, Instant ts, Usage u, boolean error) {
    return new Call(session, ts, "anthropic", "claude-sonnet-4-5", u, error);
  }

  private static Usage usage(RecordedCost c) {
    return new Usage(1200, 340, 50_000, 700, 52_240, 12, c);
  }

  private static RecordedCost total(String t) {
    return new RecordedCost(null, null, null, null, t == null ? null : new BigDecimal(t));
  }

  private static List<Call> edgeCases() {
    BigDecimal huge = new BigDecimal("123456789012345678901234567890.123456789");
    return List.of(
        call("s1", Instant.parse("2026-11-05T08:00:01.250Z"), usage(total("0.0123")), false),
        call("s1", null, usage(total("0.5")), false),
        call("s1", Instant.ofEpochSecond(1_772_366_400L, 123_456_789), usage(total("1")), false),
        call("s2", Instant.MIN, usage(null), false),
        call("s2", Instant.MAX, usage(total(null)), false),
        call("s2", Instant.EPOCH, usage(total("0")), false),
        call("s2", Instant.EPOCH, usage(total("0.000000")), false),
        call("s3", Instant.EPOCH, usage(new RecordedCost(null, null, null, null, huge)), false),
        call("s3", Instant.EPOCH, usage(new RecordedCost(null, null, null, null, huge.negate())), false),
        call("s3", Instant.EPOCH, usage(total("9223372036854775807")), false),
        call("s3", Instant.EPOCH, usage(total("9223372036854775808")), false),
        call("s3", Instant.EPOCH, usage(total("-9223372036854775808")), false),
        call("s3", Instant.EPOCH, usage(total("1E+300")), false),
        call("s3", Instant.EPOCH, usage(total("1E-200")), false),
        call("s3", Instant.EPOCH, usage(total("1E-127")), false),
        call("s3", Instant.EPOCH, usage(total("1E+128")), false),
        call("s3", Instant.EPOCH, usage(new RecordedCost(new BigDecimal("0.1"), null, null, null,
            new BigDecimal("0.1"))), false),
        call("s4", Instant.EPOCH, new Usage(Long.MAX_VALUE, Long.MIN_VALUE, Integer.MIN_VALUE,
            Integer.MAX_VALUE, 1L << 31, -1, null), false),
        call("s4", Instant.EPOCH, new Usage(1200, 340, 50_000, 700, 52_240, 12, total("0.0123"), 500), false),
        call("s4", Instant.EPOCH, new Usage(1200, 340, 50_000, 700, 52_240, 12, null, 700), false),
        call("s4", null, new Usage(0, 0, 0, 1, 1, 0, total(null), 1), true),
        call("s4", Instant.EPOCH, new Usage(0, 0, 0, Long.MAX_VALUE, -1, 0, null, Long.MAX_VALUE), false),
        call("s4", Instant.EPOCH, new Usage(0, 0, 0, Long.MAX_VALUE, 0, 0, null, (1L << 40) + 7), false),
        call("s4", Instant.EPOCH, new Usage(0, 0, 0, 1L << 32, 0, 0, null, Integer.MAX_VALUE + 1L), false),
        call("s4", Instant.EPOCH, new Usage(1, 2, 3, 4, 10, 0, new RecordedCost(new BigDecimal("0.1"), null, null,
            null, new BigDecimal("0.1")), 3), false),
        call("s4", Instant.EPOCH, Usage.ZERO, true),
        call("s4", null, null, true),
        new Call(null, null, null, null, Usage.ZERO, false),
        new Call("s5", Instant.EPOCH, null, "mock-1", Usage.ZERO, false),
        new Call("s5", Instant.EPOCH, "openai", null, Usage.ZERO, false),
        // a heartbeat turn's calls: the flag sits beside the error flag and every cost kind
        new Call("s6", Instant.EPOCH, "litellm", "m", Usage.ZERO, false, true),
        new Call("s6", null, null, null, null, true, true),
        new Call("s6", Instant.EPOCH, "litellm", "m", new Usage(1, 2, 3, 4, 10, 0, new RecordedCost(
            new BigDecimal("0.1"), null, null, null, new BigDecimal("0.1")), 3), false, true));
  }

  @Test
  void everyFieldComesBackExactly() {
    CallColumns columns = new CallColumns();
    List<Call> expected = edgeCases();
    expected.forEach(columns::add);
    assertEquals(expected.size(), columns.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), columns.get(i), "row " + i);
    }
    assertEquals(expected, columns.prefix(columns.size()));
  }

  @Test
  void oneHourCacheWritesCostNoMemoryUntilARowHasThem() throws Exception {
    CallColumns columns = new CallColumns();
    for (int i = 0; i < CallChunk.SIZE; i++) { // the first chunk: no call reports 1-hour writes
      columns.add(call("s", Instant.EPOCH, usage(total("0.5")), false));
    }
    columns.add(call("s", Instant.EPOCH, new Usage(1, 0, 0, 900, 901, 0, null, 600), false));
    columns.add(call("s", Instant.EPOCH, usage(null), false));
    assertNull(oneHourArray(columns, 0, "low"), "no array for a chunk without 1-hour writes");
    assertNull(oneHourArray(columns, 0, "high"));
    assertEquals(CallChunk.SIZE, ((int[]) oneHourArray(columns, 1, "low")).length, "one int a row once needed");
    assertNull(oneHourArray(columns, 1, "high"), "values that fit an int need no second array");
    assertEquals(0, columns.get(0).usage().cacheWrite1h());
    assertEquals(600, columns.get(CallChunk.SIZE).usage().cacheWrite1h());
    assertEquals(0, columns.get(CallChunk.SIZE + 1).usage().cacheWrite1h());
  }

  /** The {@code low} or {@code high} array of chunk {@code chunk}'s 1-hour column (null while not needed). */
  private static Object oneHourArray(CallColumns columns, int chunk, String half) throws Exception {
    Field chunks = CallColumns.class.getDeclaredField("chunks");
    chunks.setAccessible(true);
    Field column = CallChunk.class.getDeclaredField("cacheWrite1h");
    column.setAccessible(true);
    Field array = LongColumn.class.getDeclaredField(half);
    array.setAccessible(true);
    return array.get(column.get(((CallChunk[]) chunks.get(columns))[chunk]));
  }

  @Test
  void theScaleOfACostIsKept() {
    CallColumns columns = new CallColumns();
    columns.add(call("s", Instant.EPOCH, usage(total("0.10")), false));
    BigDecimal back = columns.get(0).usage().recordedCost().total();
    assertEquals(2, back.scale());
    assertEquals(new BigDecimal("0.10"), back);
  }

  @Test
  void anEmptyRecordedCostIsNotMistakenForNone() {
    CallColumns columns = new CallColumns();
    columns.add(call("s", Instant.EPOCH, usage(total(null)), false));
    columns.add(call("s", Instant.EPOCH, usage(null), false));
    assertEquals(total(null), columns.get(0).usage().recordedCost());
    assertNull(columns.get(1).usage().recordedCost());
  }

  @Test
  void aPrefixIsUnchangedByLaterAppends() {
    CallColumns columns = new CallColumns();
    List<Call> added = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      Call c = call("s" + i % 7, Instant.ofEpochMilli(1_772_366_400_000L + i), usage(total(i + "E-6")), i % 11 == 0);
      columns.add(c);
      added.add(c);
      if (i == 1_023) {
        List<Call> atChunkEnd = columns.prefix(1_024);
        List<Call> expected = List.copyOf(added);
        for (int j = 0; j < 3_000; j++) {
          Call more = call("late" + j, null, usage(total("7")), false);
          columns.add(more);
          added.add(more);
        }
        assertEquals(expected, atChunkEnd, "a prefix ending at a chunk's end");
      }
    }
    List<Call> some = columns.prefix(4_100);
    List<Call> expected = List.copyOf(added.subList(0, 4_100));
    for (int i = 0; i < 20_000; i++) {
      columns.add(call("new" + i, Instant.EPOCH, Usage.ZERO, false)); // new sessions: the session table grows
    }
    assertEquals(4_100, some.size());
    assertEquals(expected, some);
    assertEquals(added, columns.subList(0, added.size()));
  }

  @Test
  void aPrefixIsImmutableAndBounded() {
    CallColumns columns = new CallColumns();
    edgeCases().forEach(columns::add);
    List<Call> p = columns.prefix(3);
    Call first = columns.get(0);
    assertThrows(UnsupportedOperationException.class, () -> p.add(first));
    assertThrows(IndexOutOfBoundsException.class, () -> p.get(3));
    assertThrows(IndexOutOfBoundsException.class, () -> columns.get(columns.size()));
    assertThrows(IndexOutOfBoundsException.class, () -> columns.prefix(columns.size() + 1));
    assertThrows(NullPointerException.class, () -> columns.add(null));
    assertEquals(0, columns.prefix(0).size());
  }
}
