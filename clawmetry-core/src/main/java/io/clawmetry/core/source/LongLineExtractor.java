package io.clawmetry.core.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Streams one over-long transcript line through Jackson's streaming parser and keeps only the fields usage accounting
 * needs; big values (message content, tool output, images) are skipped without being decoded.
 */
final class LongLineExtractor {

  /** Top-level fields kept. */
  private static final Set<String> TOP =
      Set.of(
          "type", "version", "id", "parentId", "uuid", "parentUuid", "timestamp", "role", "provider", "model", "api",
          "usage", "stopReason", "customType", "cwd", "parentSession");

  /** Fields of {@code message} kept. */
  private static final Set<String> MESSAGE =
      Set.of(
          "role", "provider", "model", "api", "usage", "stopReason", "timestamp", "toolCallId", "toolName",
          "isError", "customType", "responseModel", "__openclaw");

  private LongLineExtractor() {}

  /**
   * Reads the line from {@code line} (which ends where the line ends) and returns a small JSON object with the kept
   * fields and {@code message.content} empty, or null when the line is not a JSON object.
   *
   * @throws IOException only when the underlying stream fails (not for bad JSON)
   */
  static String extract(InputStream line) throws IOException {
    try (JsonParser p = Json.STRICT.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      ObjectNode out = Json.STRICT.createObjectNode();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("message".equals(name) && value == JsonToken.START_OBJECT) {
          out.set("message", readMessage(p));
        } else if (TOP.contains(name) && !out.has(name)) {
          out.set(name, Json.STRICT.readTree(p));
        } else {
          p.skipChildren();
        }
      }
      return Json.STRICT.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static ObjectNode readMessage(JsonParser p) throws IOException {
    ObjectNode msg = Json.STRICT.createObjectNode();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (MESSAGE.contains(name)) {
        msg.set(name, Json.STRICT.readTree(p));
      } else {
        p.skipChildren();
      }
    }
    msg.set("content", Json.STRICT.createArrayNode());
    return msg;
  }

  /** Whether {@code bytes} hold one complete JSON object (used for a closed archive's last line without newline). */
  static boolean isCompleteJson(byte[] bytes, int off, int len) {
    try (JsonParser p = Json.STRICT.createParser(bytes, off, len)) {
      JsonNode n = Json.STRICT.readTree(p);
      return n != null && n.isObject() && p.nextToken() == null; // one object and nothing after it
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
