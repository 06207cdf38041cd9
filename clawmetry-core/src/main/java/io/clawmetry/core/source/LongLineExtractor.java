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
 * needs; big values (message content, tool output, images) are skipped without being decoded. Of a message's content
 * only a start that is complete within the line's first {@link #HEAD} bytes is kept (what tells a heartbeat poll and a
 * cron prompt).
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
   * fields and of {@code message.content} only its start ({@link #keptContent}; else empty), or null when the line is
   * not a JSON object.
   *
   * @throws IOException only when the underlying stream fails (not for bad JSON)
   */
  static String extract(InputStream line) throws IOException {
    Head head = new Head(line);
    try (JsonParser p = Json.STRICT.createParser(head)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      ObjectNode out = Json.STRICT.createObjectNode();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("message".equals(name) && value == JsonToken.START_OBJECT) {
          out.set("message", readMessage(p, head));
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

  private static ObjectNode readMessage(JsonParser p, Head head) throws IOException {
    ObjectNode msg = Json.STRICT.createObjectNode();
    JsonNode content = Json.STRICT.createArrayNode();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (MESSAGE.contains(name)) {
        msg.set(name, Json.STRICT.readTree(p));
      } else {
        if ("content".equals(name)) { // a later duplicate wins, as in the tree
          JsonNode kept = keptContent(head, p.currentTokenLocation().getByteOffset());
          content = kept != null ? kept : Json.STRICT.createArrayNode();
        }
        p.skipChildren();
      }
    }
    msg.set("content", content);
    return msg;
  }

  /** How much of a long line is recorded, for its message content's start. */
  static final int HEAD = 64 * 1024;

  /**
   * What of a message content starting at byte {@code at} of the line is kept, when its start lies in the line's first
   * {@link #HEAD} bytes: a string, or an array's first element, complete there, as it is (an array with more after it
   * gets an {@code omitted} block in their place). That is what the heartbeat poll and a cron prompt are decided by
   * ({@code HeartbeatPolls}, {@code CronPrompts}), as for a line of any length; null otherwise (no content kept).
   */
  private static JsonNode keptContent(Head head, long at) {
    if (at < 0 || at >= head.count) {
      return null;
    }
    try (JsonParser q = Json.STRICT.createParser(head.bytes, (int) at, head.count - (int) at)) {
      JsonToken t = q.nextToken();
      if (t == JsonToken.VALUE_STRING) {
        return Json.STRICT.getNodeFactory().textNode(q.getText());
      }
      if (t != JsonToken.START_ARRAY) {
        return null;
      }
      com.fasterxml.jackson.databind.node.ArrayNode out = Json.STRICT.createArrayNode();
      if (q.nextToken() == JsonToken.END_ARRAY) {
        return out;
      }
      JsonNode first = Json.STRICT.readTree(q);
      out.add(first);
      JsonToken after;
      try {
        after = q.nextToken();
      } catch (JsonProcessingException cut) {
        after = null; // the head ends inside what follows: more content
      }
      if (after != JsonToken.END_ARRAY) {
        out.addObject().put("type", "omitted");
      }
      return out;
    } catch (IOException | RuntimeException e) {
      return null; // not complete within the head
    }
  }

  /** The stream of a line, recording its first {@link #HEAD} bytes as they are read. */
  private static final class Head extends java.io.FilterInputStream {
    final byte[] bytes = new byte[HEAD];
    int count;

    Head(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0 && count < HEAD) {
        bytes[count++] = (byte) c;
      }
      return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0 && count < HEAD) {
        int k = Math.min(n, HEAD - count);
        System.arraycopy(b, off, bytes, count, k);
        count += k;
      }
      return n;
    }
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
