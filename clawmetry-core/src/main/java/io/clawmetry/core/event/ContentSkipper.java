package io.clawmetry.core.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.clawmetry.core.json.Json;
import java.io.IOException;
import java.util.Set;

/**
 * Streams one entry and keeps only the fields {@link EventParser} builds a message event from; content and every other
 * field are skipped by the tokenizer without being materialised. The result is a small tree the normal mapping reads.
 */
final class ContentSkipper {

  /** Entry fields kept (everything a message event reads from the entry). */
  static final Set<String> ENTRY =
      Set.of(
          "type", "id", "parentId", "uuid", "parentUuid", "timestamp", "provider", "model", "api", "usage",
          "stopReason", "role", "message");

  /**
   * Fields of {@code message} kept: all but {@code content} and fields no event has. Of {@code content} only whether it
   * is a heartbeat poll ({@link HeartbeatPolls#PRUNED}) or a cron prompt's tag ({@link CronPrompts}) is kept; of
   * {@code __openclaw}, small, the run id is read.
   */
  static final Set<String> MESSAGE =
      Set.of(
          "role", "provider", "model", "api", "usage", "stopReason", "errorMessage", "toolCallId", "toolName",
          "isError", "customType", "timestamp", "__openclaw");

  private ContentSkipper() {}

  /** The entry with only the kept fields, or null when it is not a JSON object. Throws on malformed JSON. */
  static ObjectNode prune(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    ObjectNode entry = Json.STRICT.createObjectNode();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if ("message".equals(name) && value == JsonToken.START_OBJECT) {
        entry.set(name, message(p));
      } else if (ENTRY.contains(name)) {
        entry.set(name, value(p, value));
      } else {
        p.skipChildren();
      }
    }
    return entry;
  }

  private static ObjectNode message(JsonParser p) throws IOException {
    ObjectNode msg = Json.STRICT.createObjectNode();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (MESSAGE.contains(name)) {
        msg.set(name, value(p, value));
      } else if ("content".equals(name)) { // a later duplicate wins, as in the tree
        JsonNode kept = HeartbeatPolls.readKept(p, value);
        if (kept != null) {
          msg.set(name, kept);
        } else {
          msg.remove(name);
        }
      } else {
        p.skipChildren();
      }
    }
    return msg;
  }

  /**
   * The current value as the node {@code Json.STRICT.readTree} would build: strings, booleans, null and int/long
   * numbers directly (the common case, without a deserialisation context per field), anything else through the mapper.
   */
  private static JsonNode value(JsonParser p, JsonToken token) throws IOException {
    switch (token) {
      case VALUE_STRING:
        return TextNode.valueOf(p.getText());
      case VALUE_TRUE:
        return BooleanNode.TRUE;
      case VALUE_FALSE:
        return BooleanNode.FALSE;
      case VALUE_NULL:
        return NullNode.getInstance();
      case VALUE_NUMBER_INT:
        JsonParser.NumberType type = p.getNumberType();
        if (type == JsonParser.NumberType.INT) {
          return IntNode.valueOf(p.getIntValue());
        }
        if (type == JsonParser.NumberType.LONG) {
          return LongNode.valueOf(p.getLongValue());
        }
        return Json.STRICT.readTree(p);
      default:
        return Json.STRICT.readTree(p);
    }
  }

  /** Whether a pruned entry is a {@code type:"message"} entry with an id and a message object (the fast path). */
  static boolean isIdentifiedMessage(ObjectNode entry) {
    return entry != null
        && "message".equals(JsonFields.text(entry, "type"))
        && JsonFields.text(entry, "id") != null
        && JsonFields.object(entry, "message") != null;
  }
}
