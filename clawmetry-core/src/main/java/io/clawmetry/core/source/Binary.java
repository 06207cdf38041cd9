package io.clawmetry.core.source;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The encodings of a ledger cache file ({@link LedgerCache}): variable-length longs (7 bits a byte, zigzag for signed
 * values), strings as a length and UTF-8 bytes (null allowed), instants and exact decimals. A corrupt file shows as an
 * {@link IOException} (lengths are checked), never as an out-of-memory error.
 */
public final class Binary {

  /** The longest string a cache file holds (a path, an id, a warning message). */
  private static final int MAX_STRING = 1 << 20;

  private Binary() {}

  public static void writeLong(DataOutput out, long v) throws IOException {
    long z = (v << 1) ^ (v >> 63);
    while ((z & ~0x7FL) != 0) {
      out.writeByte((int) (z & 0x7F) | 0x80);
      z >>>= 7;
    }
    out.writeByte((int) z);
  }

  public static long readLong(DataInput in) throws IOException {
    long z = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = in.readUnsignedByte();
      z |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return (z >>> 1) ^ -(z & 1);
      }
    }
    throw new IOException("malformed variable-length number");
  }

  /** A count or size: a non-negative int below {@code max}. */
  public static int readCount(DataInput in, int max) throws IOException {
    long n = readLong(in);
    if (n < 0 || n > max) {
      throw new IOException("count out of range: " + n);
    }
    return (int) n;
  }

  public static void writeString(DataOutput out, String s) throws IOException {
    if (s == null) {
      writeLong(out, -1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    writeLong(out, b.length);
    out.write(b);
  }

  public static String readString(DataInput in) throws IOException {
    long n = readLong(in);
    if (n == -1) {
      return null;
    }
    if (n < 0 || n > MAX_STRING) {
      throw new IOException("string length out of range: " + n);
    }
    byte[] b = new byte[(int) n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /**
   * Strings that repeat (session ids, provider and model names): each written once, then by its index. One table per
   * file, used in the same order for writing and reading.
   */
  public static final class Strings {
    private final java.util.Map<String, Integer> written = new java.util.HashMap<>();
    private final java.util.List<String> read = new java.util.ArrayList<>();

    /** Writes {@code s} (null allowed): its index when written before, else the next index and its text. */
    public void write(DataOutput out, String s) throws IOException {
      if (s == null) {
        writeLong(out, -1);
        return;
      }
      Integer known = written.get(s);
      if (known != null) {
        writeLong(out, known);
        return;
      }
      int next = written.size();
      written.put(s, next);
      writeLong(out, next);
      writeString(out, s);
    }

    /** Reads what {@link #write} wrote. */
    public String read(DataInput in) throws IOException {
      long v = readLong(in);
      if (v == -1) {
        return null;
      }
      if (v >= 0 && v < read.size()) {
        return read.get((int) v);
      }
      if (v != read.size()) {
        throw new IOException("string index out of order: " + v);
      }
      String s = readString(in);
      if (s == null) {
        throw new IOException("null string in the table");
      }
      read.add(s);
      return s;
    }
  }

  public static void writeInstant(DataOutput out, Instant t) throws IOException {
    out.writeBoolean(t != null);
    if (t != null) {
      writeLong(out, t.getEpochSecond());
      writeLong(out, t.getNano());
    }
  }

  public static Instant readInstant(DataInput in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    long seconds = readLong(in);
    long nanos = readLong(in);
    try {
      return Instant.ofEpochSecond(seconds, nanos);
    } catch (RuntimeException e) {
      throw new IOException("bad instant", e);
    }
  }

  public static void writeDecimal(DataOutput out, BigDecimal d) throws IOException {
    out.writeBoolean(d != null);
    if (d != null) {
      byte[] unscaled = d.unscaledValue().toByteArray();
      writeLong(out, unscaled.length);
      out.write(unscaled);
      writeLong(out, d.scale());
    }
  }

  public static BigDecimal readDecimal(DataInput in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    byte[] unscaled = new byte[readCount(in, 1024)];
    in.readFully(unscaled);
    if (unscaled.length == 0) {
      throw new IOException("empty decimal");
    }
    long scale = readLong(in);
    if (scale != (int) scale) {
      throw new IOException("decimal scale out of range");
    }
    return new BigDecimal(new BigInteger(unscaled), (int) scale);
  }
}
