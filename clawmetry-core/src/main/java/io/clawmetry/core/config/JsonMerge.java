package io.clawmetry.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * OpenClaw's {@code deepMerge} ({@code src/config/includes.ts}): arrays concatenate, objects merge recursively, and
 * for anything else the source wins. Inputs are not modified.
 */
final class JsonMerge {

  private JsonMerge() {}

  /** Merges {@code source} over {@code target}. */
  static JsonNode deepMerge(JsonNode target, JsonNode source) {
    if (target != null && target.isArray() && source != null && source.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      target.forEach(n -> out.add(n.deepCopy()));
      source.forEach(n -> out.add(n.deepCopy()));
      return out;
    }
    if (target != null && target.isObject() && source != null && source.isObject()) {
      ObjectNode out = ((ObjectNode) target).deepCopy();
      for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (isBlockedKey(e.getKey())) {
          continue;
        }
        JsonNode existing = out.get(e.getKey());
        out.set(e.getKey(), existing == null ? e.getValue().deepCopy() : deepMerge(existing, e.getValue()));
      }
      return out;
    }
    return source == null ? null : source.deepCopy();
  }

  /** Keys OpenClaw refuses to merge (prototype pollution guard). */
  private static boolean isBlockedKey(String key) {
    return key.equals("__proto__") || key.equals("constructor") || key.equals("prototype");
  }
}
