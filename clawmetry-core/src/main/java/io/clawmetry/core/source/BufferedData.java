package io.clawmetry.core.source;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@link DataInput} and {@link DataOutput} over a stream with a plain buffer of their own: a cache file is read and
 * written a byte or a few at a time (variable-length numbers), which {@link java.io.DataInputStream} over a {@link
 * java.io.BufferedInputStream} does through a synchronized call per byte. Not thread-safe; big-endian like those.
 */
final class BufferedData {

  private BufferedData() {}

  /** Copies {@code n} array values from index {@code at} between an array and {@code window} (big-endian). */
  @FunctionalInterface
  private interface Bulk {
    void values(java.nio.ByteBuffer window, int at, int n);
  }

  /** Reads from a stream through a 64 KiB buffer. */
  static final class In implements DataInput {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;

    In(InputStream in) {
      this.in = in;
    }

    private boolean fill() throws IOException {
      int n = in.read(buf);
      if (n <= 0) {
        return false;
      }
      pos = 0;
      end = n;
      return true;
    }

    @Override
    public int readUnsignedByte() throws IOException {
      if (pos == end && !fill()) {
        throw new EOFException();
      }
      return buf[pos++] & 0xff;
    }

    @Override
    public byte readByte() throws IOException {
      return (byte) readUnsignedByte();
    }

    @Override
    public boolean readBoolean() throws IOException {
      return readUnsignedByte() != 0;
    }

    @Override
    public void readFully(byte[] b) throws IOException {
      readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        if (pos == end && !fill()) {
          throw new EOFException();
        }
        int n = Math.min(len, end - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        off += n;
        len -= n;
      }
    }

    /** Fills {@code dst} with big-endian longs, in bulk (the same bytes as {@link #readLong} one by one). */
    void readLongs(long[] dst) throws IOException {
      readBulk(dst.length, Long.BYTES, (window, at, n) -> window.asLongBuffer().get(dst, at, n));
    }

    /** Fills {@code dst} with big-endian ints, in bulk (the same bytes as {@link #readInt} one by one). */
    void readInts(int[] dst) throws IOException {
      readBulk(dst.length, Integer.BYTES, (window, at, n) -> window.asIntBuffer().get(dst, at, n));
    }

    /** Hands {@code count} values of {@code width} bytes over to {@code copy}, a buffered window at a time. */
    private void readBulk(int count, int width, Bulk copy) throws IOException {
      int i = 0;
      while (i < count) {
        if (end - pos < width && !refill(width)) {
          throw new EOFException();
        }
        int n = Math.min(count - i, (end - pos) / width);
        copy.values(java.nio.ByteBuffer.wrap(buf, pos, n * width), i, n);
        pos += n * width;
        i += n;
      }
    }

    /** Moves what is left to the front and reads until at least {@code min} bytes are buffered; false at the end. */
    private boolean refill(int min) throws IOException {
      System.arraycopy(buf, pos, buf, 0, end - pos);
      end -= pos;
      pos = 0;
      while (end < min) {
        int n = in.read(buf, end, buf.length - end);
        if (n <= 0) {
          return false;
        }
        end += n;
      }
      return true;
    }

    @Override
    public int skipBytes(int n) throws IOException {
      int skipped = 0;
      while (skipped < n && (pos < end || fill())) {
        int k = Math.min(n - skipped, end - pos);
        pos += k;
        skipped += k;
      }
      return skipped;
    }

    @Override
    public short readShort() throws IOException {
      return (short) readUnsignedShort();
    }

    @Override
    public int readUnsignedShort() throws IOException {
      return readUnsignedByte() << 8 | readUnsignedByte();
    }

    @Override
    public char readChar() throws IOException {
      return (char) readUnsignedShort();
    }

    @Override
    public int readInt() throws IOException {
      return readUnsignedShort() << 16 | readUnsignedShort();
    }

    @Override
    public long readLong() throws IOException {
      return (long) readInt() << 32 | (readInt() & 0xffffffffL);
    }

    @Override
    public float readFloat() throws IOException {
      return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws IOException {
      return Double.longBitsToDouble(readLong());
    }

    @Override
    public String readLine() {
      throw new UnsupportedOperationException("not a text format");
    }

    @Override
    public String readUTF() throws IOException {
      byte[] b = new byte[readUnsignedShort()];
      readFully(b);
      return new String(b, StandardCharsets.UTF_8);
    }
  }

  /** Writes to a stream through a 64 KiB buffer; {@link #flush} hands the rest over. */
  static final class Out implements DataOutput {
    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int pos;

    Out(OutputStream out) {
      this.out = out;
    }

    void flush() throws IOException {
      out.write(buf, 0, pos);
      pos = 0;
    }

    @Override
    public void write(int b) throws IOException {
      if (pos == buf.length) {
        flush();
      }
      buf[pos++] = (byte) b;
    }

    @Override
    public void write(byte[] b) throws IOException {
      write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > buf.length - pos) {
        flush();
        if (len > buf.length) {
          out.write(b, off, len);
          return;
        }
      }
      System.arraycopy(b, off, buf, pos, len);
      pos += len;
    }

    /** Writes {@code src} as big-endian longs, in bulk. */
    void writeLongs(long[] src) throws IOException {
      writeBulk(src.length, Long.BYTES, (window, at, n) -> window.asLongBuffer().put(src, at, n));
    }

    /** Writes {@code src} as big-endian ints, in bulk. */
    void writeInts(int[] src) throws IOException {
      writeBulk(src.length, Integer.BYTES, (window, at, n) -> window.asIntBuffer().put(src, at, n));
    }

    /** Takes {@code count} values of {@code width} bytes from {@code copy}, a free window of the buffer at a time. */
    private void writeBulk(int count, int width, Bulk copy) throws IOException {
      int i = 0;
      while (i < count) {
        if (buf.length - pos < width) {
          flush();
        }
        int n = Math.min(count - i, (buf.length - pos) / width);
        copy.values(java.nio.ByteBuffer.wrap(buf, pos, n * width), i, n);
        pos += n * width;
        i += n;
      }
    }

    @Override
    public void writeBoolean(boolean v) throws IOException {
      write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) throws IOException {
      write(v);
    }

    @Override
    public void writeShort(int v) throws IOException {
      write(v >>> 8);
      write(v);
    }

    @Override
    public void writeChar(int v) throws IOException {
      writeShort(v);
    }

    @Override
    public void writeInt(int v) throws IOException {
      writeShort(v >>> 16);
      writeShort(v);
    }

    @Override
    public void writeLong(long v) throws IOException {
      writeInt((int) (v >>> 32));
      writeInt((int) v);
    }

    @Override
    public void writeFloat(float v) throws IOException {
      writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) throws IOException {
      writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(String s) {
      throw new UnsupportedOperationException("not a text format");
    }

    @Override
    public void writeChars(String s) {
      throw new UnsupportedOperationException("not a text format");
    }

    @Override
    public void writeUTF(String s) throws IOException {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      if (b.length > 0xffff) {
        throw new IOException("string too long");
      }
      writeShort(b.length);
      write(b);
    }
  }
}
