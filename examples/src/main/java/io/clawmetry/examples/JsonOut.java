package io.clawmetry.examples;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/** JSON output exactly as OpenClaw (JavaScript) writes it: compact lines, or {@code JSON.stringify(x, null, 2)}. */
final class JsonOut {
  /** Node factory keeping decimals exactly as given. */
  static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).nodeFactory(NODES).build();

  private JsonOut() {}

  /** A new empty object. */
  static ObjectNode object() {
    return NODES.objectNode();
  }

  /** A new empty array. */
  static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** The node as one compact line (no trailing newline). */
  static String line(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses compact JSON written by this class (used only for the generator's own strings). */
  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code JSON.stringify(node, null, 2)} plus a final newline. */
  static String pretty(JsonNode node) {
    StringBuilder out = new StringBuilder();
    pretty(node, "", out);
    return out.append('\n').toString();
  }

  /** A decimal as a JSON number: zero as the integer {@code 0}, everything else in plain notation. */
  static JsonNode number(BigDecimal value) {
    return value.signum() == 0 ? NODES.numberNode(0) : NODES.numberNode(value);
  }

  private static void pretty(JsonNode node, String indent, StringBuilder out) {
    String inner = indent + "  ";
    if (node.isObject() && node.size() > 0) {
      out.append("{\n");
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        out.append(inner).append(line(NODES.textNode(field.getKey()))).append(": ");
        pretty(field.getValue(), inner, out);
        out.append(fields.hasNext() ? ",\n" : "\n");
      }
      out.append(indent).append('}');
    } else if (node.isArray() && node.size() > 0) {
      out.append("[\n");
      for (int i = 0; i < node.size(); i++) {
        out.append(inner);
        pretty(node.get(i), inner, out);
        out.append(i + 1 < node.size() ? ",\n" : "\n");
      }
      out.append(indent).append(']');
    } else {
      out.append(line(node));
    }
  }
}
