package io.clawmetry.core.usage;

/**
 * One chunk's column of longs in 4 bytes a row while they fit an int, and no array at all while they are all zero:
 * the low 32 bits in one int array, the rest (zero for an int) in a second one made on the first value that needs it.
 * An array made late holds zeros for the rows written before it, which are exactly their values, so a reader of
 * older rows is right whichever of the two arrays it sees. One writer.
 */
final class LongColumn {

  private final int size;
  private int[] low;
  private int[] high;

  LongColumn(int size) {
    this.size = size;
  }

  void set(int r, long v) {
    int lo = (int) v;
    int hi = (int) ((v - lo) >>> 32); // v - lo is a multiple of 2^32 (modulo 2^64): exact for every long
    if (lo != 0) {
      if (low == null) {
        low = new int[size];
      }
      low[r] = lo;
    }
    if (hi != 0) {
      if (high == null) {
        high = new int[size];
      }
      high[r] = hi;
    }
  }

  long get(int r) {
    int[] l = low;
    int[] h = high;
    long lo = l == null ? 0 : l[r];
    return h == null ? lo : lo + ((long) h[r] << 32);
  }
}
