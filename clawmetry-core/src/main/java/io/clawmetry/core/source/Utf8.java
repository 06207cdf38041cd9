package io.clawmetry.core.source;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * UTF-8 well-formedness without decoding, with the rules of Java's strict decoder (no overlong forms, no encoded
 * surrogates, nothing above U+10FFFF), so a line that passes here decodes without replacement characters. ASCII runs
 * are checked eight bytes at a time.
 */
final class Utf8 {

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;

  private Utf8() {}

  /** Whether {@code b[off, off+len)} is pure ASCII. */
  static boolean isAscii(byte[] b, int off, int len) {
    return firstNonAscii(b, off, off + len) == off + len;
  }

  private static int firstNonAscii(byte[] b, int i, int end) {
    while (i + 8 <= end && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
      i += 8;
    }
    while (i < end && b[i] >= 0) {
      i++;
    }
    return i;
  }

  /** Whether {@code b[off, off+len)} is well-formed UTF-8. */
  static boolean isValid(byte[] b, int off, int len) {
    int end = off + len;
    int i = off;
    while (true) {
      i = firstNonAscii(b, i, end);
      if (i >= end) {
        return true;
      }
      int c = b[i] & 0xff;
      if (c < 0xc2 || c > 0xf4) {
        return false; // continuation byte as lead, overlong 2-byte lead, or beyond U+10FFFF
      }
      if (c < 0xe0) {
        if (i + 1 >= end || !cont(b[i + 1])) {
          return false;
        }
        i += 2;
      } else if (c < 0xf0) {
        if (i + 2 >= end || !cont(b[i + 1]) || !cont(b[i + 2])) {
          return false;
        }
        int c1 = b[i + 1] & 0xff;
        if ((c == 0xe0 && c1 < 0xa0) || (c == 0xed && c1 >= 0xa0)) {
          return false; // overlong, or a surrogate
        }
        i += 3;
      } else {
        if (i + 3 >= end || !cont(b[i + 1]) || !cont(b[i + 2]) || !cont(b[i + 3])) {
          return false;
        }
        int c1 = b[i + 1] & 0xff;
        if ((c == 0xf0 && c1 < 0x90) || (c == 0xf4 && c1 >= 0x90)) {
          return false; // overlong, or above U+10FFFF
        }
        i += 4;
      }
    }
  }

  private static boolean cont(byte x) {
    return (x & 0xc0) == 0x80;
  }
}
