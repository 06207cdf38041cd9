package io.clawmetry.core.source;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Streams one over-long transcript line through Jackson's streaming parser and keeps only the fields usage accounting
 * needs; big values (message content, tool output, images) are skipped without being decoded. Of a message's content
 * only its start is kept, when complete within {@link #HEAD} bytes from where the content begins, wherever that is in
 * the line (what tells a heartbeat poll and a cron prompt).
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

  /**
   * Writes the kept fields with each number spelled as it was read ({@code 1E+1500}, not 1,501 digits a parser refuses,
   * nor {@code 1e10000}, which cannot be written in plain digits at all), so the parser judges it as in a short line.
   */
  private static final ObjectWriter REDUCED =
      Json.STRICT.writer().without(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private LongLineExtractor() {}

  /**
   * Reads the line from {@code line} (which ends where the line ends) and returns a small JSON object with the kept
   * fields and of {@code message.content} only its start ({@link #keptContent}; else empty), or null when the line is
   * not a JSON object.
   *
   * @throws IOException only when the underlying stream fails (not for bad JSON)
   */
  static String extract(InputStream line) throws IOException {
    Recorder head = new Recorder(line);
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
      return REDUCED.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static ObjectNode readMessage(JsonParser p, Recorder head) throws IOException {
    ObjectNode msg = Json.STRICT.createObjectNode();
    boolean hasContent = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (MESSAGE.contains(name)) {
        msg.set(name, Json.STRICT.readTree(p));
      } else {
        if ("content".equals(name)) { // a later duplicate wins, as in the tree: recording starts again there
          hasContent = head.record(p.currentTokenLocation().getByteOffset());
        }
        p.skipChildren();
      }
    }
    // the parser is past the message now, so the recording holds the content whole or its first HEAD bytes
    JsonNode kept = hasContent ? keptContent(head.recorded, head.count) : null;
    msg.set("content", kept != null ? kept : Json.STRICT.createArrayNode());
    return msg;
  }

  /** How much of a long line is recorded from where its message content begins. */
  static final int HEAD = 64 * 1024;

  /**
   * What of a message content recorded from its first byte ({@code bytes[0..count)}) is kept: a string, or an array's
   * first element, complete there, as it is (an array with more after it gets an {@code omitted} block in their
   * place). That is what the heartbeat poll and a cron prompt are decided by ({@code HeartbeatPolls}, {@code
   * CronPrompts}), as for a line of any length; null otherwise (no content kept).
   */
  private static JsonNode keptContent(byte[] bytes, int count) {
    try (JsonParser q = Json.STRICT.createParser(bytes, 0, count)) {
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
        after = null; // the recording ends inside what follows: more content
      }
      if (after != JsonToken.END_ARRAY) {
        out.addObject().put("type", "omitted");
      }
      return out;
    } catch (IOException | RuntimeException e) {
      return null; // not complete within the recording
    }
  }

  /**
   * The stream of a line, keeping its last {@link #RECENT} bytes so that a recording can start at a byte the parser
   * has already read (the parser reads ahead in blocks smaller than that), and recording up to {@link #HEAD} bytes
   * from there on.
   */
  private static final class Recorder extends java.io.FilterInputStream {
    /** More than the parser's read-ahead block (8,000 bytes). */
    static final int RECENT = 32 * 1024;

    private final byte[] recent = new byte[RECENT]; // ring: byte at offset o is recent[o % RECENT]
    private long total; // bytes read so far
    final byte[] recorded = new byte[HEAD];
    int count; // bytes recorded
    private boolean recording;

    Recorder(InputStream in) {
      super(in);
    }

    /** Starts recording at line offset {@code at}; false when that byte is no longer (or not yet) at hand. */
    boolean record(long at) {
      recording = at >= 0 && at <= total && total - at <= RECENT;
      count = 0;
      if (recording) {
        for (long o = at; o < total && count < HEAD; o++) {
          recorded[count++] = recent[(int) (o % RECENT)];
        }
      }
      return recording;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n == 1 ? one[0] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        keep(b, off, n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException { // through read, so that offsets stay those of the line
      byte[] b = new byte[(int) Math.min(Math.max(n, 0), 8192)];
      long left = n;
      int r;
      while (left > 0 && (r = read(b, 0, (int) Math.min(left, b.length))) > 0) {
        left -= r;
      }
      return n - left;
    }

    private void keep(byte[] b, int off, int n) {
      if (recording && count < HEAD) {
        int k = Math.min(n, HEAD - count);
        System.arraycopy(b, off, recorded, count, k);
        count += k;
      }
      int from = Math.max(0, n - RECENT); // of a block longer than the ring, its end
      for (int i = from; i < n; ) {
        int at = (int) ((total + i) % RECENT);
        int k = Math.min(n - i, RECENT - at);
        System.arraycopy(b, off + i, recent, at, k);
        i += k;
      }
      total += n;
    }
  }

  /**
   * Whether {@code bytes} hold one complete JSON object (used for a last line without newline). Bytes that are not
   * well-formed UTF-8 are judged as the line will be read, with U+FFFD in their place: a complete line with a stray
   * byte in a string counts as it does with its newline (a line cut inside a character ends in a string, never
   * complete).
   */
  static boolean isCompleteJson(byte[] bytes, int off, int len) {
    try (JsonParser p = Utf8.isValid(bytes, off, len)
        ? Json.STRICT.createParser(bytes, off, len)
        : Json.STRICT.createParser(new String(bytes, off, len, java.nio.charset.StandardCharsets.UTF_8))) {
      JsonNode n = Json.STRICT.readTree(p);
      return n != null && n.isObject() && p.nextToken() == null; // one object and nothing after it
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
