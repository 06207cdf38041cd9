package io.clawmetry.core.source;

/**
 * A byte test that rules lines out as assistant messages without parsing them: an assistant message names its role
 * {@code "assistant"} (as {@code message.role}, a bare line's {@code role}, or a Claude-style {@code type}), so a line
 * holding neither the bytes {@code "assistant"} nor a backslash-u-0-0 escape (the only way JSON can spell one of those
 * letters differently) cannot be one. Boyer-Moore-Horspool search, so most bytes are never looked at.
 */
final class AssistantPretest {

  private static final byte[] ROLE = "\"assistant\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] ESCAPE = "\\u00".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final int[] ROLE_SHIFT = shifts(ROLE);
  private static final int[] ESCAPE_SHIFT = shifts(ESCAPE);

  private AssistantPretest() {}

  /** False only when {@code b[off, off+len)} cannot be an assistant message. */
  static boolean mayBeAssistant(byte[] b, int off, int len) {
    return contains(b, off, len, ROLE, ROLE_SHIFT) || contains(b, off, len, ESCAPE, ESCAPE_SHIFT);
  }

  static boolean contains(byte[] b, int off, int len, byte[] p, int[] shift) {
    int m = p.length;
    int last = m - 1;
    int end = off + len - m;
    int i = off;
    while (i <= end) {
      int j = last;
      while (b[i + j] == p[j]) {
        if (j == 0) {
          return true;
        }
        j--;
      }
      i += shift[b[i + last] & 0xff];
    }
    return false;
  }

  private static int[] shifts(byte[] p) {
    int[] s = new int[256];
    java.util.Arrays.fill(s, p.length);
    for (int i = 0; i < p.length - 1; i++) {
      s[p[i] & 0xff] = p.length - 1 - i;
    }
    return s;
  }
}
