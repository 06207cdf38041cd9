package io.clawmetry.core.source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reduces a cold archive record too long to be materialised (more than {@link LineReader#MAX_MATERIALISED_LINE}
 * bytes) to a small cold record, the way {@link LongLineExtractor} reduces a too-long transcript line; {@link
 * TranscriptArchives} then reads it like any other record.
 *
 * <p><b>Design: one streaming pass, nothing read twice.</b> The record's bytes are scanned as JSON structure through
 * a small buffer. The top-level {@code kind} and {@code sessionId} are kept when they are short strings. The value of
 * {@code row.event_json} is decoded as it is read ({@link JsonStringDecoder}) and that stream goes straight into
 * {@link LongLineExtractor#extract}, which keeps the event's usage-relevant fields, exactly as for a too-long line of
 * a transcript file. The fields may come in any order: {@code event_json} is reduced where it is met, whether or not
 * {@code kind} was seen yet, and the reduced event is a few hundred bytes, so the record needs no second read (no
 * re-decompression, no spill). Every other value is skipped unread: strings are checked for their escapes, containers
 * only for bracket balance. Memory: the buffer, Jackson's, and the reduced event, whatever the record's length (on top
 * of the first {@link LineReader#MAX_MATERIALISED_LINE} bytes {@link LineReader} holds for any too-long line).
 *
 * <p>The result is {@code {"kind":K,"sessionId":S,"row":{"event_json":E}}} with the parts found (the last of a
 * repeated field, as a tree parse has it); {@code E} is the reduced event, or empty when the event is not a JSON object
 * (as a too-long transcript line that is not one reads). A record that is not well-formed where it is read, an
 * {@code event_json} with an invalid escape or without its closing quote included, gives null and {@link #problem()}
 * says why; the reading of the archive goes on with the next line. One instance serves one reader (not thread-safe).
 */
final class ColdRecordReducer implements LineReader.LongLineReducer {

  /** Longer field names are none of those looked for. */
  private static final int NAME_CAP = 64;

  /** Longer {@code kind} values are none OpenClaw writes. */
  private static final int KIND_CAP = 64;

  /** Longer {@code sessionId} values are not kept. */
  private static final int SESSION_ID_CAP = 4096;

  /** Deeper nesting in a skipped value is taken as malformed (Jackson's limit here is 500 too). */
  private static final int MAX_DEPTH = 500;

  private String problem;

  @Override
  public String reduce(InputStream line) throws IOException {
    problem = null;
    Bytes in = new Bytes(line);
    try {
      return record(in);
    } catch (JsonStringDecoder.Malformed e) {
      problem = e.getMessage() + " at byte " + in.position();
      return null;
    }
  }

  /**
   * Why the last {@link #reduce} gave null, as {@code "<what> at byte <n>"} with {@code n} the number of the record's
   * bytes read when it was found; null when it did not.
   */
  String problem() {
    return problem;
  }

  private static String record(Bytes in) throws IOException {
    if (in.nextNonSpace() != '{') {
      throw new JsonStringDecoder.Malformed("not a JSON object");
    }
    String kind = null;
    String sessionId = null;
    String event = null;
    int c = in.nextNonSpace();
    while (c != '}') {
      String name = fieldName(in, c);
      c = in.nextNonSpace();
      if ("kind".equals(name)) {
        kind = c == '"' ? smallString(in, KIND_CAP) : skip(in, c);
      } else if ("sessionId".equals(name)) {
        sessionId = c == '"' ? smallString(in, SESSION_ID_CAP) : skip(in, c);
      } else if ("row".equals(name)) {
        event = c == '{' ? row(in) : skip(in, c);
      } else {
        skip(in, c);
      }
      c = afterValue(in);
    }
    ObjectNode out = Json.STRICT.createObjectNode();
    if (kind != null) {
      out.put("kind", kind);
    }
    if (sessionId != null) {
      out.put("sessionId", sessionId);
    }
    if (event != null) {
      out.putObject("row").put("event_json", event);
    }
    return Json.STRICT.writeValueAsString(out);
  }

  /** The row object after its {@code '{'}: its {@code event_json} reduced, or null when it has none. */
  private static String row(Bytes in) throws IOException {
    String event = null;
    int c = in.nextNonSpace();
    while (c != '}') {
      String name = fieldName(in, c);
      c = in.nextNonSpace();
      if ("event_json".equals(name) && c == '"') {
        JsonStringDecoder json = new JsonStringDecoder(in);
        String reduced = LongLineExtractor.extract(json);
        json.drain(); // the extractor stops after the event's object: the rest must still be a valid string
        event = reduced == null ? "" : reduced;
      } else {
        event = "event_json".equals(name) ? null : event;
        skip(in, c);
      }
      c = afterValue(in);
    }
    return event;
  }

  /** A field name starting at {@code c}, through its {@code ':'}; null when it is longer than any looked for. */
  private static String fieldName(Bytes in, int c) throws IOException {
    if (c != '"') {
      throw new JsonStringDecoder.Malformed(c < 0 ? "record cut short" : "expected a field name");
    }
    String name = smallString(in, NAME_CAP);
    if (in.nextNonSpace() != ':') {
      throw new JsonStringDecoder.Malformed("expected ':'");
    }
    return name;
  }

  /** After a field's value: the next field's first byte (after a {@code ','}), or {@code '}'}. */
  private static int afterValue(Bytes in) throws IOException {
    int c = in.nextNonSpace();
    if (c == ',') {
      return in.nextNonSpace();
    }
    if (c != '}') {
      throw new JsonStringDecoder.Malformed(c < 0 ? "record cut short" : "expected ',' or '}'");
    }
    return c;
  }

  /** A string after its opening quote, decoded; null (the rest skipped) when it has more than {@code cap} bytes. */
  private static String smallString(Bytes in, int cap) throws IOException {
    JsonStringDecoder s = new JsonStringDecoder(in);
    byte[] b = new byte[cap];
    int n = 0;
    for (int x; (x = s.read()) >= 0; ) {
      if (n == cap) {
        s.drain();
        return null;
      }
      b[n++] = (byte) x;
    }
    return new String(b, 0, n, StandardCharsets.UTF_8);
  }

  /** Skips the value starting at {@code c}; returns null (the value of a field that is not what it should be). */
  private static String skip(Bytes in, int c) throws IOException {
    if (c == '"') {
      new JsonStringDecoder(in).drain();
    } else if (c == '{' || c == '[') {
      skipContainer(in, c);
    } else if (isScalarByte(c)) {
      while (isScalarByte(in.peek())) { // numbers, true, false, null
        in.read();
      }
    } else {
      throw new JsonStringDecoder.Malformed(c < 0 ? "record cut short" : "expected a value");
    }
    return null;
  }

  /** Skips an object or array after its opening bracket: strings by their escapes, brackets by their balance. */
  private static void skipContainer(Bytes in, int open) throws IOException {
    byte[] closers = new byte[MAX_DEPTH];
    int depth = 0;
    closers[depth++] = (byte) (open == '{' ? '}' : ']');
    while (depth > 0) {
      int c = in.read();
      if (c == '"') {
        new JsonStringDecoder(in).drain();
      } else if (c == '{' || c == '[') {
        if (depth == MAX_DEPTH) {
          throw new JsonStringDecoder.Malformed("nested too deeply");
        }
        closers[depth++] = (byte) (c == '{' ? '}' : ']');
      } else if (c == '}' || c == ']') {
        if (closers[--depth] != c) {
          throw new JsonStringDecoder.Malformed("unbalanced '" + (char) c + "'");
        }
      } else if (c < 0) {
        throw new JsonStringDecoder.Malformed("record cut short");
      }
    }
  }

  private static boolean isScalarByte(int c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '+' || c == '.';
  }

  /** A buffered view of the record with a cheap, unsynchronised {@link #read()} and the count of bytes read. */
  private static final class Bytes extends InputStream {
    private final InputStream in;
    private final byte[] buf = new byte[8192];
    private int pos;
    private int len;
    private long before;

    Bytes(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      return pos < len || fill() ? buf[pos++] & 0xff : -1;
    }

    /** The next byte without consuming it, or -1. */
    int peek() throws IOException {
      return pos < len || fill() ? buf[pos] & 0xff : -1;
    }

    /** The next byte that is not JSON whitespace, or -1. */
    int nextNonSpace() throws IOException {
      int c;
      do {
        c = read();
      } while (c == ' ' || c == '\t' || c == '\r' || c == '\n');
      return c;
    }

    /** How many bytes were consumed. */
    long position() {
      return before + pos;
    }

    private boolean fill() throws IOException {
      before += len;
      pos = 0;
      len = 0;
      int n;
      do {
        n = in.read(buf, 0, buf.length);
      } while (n == 0);
      if (n < 0) {
        return false;
      }
      len = n;
      return true;
    }
  }
}
