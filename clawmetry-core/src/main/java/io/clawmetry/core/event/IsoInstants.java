package io.clawmetry.core.event;

import java.time.Instant;

/**
 * A fast path for the one time spelling transcripts use ({@code 2026-03-03T04:39:29.752Z}, JavaScript's {@code
 * toISOString}, and the same without fraction): the same instant {@link Instant#parse} gives, without the general
 * formatter. Anything else (other fraction lengths, offsets, leap seconds, invalid dates) returns null and is left to
 * the general parser.
 */
final class IsoInstants {

  private IsoInstants() {}

  /** The instant, or null when {@code s} is not in the common form (then use {@link Instant#parse}). */
  static Instant parseCommon(String s) {
    int n = s.length();
    if ((n != 24 && n != 20) || s.charAt(n - 1) != 'Z') {
      return null;
    }
    if (s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    int millis = 0;
    if (n == 24) {
      if (s.charAt(19) != '.') {
        return null;
      }
      millis = digits(s, 20, 3);
    }
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour < 0 || hour > 23
        || minute < 0 || minute > 59 || second < 0 || second > 59 || millis < 0) {
      return null;
    }
    long days = epochDay(year, month, day);
    return Instant.ofEpochSecond(days * 86_400L + hour * 3600L + minute * 60L + second, millis * 1_000_000L);
  }

  /** The number written by {@code len} ASCII digits at {@code from}, or -1. */
  private static int digits(String s, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  }

  private static int daysIn(int y, int m) {
    switch (m) {
      case 2:
        return leap(y) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (the algorithm of {@link java.time.LocalDate#toEpochDay}). */
  private static long epochDay(int year, int month, int day) {
    long y = year;
    long total = 365 * y;
    total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    total += (367 * month - 362) / 12;
    total += day - 1;
    if (month > 2) {
      total--;
      if (!leap(year)) {
        total--;
      }
    }
    return total - 719_528; // days from year 0 to 1970
  }
}
