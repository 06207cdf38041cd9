package io.clawmetry.examples;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Fixed-format time helpers (no wall clock anywhere in the generator). */
final class Times {
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Times() {}

  /** Parses an ISO instant such as {@code 2026-11-05T08:00:00Z}. */
  static Instant at(String iso) {
    return Instant.parse(iso);
  }

  /** {@code 2026-11-05T08:00:00.000Z}, as JavaScript's {@code toISOString()} writes it. */
  static String iso(Instant instant) {
    return ISO_MILLIS.format(instant);
  }

  /** The file-name form of an ISO time: {@code :} and {@code .} replaced by {@code -}. */
  static String fileStamp(Instant instant) {
    return iso(instant).replace(':', '-');
  }

  /** The fork-file form: every {@code :} and {@code .} replaced by {@code -}. */
  static String forkStamp(Instant instant) {
    return iso(instant).replace(':', '-').replace('.', '-');
  }
}
