package io.clawmetry.core.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * The value of one JSON string, decoded on the fly as UTF-8 bytes: reads {@code in} from just after the opening quote
 * and ends (-1) at the closing quote, which it consumes; it never reads past it. Escapes {@code \" \\ \/ \b \f \n \r
 * \t} and {@code \\uXXXX} are decoded (a surrogate pair to one 4-byte sequence, an unpaired surrogate to U+FFFD, as it
 * cannot be UTF-8); other bytes pass through unchanged. An invalid escape, a raw control character or the end of
 * {@code in} before the closing quote throws {@link Malformed}.
 *
 * <p>It reads {@code in} one byte at a time: give it a stream whose {@code read()} is cheap. Closing it does nothing.
 */
final class JsonStringDecoder extends InputStream {

  /** The bytes are not a well-formed JSON string: the message says why. */
  static final class Malformed extends IOException {
    Malformed(String message) {
      super(message);
    }
  }

  private static final int REPLACEMENT = 0xFFFD;

  private static final String NO_CLOSING_QUOTE = "string without its closing quote";

  private final InputStream in;
  /** Decoded bytes not yet handed out: up to two code points (an unpaired surrogate and what followed it). */
  private final byte[] pending = new byte[8];
  private int pendingPos;
  private int pendingLen;
  private boolean ended;
  /** A high surrogate waiting for its low half, or -1. */
  private int held = -1;

  /** @param in positioned just after the string's opening quote */
  JsonStringDecoder(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    if (pendingPos == pendingLen && !decodeNext()) {
      return -1;
    }
    return pending[pendingPos++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n = 0;
    while (n < len) {
      if (pendingPos == pendingLen && !decodeNext()) {
        break;
      }
      int k = Math.min(len - n, pendingLen - pendingPos);
      System.arraycopy(pending, pendingPos, b, off + n, k);
      pendingPos += k;
      n += k;
    }
    return n == 0 ? -1 : n;
  }

  /** Reads and discards the rest of the string, checking it. */
  void drain() throws IOException {
    while (decodeNext()) {
      pendingPos = pendingLen;
    }
  }

  /** Decodes the next character(s) of the string into {@link #pending}; false at the closing quote. */
  private boolean decodeNext() throws IOException {
    pendingPos = 0;
    pendingLen = 0;
    if (ended) {
      return false;
    }
    while (pendingLen == 0) {
      int c = in.read();
      if (c == '"') {
        ended = true;
        unpaired();
        return pendingLen > 0;
      }
      if (c < 0x20) {
        throw new Malformed(
            c < 0 ? NO_CLOSING_QUOTE : "control character 0x" + Integer.toHexString(c) + " in a string");
      }
      if (c != '\\') {
        unpaired();
        pending[pendingLen++] = (byte) c;
        return true;
      }
      char unit = escape();
      if (held >= 0 && Character.isLowSurrogate(unit)) {
        put(Character.toCodePoint((char) held, unit));
        held = -1;
      } else {
        unpaired();
        if (Character.isHighSurrogate(unit)) {
          held = unit; // its low half must be the next escape
        } else {
          put(Character.isLowSurrogate(unit) ? REPLACEMENT : unit);
        }
      }
    }
    return true;
  }

  /** A high surrogate held for a low half that did not come becomes U+FFFD. */
  private void unpaired() {
    if (held >= 0) {
      put(REPLACEMENT);
      held = -1;
    }
  }

  /** The character (or UTF-16 unit, for {@code \\u}) of the escape after a backslash. */
  private char escape() throws IOException {
    int c = in.read();
    switch (c) {
      case '"':
      case '\\':
      case '/':
        return (char) c;
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        int unit = 0;
        for (int i = 0; i < 4; i++) {
          int h = in.read();
          int d = hexDigit(h);
          if (d < 0) {
            throw new Malformed(h < 0 ? NO_CLOSING_QUOTE : "invalid \\u escape");
          }
          unit = unit << 4 | d;
        }
        return (char) unit;
      default:
        throw new Malformed(
            c < 0 ? NO_CLOSING_QUOTE : c <= 0x20 || c > 0x7e ? "invalid escape" : "invalid escape \\" + (char) c);
    }
  }

  private static int hexDigit(int c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  /** Appends {@code cp} to {@link #pending} as UTF-8. */
  private void put(int cp) {
    if (cp < 0x80) {
      pending[pendingLen++] = (byte) cp;
    } else if (cp < 0x800) {
      pending[pendingLen++] = (byte) (0xC0 | cp >> 6);
      pending[pendingLen++] = (byte) (0x80 | cp & 0x3F);
    } else if (cp < 0x10000) {
      pending[pendingLen++] = (byte) (0xE0 | cp >> 12);
      pending[pendingLen++] = (byte) (0x80 | cp >> 6 & 0x3F);
      pending[pendingLen++] = (byte) (0x80 | cp & 0x3F);
    } else {
      pending[pendingLen++] = (byte) (0xF0 | cp >> 18);
      pending[pendingLen++] = (byte) (0x80 | cp >> 12 & 0x3F);
      pending[pendingLen++] = (byte) (0x80 | cp >> 6 & 0x3F);
      pending[pendingLen++] = (byte) (0x80 | cp & 0x3F);
    }
  }
}
