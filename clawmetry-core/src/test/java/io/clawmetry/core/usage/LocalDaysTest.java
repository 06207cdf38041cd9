package io.clawmetry.core.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link LocalDays} against {@code atZone(zone).toLocalDate()} for seeded instants (the seed is in every failure
 * message), in zones with daylight saving, half-hour shifts, midnight transitions and changes of base offset, walked
 * in time order (the remembered day is reused) and at random (it is replaced).
 */
class LocalDaysTest {

  private static final String[] ZONES = {
    "UTC", "America/New_York", "Australia/Lord_Howe", "America/Sao_Paulo", "America/Havana", "Asia/Gaza",
    "Pacific/Apia", "Europe/Dublin", "Asia/Kolkata", "America/St_Johns", "Africa/Casablanca", "Antarctica/Troll"
  };

  static Stream<Arguments> cases() {
    return Stream.iterate(0, i -> i + 1).limit(ZONES.length * 2L).map(i -> Arguments.of(ZONES[i % ZONES.length], 0xDA75L + i));
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void sameDayAsZonedDateTime(String zoneName, long seed) {
    ZoneId zone = ZoneId.of(zoneName);
    Random r = new Random(seed);
    LocalDays days = new LocalDays(zone);
    long from = Instant.parse("2008-01-01T00:00:00Z").getEpochSecond();
    long span = 20L * 365 * 86_400;
    // in time order, small steps: crosses every transition of the span, minute by minute near some of them
    long t = from;
    while (t < from + span) {
      check(days, zone, t, seed);
      t += r.nextInt(4) == 0 ? 1 + r.nextInt(120) : 1 + r.nextInt(6 * 3600);
    }
    // at random
    for (int i = 0; i < 20_000; i++) {
      check(days, zone, from + (long) (r.nextDouble() * span), seed);
    }
    // every second of the hours around each transition
    var rules = zone.getRules();
    for (var tr = rules.nextTransition(Instant.ofEpochSecond(from));
        tr != null && tr.toEpochSecond() < from + span;
        tr = rules.nextTransition(tr.getInstant())) {
      for (long s = tr.toEpochSecond() - 7200; s < tr.toEpochSecond() + 7200; s += 1 + r.nextInt(30)) {
        check(days, zone, s, seed);
      }
    }
  }

  private static void check(LocalDays days, ZoneId zone, long epochSecond, long seed) {
    Instant i = Instant.ofEpochSecond(epochSecond, 123);
    assertEquals(i.atZone(zone).toLocalDate(), days.of(i), () -> zone + " " + i + " (seed " + seed + ")");
  }
}
