package io.clawmetry.core.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** A buffered byte stream that splits on {@code '\n'} and can expose the rest of a line as a stream. */
final class LineInput {

  /** Why {@link #readLine} stopped. */
  enum Stop {
    NEWLINE,
    EOF,
    LIMIT
  }

  private final InputStream in;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int len;
  private boolean eof;

  LineInput(InputStream in) {
    this.in = in;
  }

  private boolean fill() throws IOException {
    if (pos < len) {
      return true;
    }
    if (eof) {
      return false;
    }
    int n = in.read(buf);
    while (n == 0) {
      n = in.read(buf);
    }
    if (n < 0) {
      eof = true;
      return false;
    }
    pos = 0;
    len = n;
    return true;
  }

  /**
   * Appends the bytes of the current line to {@code out} (the newline is consumed, not appended), stopping early when
   * {@code out} reaches {@code limit} bytes.
   */
  Stop readLine(ByteArrayOutputStream out, int limit) throws IOException {
    while (true) {
      if (!fill()) {
        return Stop.EOF;
      }
      int room = limit - out.size();
      if (room <= 0) {
        return Stop.LIMIT;
      }
      int end = Math.min(len, pos + room);
      for (int i = pos; i < end; i++) {
        if (buf[i] == '\n') {
          out.write(buf, pos, i - pos);
          pos = i + 1;
          return Stop.NEWLINE;
        }
      }
      out.write(buf, pos, end - pos);
      pos = end;
    }
  }

  /** The rest of the current line as a stream; it ends at the newline (consumed) or at the end of input. */
  RestOfLine restOfLine() {
    return new RestOfLine();
  }

  /** See {@link #restOfLine()}. */
  final class RestOfLine extends InputStream {
    private boolean done;
    private boolean terminated;
    private long count;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int n) throws IOException {
      if (done) {
        return -1;
      }
      if (n == 0) {
        return 0;
      }
      if (!fill()) {
        done = true;
        return -1;
      }
      int end = Math.min(len, pos + n);
      for (int i = pos; i < end; i++) {
        if (buf[i] == '\n') {
          int k = i - pos;
          System.arraycopy(buf, pos, b, off, k);
          pos = i + 1;
          done = true;
          terminated = true;
          count += k;
          return k == 0 ? -1 : k;
        }
      }
      int k = end - pos;
      System.arraycopy(buf, pos, b, off, k);
      pos = end;
      count += k;
      return k;
    }

    /** Reads and discards what is left of the line. */
    void drain() throws IOException {
      byte[] skip = new byte[8192];
      while (read(skip, 0, skip.length) >= 0) {
        // discard
      }
    }

    /** Whether the line ended with a newline (valid once drained). */
    boolean terminated() {
      return terminated;
    }

    /** How many bytes of the line (without newline) went through this stream. */
    long count() {
      return count;
    }
  }
}
