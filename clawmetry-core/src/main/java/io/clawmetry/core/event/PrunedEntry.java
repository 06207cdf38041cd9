package io.clawmetry.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.clawmetry.core.json.Json;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A strict single-pass check of one JSONL line's bytes that also builds the fields a message event is built from,
 * leaving content unread: the result is a small tree ({@code {"type":..,"id":..,"message":{"role":..,..}}}) holding
 * the nodes Jackson's tree reader would give for those fields (plain strings and int/long numbers directly; objects
 * such as {@code usage}, decimals and escaped strings are read by Jackson from their bytes). Of a message's
 * {@code content} it keeps only whether it is a heartbeat poll ({@link HeartbeatPolls#PRUNED}) and a cron prompt's tag
 * ({@link CronPrompts}), decided on the way.
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

  /** The kept names by length, as bytes: a field name is matched without making a String of it. */
  private static final String[][] ENTRY_NAMES = byLength(ENTRY);

  private static final String[][] MESSAGE_NAMES = byLength(MESSAGE);

  private static final byte[][][] ENTRY_BYTES = bytes(ENTRY_NAMES);

  private static final byte[][][] MESSAGE_BYTES = bytes(MESSAGE_NAMES);

  private static String[][] byLength(Set<String> all) {
    int longest = all.stream().mapToInt(String::length).max().orElse(0);
    String[][] out = new String[longest + 1][];
    for (int len = 0; len <= longest; len++) {
      int l = len;
      out[len] = all.stream().filter(n -> n.length() == l).sorted().toArray(String[]::new);
    }
    return out;
  }

  private static byte[][][] bytes(String[][] names) {
    byte[][][] out = new byte[names.length][][];
    for (int len = 0; len < names.length; len++) {
      out[len] = new byte[names[len].length][];
      for (int k = 0; k < names[len].length; k++) {
        out[len][k] = names[len][k].getBytes(StandardCharsets.US_ASCII);
      }
    }
    return out;
  }

  /** The kept name spelled by {@code b[from, to)} (ASCII names only), or null. */
  private String kept(boolean entryLevel, int from, int to) {
    byte[][][] all = entryLevel ? ENTRY_BYTES : MESSAGE_BYTES;
    int len = to - from;
    if (len >= all.length) {
      return null;
    }
    byte[][] candidates = all[len];
    byte[] bytes = b;
    next:
    for (int c = 0; c < candidates.length; c++) {
      byte[] n = candidates[c];
      for (int k = 0; k < len; k++) {
        if (bytes[from + k] != n[k]) {
          continue next;
        }
      }
      return (entryLevel ? ENTRY_NAMES : MESSAGE_NAMES)[len][c];
    }
    return null;
  }

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

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /**
   * The index (0–7) of the lowest byte whose high bit is set in {@code flagged} (not zero, high bits only): isolates the
   * lowest bit and reads the index off a multiplication, since the client compiler has no intrinsic for {@link
   * Long#numberOfTrailingZeros}.
   */
  private static int firstFlaggedByte(long flagged) {
    long lowest = (flagged & -flagged) >>> 7; // 1 << (8 * index)
    return (int) ((lowest * 0x0001020304050607L) >>> 56);
  }

  /** The line this pruner read ahead by {@link #lineEnd}, handed out by the next {@link #prune} of the same bytes. */
  private byte[] aheadBuf;

  private int aheadOff;
  private int aheadLen = -1;
  private ObjectNode aheadEntry;

  private byte[] b;
  private int end;
  private int depth;
  private boolean escaped;

  /**
   * Checks {@code buf[off, off+len)} and returns the entry with only the kept fields (the nodes {@code
   * Json.STRICT.readTree} would give for them), or null when the line is not accepted (then parse it the normal way).
   */
  ObjectNode prune(byte[] buf, int off, int len) {
    if (aheadLen >= 0) {
      boolean same = buf == aheadBuf && off == aheadOff && len == aheadLen;
      ObjectNode ahead = aheadEntry;
      forgetAhead();
      if (same) {
        return ahead;
      }
    }
    ObjectNode entry = newObject();
    return walk(buf, off, off + len, entry) == off + len ? entry : null;
  }

  /**
   * Checks the entry starting at {@code off} (after optional whitespace), looking no further than {@code limit}, and
   * puts its kept fields into {@code entry}; returns the index after the whitespace that follows it, or -1 when it is
   * not accepted (including a kept value Jackson would not read: the line is then left to the normal parser).
   */
  private int walk(byte[] buf, int off, int limit, ObjectNode entry) {
    b = buf;
    end = limit;
    depth = 0;
    try {
      int i = ws(off);
      if (i >= end || b[i] != '{') {
        return -1;
      }
      return ws(object(i, entry, true));
    } catch (Rejected | ArrayIndexOutOfBoundsException | java.io.IOException e) {
      return -1;
    } finally {
      b = null;
    }
  }

  /**
   * Reads ahead the line starting at {@code off} (its end not known yet): when the bytes from {@code off} hold one
   * accepted entry followed by optional spaces or tabs and a {@code '\n'} before {@code limit}, returns the index of
   * that newline and keeps the entry for the {@link #prune} of exactly the line's bytes that follows on this thread.
   * Otherwise returns -1 (the caller finds the newline itself). Since an accepted entry never contains a newline byte
   * (raw control characters are rejected inside strings, and whitespace here never spans lines), the first newline
   * after it is the end of the line: the caller saves a separate pass over every byte.
   */
  int lineEnd(byte[] buf, int off, int limit) {
    forgetAhead();
    ObjectNode entry = newObject();
    int i = walk(buf, off, limit, entry);
    if (i < 0 || i >= limit || buf[i] != '\n') {
      return -1;
    }
    aheadBuf = buf;
    aheadOff = off;
    aheadLen = i - off;
    aheadEntry = entry;
    return i;
  }

  /**
   * The complete tree of a line {@link #prune} accepted (every field, content included), as {@code Json.STRICT.readTree}
   * builds it; null if it cannot be built here (the caller then parses the text).
   */
  ObjectNode tree(byte[] buf, int off, int len) {
    b = buf;
    end = off + len;
    depth = 0;
    try {
      return objectNode(ws(off));
    } catch (RuntimeException | java.io.IOException e) {
      return null;
    } finally {
      b = null;
    }
  }

  /** An empty object node backed by a {@link SmallFieldMap} (equal to, and read like, Jackson's own). */
  private static ObjectNode newObject() {
    return new ObjectNode(Json.STRICT.getNodeFactory(), new SmallFieldMap());
  }

  private void forgetAhead() {
    aheadBuf = null;
    aheadEntry = null;
    aheadLen = -1;
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
      String n = into == null ? null : kept(entryLevel, nameStart, nameEnd);
      if (n != null && entryLevel && n.equals("message") && at(i) == '{') {
        ObjectNode message = newObject();
        i = object(i, message, false);
        into.set(n, message);
      } else if (n != null) {
        int valueStart = i;
        escaped = false;
        i = value(i);
        into.set(n, fewValues(n) ? sharedText(valueStart, i) : node(valueStart, i));
      } else if (into != null && !entryLevel && spells(nameStart, nameEnd, CONTENT)) {
        i = content(i); // a later duplicate wins, as in the tree
        if (poll) {
          into.set("content", HeartbeatPolls.PRUNED);
        } else if (cronJob != null) {
          into.set("content", CronPrompts.tag(cronJob));
        } else {
          into.remove("content");
        }
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

  private static final byte[] CONTENT = ascii("content");
  private static final byte[] TYPE = ascii("type");
  private static final byte[] TEXT = ascii("text");
  private static final byte[] POLL = ascii(HeartbeatPolls.POLL);

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** Whether the checked bytes {@code b[from, to)} are {@code word}. */
  private boolean spells(int from, int to, byte[] word) {
    // the length first: this runs for every unkept field name of a message, and C1 does not intrinsify the compare
    return to - from == word.length && java.util.Arrays.equals(b, from, to, word, 0, word.length);
  }

  /** Whether the last message content checked by {@link #content} is a heartbeat poll ({@link HeartbeatPolls}). */
  private boolean poll;

  /** The job the last message content checked by {@link #content} names as a cron prompt ({@link CronPrompts}). */
  private String cronJob;

  private static final byte[] CRON = ascii(CronPrompts.PREFIX);

  /**
   * Checks a message's content value at {@code i} like {@link #value}, deciding on the way, without materialising
   * anything, whether it is a heartbeat poll ({@link #poll}): a string, or an array of exactly one object whose
   * {@code type} is {@code "text"} and whose {@code text} is the poll. Returns the index after the value.
   */
  private int content(int i) throws java.io.IOException {
    poll = false;
    cronJob = null;
    byte c = at(i);
    if (c == '"') {
      escaped = false;
      int end = string(i + 1);
      poll = isString(i, end, POLL);
      cronJob = cronJobId(i, end);
      return end;
    }
    if (c != '[') {
      return value(i);
    }
    if (++depth > MAX_DEPTH) {
      throw REJECTED;
    }
    i = ws(i + 1);
    if (at(i) == ']') {
      depth--;
      return i + 1;
    }
    int blocks = 0;
    boolean pollBlock = false;
    while (true) {
      if (blocks == 0 && at(i) == '{') {
        i = block(i);
        pollBlock = poll;
      } else if (blocks == 0 && at(i) == '"') { // a string block is a text block
        int start = i;
        escaped = false;
        i = string(i + 1);
        cronJob = cronJobId(start, i);
      } else {
        i = value(i);
      }
      blocks++;
      i = ws(i);
      byte d = at(i);
      if (d == ',') {
        i = ws(i + 1);
      } else if (d == ']') {
        depth--;
        poll = blocks == 1 && pollBlock;
        return i + 1;
      } else {
        throw REJECTED;
      }
    }
  }

  /**
   * Checks the object at {@code i} like {@link #object} and sets {@link #poll} to whether it is a text block holding
   * the poll and {@link #cronJob} to the job its text names as a cron prompt (a later duplicate field wins). Returns
   * the index after '}'.
   */
  private int block(int i) throws java.io.IOException {
    if (++depth > MAX_DEPTH) {
      throw REJECTED;
    }
    boolean textType = false;
    boolean pollText = false;
    String job = null;
    i = ws(i + 1);
    if (at(i) == '}') {
      depth--;
      poll = false;
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
      int valueStart = i;
      escaped = false;
      i = value(i);
      if (spells(nameStart, nameEnd, TYPE)) {
        textType = isString(valueStart, i, TEXT);
      } else if (spells(nameStart, nameEnd, TEXT)) {
        pollText = isString(valueStart, i, POLL);
        job = b[valueStart] == '"' ? cronJobId(valueStart, i) : null;
      }
      i = ws(i);
      byte c = at(i);
      if (c == ',') {
        i = ws(i + 1);
      } else if (c == '}') {
        depth--;
        poll = textType && pollText;
        cronJob = textType ? job : null;
        return i + 1;
      } else {
        throw REJECTED;
      }
    }
  }

  /**
   * Whether the checked value {@code b[from, to)} (just read with {@link #escaped} reset before it) is a string whose
   * text is {@code ascii}: compared as bytes, or decoded when it has escapes and is short enough to spell it (an
   * escape is at most 6 bytes a character).
   */
  private boolean isString(int from, int to, byte[] ascii) throws java.io.IOException {
    if (b[from] != '"') {
      return false;
    }
    if (!escaped) {
      return java.util.Arrays.equals(b, from + 1, to - 1, ascii, 0, ascii.length);
    }
    if (to - from - 2 > 6 * ascii.length) {
      return false;
    }
    return new String(ascii, StandardCharsets.US_ASCII).equals(Json.STRICT.readTree(b, from, to - from).textValue());
  }

  /**
   * The job named by the checked string value {@code b[from, to)} (quotes included, just read with {@link #escaped}
   * reset before it) when its text starts a cron prompt ({@link CronPrompts#jobId}), else null. The prefix is checked
   * first, byte by byte, so that every other text is decided in at most six steps whatever its length and escapes (a
   * character of the prefix can be escaped only as a {@code u} escape of four hex digits: none has a short escape). With
   * escapes, only the part of a prompt before the first raw space or {@code ]} is decoded (neither byte occurs inside
   * an escape, so that part decodes on its own).
   */
  private String cronJobId(int from, int to) throws java.io.IOException {
    int i = from + 1;
    int last = to - 1; // the closing quote
    int at = i;
    for (int k = 0; k < CRON.length; k++) {
      if (at < last && b[at] == CRON[k]) {
        at++;
      } else if (escaped && at + 5 < last && b[at] == '\\' && b[at + 1] == 'u' && hex4(at + 2) == CRON[k]) {
        at += 6;
      } else {
        return null;
      }
    }
    int stop = at;
    while (stop < last && b[stop] != ' ' && b[stop] != ']') {
      stop++;
    }
    if (!escaped) {
      return at < stop ? new String(b, at, stop - at, StandardCharsets.UTF_8) : null;
    }
    byte[] part = new byte[stop - i + 2];
    part[0] = '"';
    System.arraycopy(b, i, part, 1, stop - i);
    part[part.length - 1] = '"';
    return CronPrompts.jobId(Json.STRICT.readTree(part).textValue());
  }

  /** The value of the four checked hex digits at {@code i} (of a {@code u} escape). */
  private int hex4(int i) {
    int v = 0;
    for (int k = i; k < i + 4; k++) {
      v = v << 4 | Character.digit(b[k], 16);
    }
    return v;
  }

  /** Kept fields whose values repeat on almost every line (types, roles, providers, models). */
  private static boolean fewValues(String name) {
    return name == "type" || name == "role" || name == "provider" || name == "model" || name == "api"
        || name == "stopReason";
  }

  /** Strings longer than this (in bytes) are not shared. */
  private static final int SHARED_MAX = 48;

  /** Values of {@link #fewValues} fields, as nodes. */
  private final RecentValues<TextNode> texts = new RecentValues<>(TextNode::valueOf);

  /** Field names of object trees. */
  private final RecentValues<String> names = new RecentValues<>(java.util.function.Function.identity());

  /**
   * {@link #node} for a value of a {@link #fewValues} field: a plain string seen before on this thread is the same
   * (immutable) node again instead of a new String and node per line.
   */
  private JsonNode sharedText(int from, int to) throws java.io.IOException {
    if (b[from] != '"' || escaped || to - from - 2 > SHARED_MAX) {
      return node(from, to);
    }
    return texts.of(b, from + 1, to - 1);
  }

  /**
   * The field name spelled by the checked bytes {@code b[from, to)} (no escapes): object trees repeat the same few
   * names on every line, so a name seen before on this thread is the same String again.
   */
  private String sharedName(int from, int to) {
    return to - from > SHARED_MAX ? new String(b, from, to - from, StandardCharsets.UTF_8) : names.of(b, from, to);
  }

  /**
   * The last value made from a UTF-8 byte string, per hash slot: short strings that repeat on every line are decoded
   * once per thread (a collision only costs a new value). Values must be immutable: they are shared.
   */
  private static final class RecentValues<V> {
    private static final int SLOTS = 64;

    private final byte[][] keys = new byte[SLOTS][];
    private final Object[] values = new Object[SLOTS];
    private final java.util.function.Function<String, V> make;

    RecentValues(java.util.function.Function<String, V> make) {
      this.make = make;
    }

    @SuppressWarnings("unchecked")
    V of(byte[] b, int from, int to) {
      int h = to - from;
      for (int k = from; k < to; k++) {
        h = 31 * h + b[k];
      }
      int slot = (h ^ (h >>> 7)) & (SLOTS - 1);
      byte[] seen = keys[slot];
      if (seen != null && java.util.Arrays.equals(seen, 0, seen.length, b, from, to)) {
        return (V) values[slot];
      }
      V v = make.apply(new String(b, from, to - from, StandardCharsets.UTF_8));
      keys[slot] = java.util.Arrays.copyOfRange(b, from, to);
      values[slot] = v;
      return v;
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
      long v = 0;
      for (int k = c == '-' ? from + 1 : from; k < to; k++) {
        v = v * 10 + (b[k] - '0'); // at most 18 digits: no overflow
      }
      if (c == '-') {
        v = -v;
      }
      return v == (int) v ? IntNode.valueOf((int) v) : LongNode.valueOf(v);
    }
    if (c == '{') {
      return objectNode(from);
    }
    if (c == '[') {
      return arrayNode(from);
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      return decimal(from, to);
    }
    return Json.STRICT.readTree(b, from, to - from); // escaped strings, big integers
  }

  /**
   * A decimal as {@code Json.STRICT} reads it ({@code USE_BIG_DECIMAL_FOR_FLOATS}, trailing zeros stripped); integers
   * too long for a {@code long} are left to Jackson.
   */
  private JsonNode decimal(int from, int to) throws java.io.IOException {
    if (isInteger(from, to)) {
      return Json.STRICT.readTree(b, from, to - from);
    }
    JsonNode plain = plainDecimal(from, to);
    if (plain != null) {
      return plain;
    }
    try {
      BigDecimal v = new BigDecimal(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
      return DecimalNode.valueOf(v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros());
    } catch (NumberFormatException | ArithmeticException e) {
      throw REJECTED; // an exponent out of BigDecimal's range (1e99999999999): the normal parser decides
    }
  }

  /**
   * A checked decimal without exponent and with at most 18 digits ({@code -?d+.d+}), read without text: the same
   * value and scale as {@code new BigDecimal(text).stripTrailingZeros()} (zero as {@link BigDecimal#ZERO}); null for
   * other spellings.
   */
  private JsonNode plainDecimal(int from, int to) {
    int k = b[from] == '-' ? from + 1 : from;
    long unscaled = 0;
    int digits = 0;
    int scale = -1;
    for (; k < to; k++) {
      byte d = b[k];
      if (d == '.') {
        scale = 0;
      } else if (d >= '0' && d <= '9') {
        if (++digits > 18) {
          return null;
        }
        unscaled = unscaled * 10 + (d - '0');
        if (scale >= 0) {
          scale++;
        }
      } else {
        return null; // an exponent
      }
    }
    if (unscaled == 0) {
      return DecimalNode.valueOf(BigDecimal.ZERO);
    }
    while (unscaled % 10 == 0) {
      unscaled /= 10;
      scale--;
    }
    return DecimalNode.valueOf(BigDecimal.valueOf(b[from] == '-' ? -unscaled : unscaled, scale));
  }

  /** The tree of the checked object at {@code i}, as Jackson's tree reader builds it (a later duplicate name wins). */
  private ObjectNode objectNode(int i) throws java.io.IOException {
    ObjectNode o = newObject();
    i = ws(i + 1);
    if (b[i] == '}') {
      return o;
    }
    while (true) {
      int nameEnd = name(i + 1); // an accepted line has no escapes in its names
      String n = sharedName(i + 1, nameEnd);
      i = ws(ws(nameEnd + 1) + 1);
      int valueStart = i;
      escaped = false;
      i = value(i);
      o.set(n, node(valueStart, i));
      i = ws(i);
      if (b[i] == '}') {
        return o;
      }
      i = ws(i + 1);
    }
  }

  /** The tree of the checked array at {@code i}. */
  private ArrayNode arrayNode(int i) throws java.io.IOException {
    ArrayNode a = Json.STRICT.createArrayNode();
    i = ws(i + 1);
    if (b[i] == ']') {
      return a;
    }
    while (true) {
      int valueStart = i;
      escaped = false;
      i = value(i);
      a.add(node(valueStart, i));
      i = ws(i);
      if (b[i] == ']') {
        return a;
      }
      i = ws(i + 1);
    }
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
      if (i + 8 <= stop) {
        long w = (long) LONGS.get(bytes, i);
        // the high bit of each byte that may need a look: a quote, a backslash, a control character or a non-ASCII
        // byte (written out here: the client compiler inlines no method this long); the lowest flagged byte is
        // always a real one, borrows only propagate upwards
        long quote = w ^ 0x2222222222222222L;
        long backslash = w ^ 0x5c5c5c5c5c5c5c5cL;
        long flagged =
            ((quote - ONES) & ~quote | (backslash - ONES) & ~backslash | (w - 0x2020202020202020L) & ~w | w) & HIGHS;
        if (flagged == 0) {
          i += 8;
          continue;
        }
        int k = firstFlaggedByte(flagged);
        i += k;
        if (k == 0 || i + 8 <= stop) {
          w = k == 0 ? w : (long) LONGS.get(bytes, i);
          int c = (int) w & 0xff;
          if (c == '"') {
            return i + 1;
          }
          if (c >= 0x80) {
            i += utf8Word(w, c);
            continue;
          }
        }
      } else if (i >= stop) {
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

  /**
   * The length of the well-formed UTF-8 sequence whose lead byte {@code c} (0x80 or above) is the lowest byte of the
   * little-endian word {@code w} (the same rules as {@link #utf8}, checked on the word at once).
   */
  private static int utf8Word(long w, int c) {
    int c1 = (int) (w >>> 8) & 0xff;
    if (c < 0xe0) {
      if (c >= 0xc2 && (w & 0xc000L) == 0x8000L) {
        return 2;
      }
    } else if (c < 0xf0) {
      if ((w & 0xc0c000L) == 0x808000L && (c != 0xe0 || c1 >= 0xa0) && (c != 0xed || c1 < 0xa0)) {
        return 3;
      }
    } else if (c <= 0xf4
        && (w & 0xc0c0c000L) == 0x80808000L
        && (c != 0xf0 || c1 >= 0x90)
        && (c != 0xf4 || c1 < 0x90)) {
      return 4;
    }
    throw REJECTED;
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
    return i < end && b[i] > ' ' ? i : wsSlow(i);
  }

  private int wsSlow(int i) {
    while (i < end) {
      byte c = b[i];
      if (c != ' ' && c != '\t' && c != '\r') { // never '\n': a line holds none, and lineEnd stops there
        return i;
      }
      i++;
    }
    return i;
  }
}
