package io.clawmetry.core.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.core.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Null-tolerant field reads from gateway payloads: absent or mistyped fields become null, never an exception. */
final class JsonReads {

  private JsonReads() {}

  static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }

  static Long lng(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v != null && v.isNumber() ? v.asLong() : null;
  }

  static long lng0(JsonNode n, String field) {
    Long v = lng(n, field);
    return v == null ? 0 : v;
  }

  static Integer integer(JsonNode n, String field) {
    Long v = lng(n, field);
    return v == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
  }

  static boolean bool(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v != null && v.asBoolean(false);
  }

  static Boolean boolOrNull(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v != null && v.isBoolean() ? v.asBoolean() : null;
  }

  static BigDecimal decimal(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v != null && v.isNumber() ? v.decimalValue() : null;
  }

  static BigDecimal decimal0(JsonNode n, String field) {
    BigDecimal d = decimal(n, field);
    return d == null ? BigDecimal.ZERO : d;
  }

  static Instant millis(JsonNode n, String field) {
    Long v = lng(n, field);
    return v == null ? null : Instant.ofEpochMilli(v);
  }

  static LocalDate date(JsonNode n, String field) {
    String s = text(n, field);
    try {
      return s == null ? null : LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static List<String> strings(JsonNode arr) {
    List<String> out = new ArrayList<>();
    if (arr != null && arr.isArray()) {
      arr.forEach(x -> out.add(x.isTextual() ? x.asText() : raw(x)));
    }
    return out;
  }

  static Map<String, Long> counts(JsonNode obj) {
    Map<String, Long> out = new LinkedHashMap<>();
    if (obj != null && obj.isObject()) {
      obj.fields().forEachRemaining(e -> {
        if (e.getValue().isNumber()) {
          out.put(e.getKey(), e.getValue().asLong());
        }
      });
    }
    return out;
  }

  static String raw(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return null;
    }
    try {
      return Json.STRICT.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      return n.toString();
    }
  }
}
