package io.clawmetry.core.source;

/**
 * The set of dedup keys seen while scanning an agent, in 12 bytes per key instead of a String in a HashSet (~90
 * bytes), so a scan of millions of events stays within a small heap.
 *
 * <p>Keys of the usual form {@code <8 lowercase hex>|<epoch ms>} (pi entry ids) are stored exactly: the id as 32 bits
 * and the time as 62 bits, flagged. Every other key (uuids, {@code <session>#<id>}, content hashes) is stored as a
 * 94-bit hash of its characters; two different keys of that kind are mistaken for each other with a probability of
 * about n²/2⁹⁵ (below 10⁻¹⁴ for ten million keys). Open addressing with linear probing, at most 7/8 full (as fast as
 * 3/4 on 850k keys, in half the memory); not thread-safe.
 */
final class DedupKeySet {

  private static final long EXACT = 1L << 62;
  private static final long TIME_MASK = EXACT - 1;

  private int[] high = new int[1 << 12];
  private long[] low = new long[1 << 12];
  private int size;

  /** Adds {@code key}; true when it was not there yet. */
  boolean add(String key) {
    long lo;
    int hi;
    long exactTime = exactTime(key);
    if (exactTime >= 0) {
      hi = hexId(key);
      lo = exactTime | EXACT;
    } else {
      long h1 = hash(key, 0x9E3779B97F4A7C15L);
      long h2 = hash(key, 0xC2B2AE3D27D4EB4FL);
      lo = h1 & ~EXACT & Long.MAX_VALUE;
      hi = (int) h2;
      if (lo == 0 && hi == 0) {
        lo = 1; // (0, 0) marks an empty slot
      }
    }
    if (insert(hi, lo)) {
      if (++size * 8L > low.length * 7L) {
        grow();
      }
      return true;
    }
    return false;
  }

  /** How many keys the set holds. */
  int size() {
    return size;
  }

  /** Writes the table as it is (its size, the key count, then every slot), so that reading it back is a copy. */
  void writeTo(java.io.DataOutput out) throws java.io.IOException {
    Binary.writeLong(out, low.length);
    Binary.writeLong(out, size);
    if (out instanceof BufferedData.Out bulk) {
      bulk.writeInts(high);
      bulk.writeLongs(low);
      return;
    }
    for (int h : high) {
      out.writeInt(h);
    }
    for (long l : low) {
      out.writeLong(l);
    }
  }

  /** A set holding what {@link #writeTo} wrote (every key back in its own slot); checks the table's size and count. */
  static DedupKeySet readFrom(java.io.DataInput in) throws java.io.IOException {
    int length = Binary.readCount(in, 1 << 30);
    int n = Binary.readCount(in, 1 << 28);
    DedupKeySet set = new DedupKeySet();
    // the writer's table is at least 7/16 full once it grew: a larger one is not from a writer (nor worth the memory)
    if (Integer.bitCount(length) != 1 || length < set.low.length || n * 8L > length * 7L
        || length > Math.max(set.low.length, 4L * n)) {
      throw new java.io.IOException("dedup key set: bad table size " + length + " for " + n + " keys");
    }
    set.high = new int[length];
    set.low = new long[length];
    if (in instanceof BufferedData.In bulk) {
      bulk.readInts(set.high);
      bulk.readLongs(set.low);
    } else {
      for (int i = 0; i < length; i++) {
        set.high[i] = in.readInt();
      }
      for (int i = 0; i < length; i++) {
        set.low[i] = in.readLong();
      }
    }
    int held = 0;
    for (int i = 0; i < length; i++) {
      if (set.low[i] != 0 || set.high[i] != 0) {
        held++;
      }
    }
    if (held != n) {
      throw new java.io.IOException("dedup key set: " + held + " keys in the table, " + n + " announced");
    }
    set.size = n;
    return set;
  }

  private boolean insert(int hi, long lo) {
    int mask = low.length - 1;
    int i = (int) mix(lo ^ ((long) hi << 32 | (hi & 0xffffffffL))) & mask;
    while (true) {
      long l = low[i];
      if (l == 0 && high[i] == 0) {
        low[i] = lo;
        high[i] = hi;
        return true;
      }
      if (l == lo && high[i] == hi) {
        return false;
      }
      i = (i + 1) & mask;
    }
  }

  private void grow() {
    int[] oldHigh = high;
    long[] oldLow = low;
    high = new int[oldHigh.length * 2];
    low = new long[oldLow.length * 2];
    for (int i = 0; i < oldLow.length; i++) {
      if (oldLow[i] != 0 || oldHigh[i] != 0) {
        insert(oldHigh[i], oldLow[i]);
      }
    }
  }

  /** The time of a {@code <8 lowercase hex>|<digits>} key below 2⁶², or -1 when the key has another form. */
  private static long exactTime(String key) {
    int n = key.length();
    if (n < 10 || n > 9 + 18 || key.charAt(8) != '|') {
      return -1;
    }
    for (int i = 0; i < 8; i++) {
      char c = key.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return -1;
      }
    }
    if (n > 10 && key.charAt(9) == '0') {
      return -1; // leading zero: not the canonical spelling of a number, keep it distinct by hashing
    }
    long t = 0;
    for (int i = 9; i < n; i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      t = t * 10 + (c - '0');
    }
    return t; // at most 18 digits: below 10^18 < 2^62
  }

  private static int hexId(String key) {
    int v = 0;
    for (int i = 0; i < 8; i++) {
      char c = key.charAt(i);
      v = v << 4 | (c <= '9' ? c - '0' : c - 'a' + 10);
    }
    return v;
  }

  private static long hash(String s, long seed) {
    long h = seed ^ (s.length() * 0xFF51AFD7ED558CCDL);
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001B3L;
      h = Long.rotateLeft(h, 29) + seed;
    }
    return mix(h);
  }

  /** MurmurHash3's 64-bit finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }
}
