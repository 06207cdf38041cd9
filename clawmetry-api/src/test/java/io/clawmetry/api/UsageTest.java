package io.clawmetry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Usage#cacheWrite1h} is a part of {@link Usage#cacheWrite}; the 7-argument constructor leaves it 0. */
class UsageTest {

  @Test
  void sevenArgumentsMeanNoOneHourWrites() {
    Usage u = new Usage(1, 2, 3, 4, 10, 0, null);
    assertEquals(0, u.cacheWrite1h());
    assertEquals(new Usage(1, 2, 3, 4, 10, 0, null, 0), u);
    assertEquals(0, Usage.ZERO.cacheWrite1h());
    assertTrue(Usage.ZERO.isZero());
  }

  @Test
  void oneHourWritesArePartOfTheCacheWrites() {
    assertEquals(4, new Usage(1, 2, 3, 4, 10, 0, null, 4).cacheWrite1h());
    assertThrows(IllegalArgumentException.class, () -> new Usage(1, 2, 3, 4, 10, 0, null, 5));
    assertThrows(IllegalArgumentException.class, () -> new Usage(1, 2, 3, 4, 10, 0, null, -1));
    assertThrows(IllegalArgumentException.class, () -> new Usage(0, 0, 0, -4, -4, 0, null, 1));
    assertEquals(0, new Usage(0, 0, 0, -4, -4, 0, null, 0).cacheWrite1h());
  }
}
