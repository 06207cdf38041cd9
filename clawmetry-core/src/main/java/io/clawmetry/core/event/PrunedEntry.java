package io.clawmetry.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.clawmetry.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A strict single-pass check of one JSONL line's bytes that also builds the fields a message event is built from,
 * leaving content unread: the result is a small tree ({@code {"type":..,"id":..,"message":{"role":..,..}}}) holding
 * the nodes Jackson's tree reader would give for those fields (plain strings and int/long numbers directly; objects
 * such as {@code usage}, decimals and escaped strings are read by Jackson from their bytes).
 *
 * <p>It accepts only what Jackson's strict parser accepts and is deliberately narrower (it never accepts more): one
 * JSON object, optional surrounding whitespace, strings of well-formed UTF-8 without control characters and with
 * valid escapes, RFC 8259 numbers of at most 100 characters, nesting below 400, field names without escapes. Any line
 * it does not accept is left to the normal parser, which decides (and reports malformed lines), so the fast path can
 * only ever skip work, never change a result. Not thread-safe; reuse one per thread.
 */
final class PrunedEntry {

  private static final int MAX_DEPTH = 400;
  private static final int MAX_NUMBER = 100;

  /** The same kept fields as the streaming path, so both modes build the same events. */
  private static final Set<String> ENTRY = ContentSkipper.ENTRY;

  private static final Set<String> MESSAGE = ContentSkipper.MESSAGE;

  /** Byte classes inside strings: 0 plain ASCII, 1 quote, 2 backslash, 3 control, 4 non-ASCII. */
  private static final byte[] STRING_CLASS = new byte[256];

  static {
    for (int c = 0; c < 0x20; c++) {
      STRING_CLASS[c] = 3;
    }
    STRING_CLASS['"'] = 1;
    STRING_CLASS['\\'] = 2;
    for (int c = 0x80; c < 0x100; c++) {
      STRING_CLASS[c] = 4;
    }
  }

  /** Thrown internally when the line is not accepted; no stack trace. */
  private static final class Rejected extends RuntimeException {
    Rejected() {
      super(null, null, false, false);
    }
  }

  private static final Rejected REJECTED = new Rejected();

  private byte[] b;
  private int end;
  private int depth;
  private boolean escaped;

  /**
   * Checks {@code buf[off, off+len)} and returns the entry with only the kept fields (the nodes {@code
   * Json.STRICT.readTree} would give for them), or null when the line is not accepted (then parse it the normal way).
   */
  ObjectNode prune(byte[] buf, int off, int len) {
    b = buf;
    end = off + len;
    depth = 0;
    try {
      int i = ws(off);
      if (i >= end || b[i] != '{') {
        return null;
      }
      ObjectNode entry = Json.STRICT.createObjectNode();
      i = object(i, entry, true);
      if (ws(i) != end) {
        return null;
      }
      return entry;
    } catch (Rejected | ArrayIndexOutOfBoundsException e) {
      return null;
    } catch (java.io.IOException e) {
      return null; // a kept value Jackson would not read: leave the line to the normal parser
    } finally {
      b = null;
    }
  }

  /**
   * Reads the object starting at {@code i} ('{'). With {@code into} non-null its kept fields are put there ({@code
   * entryLevel}: the entry's fields, else the message's); with null it is only checked. Returns the index after '}'.
   */
  private int object(int i, ObjectNode into, boolean entryLevel) throws java.io.IOException {
    if (++depth > MAX_DEPTH) {
      throw REJECTED;
    }
    i = ws(i + 1);
    if (at(i) == '}') {
      depth--;
      return i + 1;
    }
    while (true) {
      if (at(i) != '"') {
        throw REJECTED;
      }
      int nameStart = i + 1;
      int nameEnd = name(nameStart);
      i = ws(nameEnd + 1);
      if (at(i) != ':') {
        throw REJECTED;
      }
      i = ws(i + 1);
      String n =
          into == null ? null : new String(b, nameStart, nameEnd - nameStart, StandardCharsets.ISO_8859_1);
      if (n != null && entryLevel && n.equals("message") && at(i) == '{') {
        ObjectNode message = Json.STRICT.createObjectNode();
        i = object(i, message, false);
        into.set(n, message);
      } else if (n != null && (entryLevel ? ENTRY : MESSAGE).contains(n)) {
        int valueStart = i;
        escaped = false;
        i = value(i);
        into.set(n, node(valueStart, i));
      } else {
        i = value(i);
      }
      i = ws(i);
      byte c = at(i);
      if (c == ',') {
        i = ws(i + 1);
      } else if (c == '}') {
        depth--;
        return i + 1;
      } else {
        throw REJECTED;
      }
    }
  }

  /** The node for the checked value {@code b[from, to)}, as Jackson's tree reader would build it. */
  private JsonNode node(int from, int to) throws java.io.IOException {
    byte c = b[from];
    if (c == '"' && !escaped) {
      return TextNode.valueOf(new String(b, from + 1, to - from - 2, StandardCharsets.UTF_8));
    }
    if (c == 't') {
      return BooleanNode.TRUE;
    }
    if (c == 'f') {
      return BooleanNode.FALSE;
    }
    if (c == 'n') {
      return NullNode.getInstance();
    }
    if ((c == '-' || (c >= '0' && c <= '9')) && to - from <= 18 && isInteger(from, to)) {
      long v = Long.parseLong(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
      return v == (int) v ? IntNode.valueOf((int) v) : LongNode.valueOf(v);
    }
    return Json.STRICT.readTree(b, from, to - from); // objects, arrays, escaped strings, decimals, big numbers
  }

  private boolean isInteger(int from, int to) {
    for (int k = from; k < to; k++) {
      byte d = b[k];
      if (d == '.' || d == 'e' || d == 'E') {
        return false;
      }
    }
    return true;
  }

  private int array(int i) throws java.io.IOException {
    if (++depth > MAX_DEPTH) {
      throw REJECTED;
    }
    i = ws(i + 1);
    if (at(i) == ']') {
      depth--;
      return i + 1;
    }
    while (true) {
      i = ws(value(i));
      byte c = at(i);
      if (c == ',') {
        i = ws(i + 1);
      } else if (c == ']') {
        depth--;
        return i + 1;
      } else {
        throw REJECTED;
      }
    }
  }

  /** Checks one value starting at {@code i}; returns the index after it. */
  private int value(int i) throws java.io.IOException {
    byte c = at(i);
    switch (c) {
      case '"':
        return string(i + 1);
      case '{':
        return object(i, null, false);
      case '[':
        return array(i);
      case 't':
        return literal(i, "true");
      case 'f':
        return literal(i, "false");
      case 'n':
        return literal(i, "null");
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number(i);
        }
        throw REJECTED;
    }
  }

  /** A field name: plain characters only (escapes are left to the normal parser). Returns the closing quote. */
  private int name(int i) {
    while (true) {
      int k = STRING_CLASS[at(i) & 0xff];
      if (k == 0) {
        i++;
      } else if (k == 1) {
        return i;
      } else if (k == 4) {
        i = utf8(i);
      } else {
        throw REJECTED;
      }
    }
  }

  /** The body of a string after its opening quote; returns the index after the closing quote. */
  private int string(int i) {
    byte[] bytes = b;
    int stop = end;
    while (true) {
      if (i >= stop) {
        throw REJECTED;
      }
      int k = STRING_CLASS[bytes[i] & 0xff];
      if (k == 0) {
        i++;
        continue;
      }
      switch (k) {
        case 1:
          return i + 1;
        case 2:
          escaped = true;
          i = escape(i + 1);
          break;
        case 4:
          i = utf8(i);
          break;
        default:
          throw REJECTED; // a raw control character
      }
    }
  }

  private int escape(int i) {
    switch (at(i)) {
      case '"':
      case '\\':
      case '/':
      case 'b':
      case 'f':
      case 'n':
      case 'r':
      case 't':
        return i + 1;
      case 'u':
        for (int k = 1; k <= 4; k++) {
          byte h = at(i + k);
          if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F'))) {
            throw REJECTED;
          }
        }
        return i + 5;
      default:
        throw REJECTED;
    }
  }

  /** One well-formed multi-byte UTF-8 sequence at {@code i} (same rules as Java's strict decoder). */
  private int utf8(int i) {
    int c = b[i] & 0xff;
    if (c < 0xc2 || c > 0xf4) {
      throw REJECTED;
    }
    if (c < 0xe0) {
      cont(i + 1);
      return i + 2;
    }
    int c1 = at(i + 1) & 0xff;
    if (c < 0xf0) {
      if ((c == 0xe0 && c1 < 0xa0) || (c == 0xed && c1 >= 0xa0)) {
        throw REJECTED;
      }
      cont(i + 1);
      cont(i + 2);
      return i + 3;
    }
    if ((c == 0xf0 && c1 < 0x90) || (c == 0xf4 && c1 >= 0x90)) {
      throw REJECTED;
    }
    cont(i + 1);
    cont(i + 2);
    cont(i + 3);
    return i + 4;
  }

  private void cont(int i) {
    if (i >= end || (b[i] & 0xc0) != 0x80) {
      throw REJECTED;
    }
  }

  /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}; returns the index after it. */
  private int number(int start) {
    int i = start;
    if (b[i] == '-') {
      i++;
    }
    if (at(i) == '0') {
      i++;
    } else {
      i = digits(i);
    }
    if (i < end && b[i] == '.') {
      i = digits(i + 1);
    }
    if (i < end && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      if (at(i) == '+' || b[i] == '-') {
        i++;
      }
      i = digits(i);
    }
    if (i - start > MAX_NUMBER) {
      throw REJECTED;
    }
    return i;
  }

  /** One or more digits; returns the index after them. */
  private int digits(int i) {
    if (at(i) < '0' || b[i] > '9') {
      throw REJECTED;
    }
    i++;
    while (i < end && b[i] >= '0' && b[i] <= '9') {
      i++;
    }
    return i;
  }

  private int literal(int i, String word) {
    for (int k = 0; k < word.length(); k++) {
      if (at(i + k) != word.charAt(k)) {
        throw REJECTED;
      }
    }
    int after = i + word.length();
    if (after < end && isIdentifierPart(b[after])) {
      throw REJECTED; // "nullx", "true1": Jackson rejects them too
    }
    return after;
  }

  private static boolean isIdentifierPart(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c < 0;
  }

  /** The byte at {@code i}, rejecting the line when {@code i} is past its end. */
  private byte at(int i) {
    if (i >= end) {
      throw REJECTED;
    }
    return b[i];
  }

  private int ws(int i) {
    while (i < end) {
      byte c = b[i];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return i;
      }
      i++;
    }
    return i;
  }
}
