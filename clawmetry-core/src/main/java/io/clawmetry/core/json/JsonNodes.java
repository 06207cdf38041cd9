package io.clawmetry.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.warn.Warnings;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Null-safe reads of optional fields of a JSON tree, tolerant of the spellings OpenClaw's files use over the years
 * (numbers as digit strings, booleans as 0/1, times as epoch ms or ISO-8601). Every reader of OpenClaw JSON uses these.
 */
public final class JsonNodes {

  private JsonNodes() {}

  /** A textual (or numeric) field, null when missing, null, a container or empty. */
  public static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String s = v.asText();
    return s.isEmpty() ? null : s;
  }

  /** An integral field (a number or a digit string), else null. */
  public static Long number(JsonNode node, String field) {
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
  public static Boolean bool(JsonNode node, String field) {
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
  public static Instant millis(JsonNode node, String field) {
    Long ms = number(node, field);
    return ms == null ? null : Instant.ofEpochMilli(ms);
  }

  /** A time field: epoch ms (number or digits) or ISO-8601 text; null otherwise. */
  public static Instant instant(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return Instant.ofEpochMilli(v.asLong());
    }
    return v.isTextual() ? parseInstant(v.asText()) : null;
  }

  /** Epoch-ms digits or ISO-8601 text (with Z or an offset), else null. */
  public static Instant parseInstant(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String v = s.trim();
    if (v.chars().allMatch(Character::isDigit) && v.length() < 19) {
      return Instant.ofEpochMilli(Long.parseLong(v));
    }
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(v).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  /** A nested object, or a missing node (never null). */
  public static JsonNode object(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isObject() ? v : MissingNode.getInstance();
  }

  /**
   * A JSON object stored as text (a database's {@code *_json} column): the object, a missing node when the text is
   * null, and a missing node plus one {@code MALFORMED_LINE} warning at {@code position} of {@code source} when the
   * text is not a JSON object.
   */
  public static JsonNode objectColumn(
      String json, String source, String position, String column, Warnings warnings) {
    if (json == null) {
      return MissingNode.getInstance();
    }
    try {
      JsonNode n = Json.STRICT.readTree(json);
      if (n != null && n.isObject()) {
        return n;
      }
    } catch (IOException e) {
      // reported below
    }
    warnings.add(WarningKind.MALFORMED_LINE, source, position, column + " is not a JSON object");
    return MissingNode.getInstance();
  }

  /** The first non-null value, or null. */
  @SafeVarargs
  public static <T> T first(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
