package io.clawmetry.core.cron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Null-safe reads of optional cron fields from a JSON tree. */
final class CronValues {

  private CronValues() {}

  /** A textual (or numeric) field, null when missing, null or empty. */
  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String s = v.asText();
    return s.isEmpty() ? null : s;
  }

  /** An integral field (number or digit string), else null. */
  static Long number(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return v.asLong();
    }
    if (v.isTextual()) {
      try {
        return Long.parseLong(v.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** A boolean field (also 0/1 and "true"/"false"), else null. */
  static Boolean bool(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isNumber()) {
      return v.asLong() != 0;
    }
    if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(v.asText());
    }
    return null;
  }

  /** An epoch-ms field as an instant, else null. */
  static Instant millis(JsonNode node, String field) {
    Long ms = number(node, field);
    return ms == null ? null : Instant.ofEpochMilli(ms);
  }

  /** An ISO-8601 (or epoch-ms) field as an instant, else null. */
  static Instant isoOrMillis(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return Instant.ofEpochMilli(v.asLong());
    }
    if (!v.isTextual()) {
      return null;
    }
    String s = v.asText().trim();
    if (!s.isEmpty() && s.chars().allMatch(Character::isDigit) && s.length() < 19) {
      return Instant.ofEpochMilli(Long.parseLong(s));
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  /** A nested object, or a missing node. */
  static JsonNode object(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isObject() ? v : MissingNode.getInstance();
  }

  /** The first non-null value. */
  @SafeVarargs
  static <T> T first(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
