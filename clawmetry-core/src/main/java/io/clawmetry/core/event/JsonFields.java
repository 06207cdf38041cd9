package io.clawmetry.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Small null-safe accessors over Jackson trees. */
final class JsonFields {

  private JsonFields() {}

  /** A textual field, or null when absent or not text. */
  static String text(JsonNode node, String field) {
    JsonNode n = node == null ? null : node.get(field);
    return n != null && n.isTextual() ? n.asText() : null;
  }

  /** A textual field of the first node that has it. */
  static String text(JsonNode first, JsonNode second, String field) {
    String v = text(first, field);
    return v != null ? v : text(second, field);
  }

  /** A numeric field as long, or {@code dflt}. */
  static long number(JsonNode node, String field, long dflt) {
    JsonNode n = node == null ? null : node.get(field);
    return n != null && n.isNumber() ? n.longValue() : dflt;
  }

  /** A boolean field, false when absent. */
  static boolean bool(JsonNode node, String field) {
    JsonNode n = node == null ? null : node.get(field);
    return n != null && n.asBoolean(false);
  }

  /** An object field, or null. */
  static JsonNode object(JsonNode node, String field) {
    JsonNode n = node == null ? null : node.get(field);
    return n != null && n.isObject() ? n : null;
  }

  /**
   * A time: ISO-8601 text, epoch milliseconds, or digits-only text; null when absent or unreadable (also text naming an
   * instant beyond epoch milliseconds).
   */
  static Instant time(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      return Instant.ofEpochMilli(n.longValue());
    }
    if (!n.isTextual()) {
      return null;
    }
    String s = n.asText().trim();
    if (s.isEmpty()) {
      return null;
    }
    Instant fast = IsoInstants.parseCommon(s);
    if (fast != null) {
      return fast;
    }
    if (s.chars().allMatch(Character::isDigit) && s.length() < 19) {
      return Instant.ofEpochMilli(Long.parseLong(s));
    }
    try {
      return inMillisRange(Instant.parse(s));
    } catch (DateTimeParseException e) {
      try {
        return inMillisRange(OffsetDateTime.parse(s).toInstant());
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private static final Instant FIRST_MILLI = Instant.ofEpochMilli(Long.MIN_VALUE);
  private static final Instant LAST_MILLI = Instant.ofEpochMilli(Long.MAX_VALUE);

  /**
   * {@code t}, or null when epoch milliseconds cannot hold it (text can spell years up to ±1,000,000,000): no writer
   * gives such a time, and the dedup key and the local day need one that fits.
   */
  private static Instant inMillisRange(Instant t) {
    return t.isBefore(FIRST_MILLI) || t.isAfter(LAST_MILLI) ? null : t;
  }
}
