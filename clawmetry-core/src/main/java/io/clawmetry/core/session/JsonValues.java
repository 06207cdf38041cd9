package io.clawmetry.core.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** Null-safe reads of optional fields from a JSON tree. */
final class JsonValues {

  private JsonValues() {}

  /** A textual (or numeric) field, null when missing, null or empty. */
  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String s = v.asText();
    return s.isEmpty() ? null : s;
  }

  /** A time field: epoch ms or ISO-8601 text; null otherwise. */
  static Instant instant(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return Instant.ofEpochMilli(v.asLong());
    }
    return v.isTextual() ? SessionEntryFields.parseInstant(v.asText()) : null;
  }

  /** A nested object, or a missing node. */
  static JsonNode object(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isObject() ? v : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }
}
