package io.clawmetry.core.gateway;

import io.clawmetry.api.gateway.GatewayErrorKind;

/**
 * Assembles a text message from the partial pieces {@code java.net.http.WebSocket} delivers, refusing one larger than
 * the limit (counted in UTF-8 bytes) before it is buffered whole. Used from one listener thread at a time.
 */
final class FrameAssembler {

  private final StringBuilder buf = new StringBuilder();
  private long bytes;
  private volatile long limit;

  FrameAssembler(long limit) {
    this.limit = limit;
  }

  void limit(long newLimit) {
    this.limit = newLimit;
  }

  long limit() {
    return limit;
  }

  /** Appends a piece; returns the whole message when {@code last}, else null. */
  String append(CharSequence piece, boolean last) {
    bytes += utf8Length(piece);
    if (bytes > limit) {
      long seen = bytes;
      buf.setLength(0);
      buf.trimToSize();
      bytes = 0;
      throw new GatewayException(
          GatewayErrorKind.FRAME_TOO_LARGE,
          "the gateway sent a frame over the size limit (" + seen + "+ bytes > " + limit + "); connection dropped");
    }
    if (last && buf.length() == 0) {
      bytes = 0;
      return piece.toString();
    }
    buf.append(piece);
    if (!last) {
      return null;
    }
    String s = buf.toString();
    buf.setLength(0);
    bytes = 0;
    return s;
  }

  static long utf8Length(CharSequence s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
