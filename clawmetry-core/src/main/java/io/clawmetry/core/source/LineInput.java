package io.clawmetry.core.source;

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

  /** The largest initial buffer; it grows when a line does not fit. */
  static final int MAX_INITIAL_BUFFER = 256 * 1024;

  /** Finds a line's end while checking it, saving the separate newline scan; or -1 (see {@link #nextLine}). */
  @FunctionalInterface
  interface LineEndFinder {
    /** The index of the {@code '\n'} ending the line at {@code from}, looking no further than {@code limit}; or -1. */
    int lineEnd(byte[] buf, int from, int limit);
  }

  private final InputStream in;
  private LineEndFinder finder;
  private byte[] buf;
  private int pos;
  private int len;
  private boolean eof;
  private int lineOffset;
  private int lineLength;

  /**
   * @param in the stream
   * @param initialBuffer the initial buffer size (the expected input size, or less when only the first line is read)
   */
  LineInput(InputStream in, int initialBuffer) {
    this.in = in;
    int size = Math.max(64, Math.min(MAX_INITIAL_BUFFER, initialBuffer));
    byte[] pooled = size >= POOLED_FROM ? POOL.get()[0] : null;
    if (pooled != null) {
      POOL.get()[0] = null; // taken: a nested reader on this thread allocates its own
      this.buf = pooled;
    } else {
      this.buf = new byte[size];
    }
  }

  /** Buffers at least this large are taken from (and given back to) the thread's pool. */
  private static final int POOLED_FROM = 4096 + 1; // first-line reads use 4096 bytes and stay small

  /** The largest buffer kept for reuse. */
  private static final int POOLED_UP_TO = 4 * MAX_INITIAL_BUFFER;

  /**
   * One spare buffer per thread: reading thousands of transcripts one after another then allocates (and zeroes) no
   * buffer per file.
   */
  private static final ThreadLocal<byte[][]> POOL =
      ThreadLocal.withInitial(() -> new byte[][] {new byte[MAX_INITIAL_BUFFER]});

  /** Gives the buffer back to the thread's pool; the lines handed out are invalid afterwards. */
  void release() {
    byte[] b = buf;
    if (b != null && b.length >= MAX_INITIAL_BUFFER && b.length <= POOLED_UP_TO) {
      POOL.get()[0] = b;
    }
    buf = null;
  }

  /** Lets {@code finder} try each line first; returns this. */
  LineInput withFinder(LineEndFinder finder) {
    this.finder = finder;
    return this;
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
   * Finds the current line without copying it: afterwards {@link #buffer()}, {@link #lineOffset()} and {@link
   * #lineLength()} describe its bytes (without the newline, which is consumed), valid until the next call. Stops with
   * {@link Stop#LIMIT} once {@code limit} bytes were seen without a newline; the slice then holds those {@code limit}
   * bytes and {@link #restOfLine()} continues after them. At {@link Stop#EOF} the slice holds what was left without a
   * newline (possibly nothing).
   */
  Stop nextLine(int limit) throws IOException {
    if (finder != null && pos < len) {
      int nl = finder.lineEnd(buf, pos, Math.min(len, pos + limit));
      if (nl >= 0) {
        lineOffset = pos;
        lineLength = nl - pos;
        pos = nl + 1;
        return Stop.NEWLINE;
      }
    }
    int scan = pos;
    while (true) {
      int end = Math.min(len, pos + limit);
      for (int i = scan; i < end; i++) {
        if (buf[i] == '\n') {
          lineOffset = pos;
          lineLength = i - pos;
          pos = i + 1;
          return Stop.NEWLINE;
        }
      }
      if (len - pos >= limit) {
        lineOffset = pos;
        lineLength = limit;
        pos += limit;
        return Stop.LIMIT;
      }
      int seen = len - pos;
      if (eof || !more()) {
        lineOffset = pos;
        lineLength = len - pos;
        pos = len;
        return Stop.EOF;
      }
      scan = pos + seen;
    }
  }

  /** Reads more input behind what is buffered, compacting or growing the buffer; false at end of input. */
  private boolean more() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, len - pos);
      len -= pos;
      pos = 0;
    }
    if (len == buf.length) {
      buf = java.util.Arrays.copyOf(buf, buf.length * 2);
    }
    int n = in.read(buf, len, buf.length - len);
    while (n == 0) {
      n = in.read(buf, len, buf.length - len);
    }
    if (n < 0) {
      eof = true;
      return false;
    }
    len += n;
    return true;
  }

  /** The buffer holding the current line. */
  byte[] buffer() {
    return buf;
  }

  /** Where the current line starts in {@link #buffer()}. */
  int lineOffset() {
    return lineOffset;
  }

  /** How many bytes the current line has. */
  int lineLength() {
    return lineLength;
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
