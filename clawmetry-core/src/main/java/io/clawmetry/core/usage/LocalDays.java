package io.clawmetry.core.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The local date of instants in one zone, remembering the span of the last day: calls come in runs of the same day,
 * so most need two comparisons instead of a zoned date-time. A day with a change of offset is not remembered (each of
 * its instants is converted), so the answer is always {@code instant.atZone(zone).toLocalDate()}. Not thread-safe.
 */
final class LocalDays {

  private final ZoneId zone;
  private final ZoneRules rules;
  private long from = 1;
  private long until = 0; // [from, until) in epoch seconds: empty at first
  private LocalDate day;

  LocalDays(ZoneId zone) {
    this.zone = zone;
    this.rules = zone.getRules();
  }

  /** {@code t.atZone(zone).toLocalDate()}, the same {@link LocalDate} instance for instants of a remembered day. */
  LocalDate of(Instant t) {
    long s = t.getEpochSecond();
    if (s >= from && s < until) {
      return day;
    }
    LocalDate d = t.atZone(zone).toLocalDate();
    if (d.getYear() > -100_000 && d.getYear() < 100_000) { // far from the ends of the calendar: no overflow below
      long start = d.atStartOfDay(zone).toEpochSecond();
      long end = d.plusDays(1).atStartOfDay(zone).toEpochSecond();
      ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(start));
      if (next == null || next.toEpochSecond() >= end) { // one offset all day: every instant in it is on day d
        from = start;
        until = end;
        day = d;
      }
    }
    return d;
  }
}
