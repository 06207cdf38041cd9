package io.clawmetry.core.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link LongColumn} keeps every long exactly, whatever fits an int or not. */
class LongColumnTest {

  private static final long[] EDGES = {
    0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1L << 31, -(1L << 31) - 1, 1L << 32, -(1L << 32),
    (1L << 32) - 1, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - Integer.MAX_VALUE, Long.MIN_VALUE + 1
  };

  @Test
  void everyLongComesBack() {
    Random r = new Random(42);
    int n = EDGES.length * 8;
    long[] values = new long[n];
    LongColumn c = new LongColumn(n);
    for (int i = 0; i < n; i++) {
      values[i] = i < EDGES.length ? EDGES[i] : i % 3 == 0 ? r.nextLong() : EDGES[r.nextInt(EDGES.length)] + i;
      c.set(i, values[i]);
    }
    for (int i = 0; i < n; i++) {
      assertEquals(values[i], c.get(i), "row " + i);
    }
  }

  @Test
  void zerosBeforeTheFirstWideValueStayZero() {
    LongColumn c = new LongColumn(4);
    assertEquals(0, c.get(3));
    c.set(0, 0);
    c.set(1, 7);
    c.set(2, Long.MIN_VALUE);
    assertEquals(0, c.get(0));
    assertEquals(7, c.get(1));
    assertEquals(Long.MIN_VALUE, c.get(2));
    assertEquals(0, c.get(3));
  }
}
