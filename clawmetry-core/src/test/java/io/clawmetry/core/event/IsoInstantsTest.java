package io.clawmetry.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast ISO path agrees with {@link Instant#parse} and declines everything it does not handle. */
class IsoInstantsTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 20);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void agreesWithInstantParseOnRandomTimes(long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < 2000; i++) {
      long ms = (long) (r.nextDouble() * 8_000_000_000_000L) - 1_000_000_000_000L; // 1938 .. 2223
      String s = Instant.ofEpochMilli(ms).toString(); // JavaScript-like: no fraction when millis are 0
      if (s.length() != 24 && s.length() != 20) {
        continue;
      }
      assertEquals(Instant.parse(s), IsoInstants.parseCommon(s), "seed " + seed + ": " + s);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-02-29T23:59:59.999Z", "2023-02-28T00:00:00Z", "2000-02-29T12:00:00.000Z", "1970-01-01T00:00:00.000Z",
        "1969-12-31T23:59:59.999Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z"
      })
  void agreesOnBoundaries(String s) {
    assertEquals(Instant.parse(s), IsoInstants.parseCommon(s), s);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T00:00:60Z",
        "2026-01-01T00:00:00.5Z", "2026-01-01T00:00:00+02:00", "2026-01-01 00:00:00.000Z", "2026-1-01T00:00:00.000Z",
        "2026-01-01T00:00:00.00aZ", "+2026-01-01T00:00:00Z"
      })
  void declinesWhatItDoesNotHandle(String s) {
    assertNull(IsoInstants.parseCommon(s), s);
    try {
      Instant.parse(s);
    } catch (DateTimeParseException e) {
      return; // fine: the general path rejects it too, or handles it
    }
  }
}
