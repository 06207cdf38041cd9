package io.clawmetry.core.usage;

import io.clawmetry.api.RecordedCost;
import io.clawmetry.api.Usage;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link #SIZE} rows of calls, one column per field (about 38 bytes a row on real data): session and provider/model
 * as numbers into the store's tables, the timestamp as epoch second and nano, the token counters and the recorded
 * total's unscaled value in {@link LongColumn}s (4 bytes a value that fits an int, none for a column of zeros; the
 * total is kept as its difference from the sum of the four counters; the 1-hour part of the cache writes, zero unless
 * a provider reports it, costs nothing until a row has one), the total's scale in a byte. A recorded cost
 * with parts, or whose scale does not fit a byte, is kept as it is in a side map (empty on real data). Rows are
 * written once, by one writer, before any reader is given them; the side map is concurrent because the writer may
 * add to it while a reader reads older rows.
 */
final class CallChunk {

  static final int SHIFT = 10;
  static final int SIZE = 1 << SHIFT;
  static final int MASK = SIZE - 1;

  private static final int ERROR = 1;
  private static final int NO_TIME = 2;
  private static final int NO_USAGE = 4;
  private static final int HEARTBEAT = 32; // above the two cost bits
  private static final int COST_SHIFT = 3;
  private static final int NO_COST = 0;
  private static final int NULL_TOTAL = 1; // a RecordedCost whose parts and total are all null
  private static final int INLINE = 2; // only a total, in costUnscaled/costScale
  private static final int SIDE = 3; // the whole RecordedCost in the side map

  private final int[] session = new int[SIZE];
  private final int[] names = new int[SIZE];
  private final LongColumn second = new LongColumn(SIZE);
  private final int[] nano = new int[SIZE];
  private final LongColumn input = new LongColumn(SIZE);
  private final LongColumn output = new LongColumn(SIZE);
  private final LongColumn cacheRead = new LongColumn(SIZE);
  private final LongColumn cacheWrite = new LongColumn(SIZE);
  private final LongColumn cacheWrite1h = new LongColumn(SIZE);
  private final LongColumn totalOverSum = new LongColumn(SIZE);
  private final LongColumn reasoning = new LongColumn(SIZE);
  private final LongColumn costUnscaled = new LongColumn(SIZE);
  private final byte[] costScale = new byte[SIZE];
  private final byte[] flags = new byte[SIZE];
  private Map<Integer, RecordedCost> side;

  /** Writes row {@code r}. */
  void set(int r, Call c, int sessionNumber, int namesNumber) {
    session[r] = sessionNumber;
    names[r] = namesNumber;
    int f = (c.error() ? ERROR : 0) | (c.heartbeat() ? HEARTBEAT : 0);
    Instant t = c.timestamp();
    if (t == null) {
      f |= NO_TIME;
    } else {
      second.set(r, t.getEpochSecond());
      nano[r] = t.getNano();
    }
    Usage u = c.usage();
    if (u == null) {
      f |= NO_USAGE;
    } else {
      input.set(r, u.input());
      output.set(r, u.output());
      cacheRead.set(r, u.cacheRead());
      cacheWrite.set(r, u.cacheWrite());
      cacheWrite1h.set(r, u.cacheWrite1h());
      totalOverSum.set(r, u.total() - sum(u.input(), u.output(), u.cacheRead(), u.cacheWrite())); // exact mod 2^64
      reasoning.set(r, u.reasoning());
      f |= cost(r, u.recordedCost()) << COST_SHIFT;
    }
    flags[r] = (byte) f;
  }

  /** Row {@code r}, with the store's tables as of a moment after it was written. */
  Call get(int r, Object[] sessions, Object[] pairs) {
    int f = flags[r];
    Instant t = (f & NO_TIME) != 0 ? null : Instant.ofEpochSecond(second.get(r), nano[r]);
    Usage u = null;
    if ((f & NO_USAGE) == 0) {
      long in = input.get(r);
      long out = output.get(r);
      long cr = cacheRead.get(r);
      long cw = cacheWrite.get(r);
      u = new Usage(in, out, cr, cw, sum(in, out, cr, cw) + totalOverSum.get(r), reasoning.get(r),
          cost(r, f >>> COST_SHIFT & 3), cacheWrite1h.get(r));
    }
    CallColumns.Names n = NameTable.value(pairs, names[r]);
    return new Call(NameTable.value(sessions, session[r]), t, n.provider(), n.model(), u, (f & ERROR) != 0,
        (f & HEARTBEAT) != 0);
  }

  private static long sum(long a, long b, long c, long d) {
    return a + b + c + d;
  }

  private int cost(int r, RecordedCost c) {
    if (c == null) {
      return NO_COST;
    }
    if (c.input() == null && c.output() == null && c.cacheRead() == null && c.cacheWrite() == null) {
      BigDecimal total = c.total();
      if (total == null) {
        return NULL_TOTAL;
      }
      if (total.scale() == (byte) total.scale()) {
        BigInteger unscaled = total.unscaledValue();
        if (unscaled.bitLength() < Long.SIZE) {
          costUnscaled.set(r, unscaled.longValue());
          costScale[r] = (byte) total.scale();
          return INLINE;
        }
      }
    }
    if (side == null) {
      side = new ConcurrentHashMap<>();
    }
    side.put(r, c);
    return SIDE;
  }

  private RecordedCost cost(int r, int kind) {
    switch (kind) {
      case NO_COST:
        return null;
      case NULL_TOTAL:
        return new RecordedCost(null, null, null, null, null);
      case INLINE:
        return new RecordedCost(null, null, null, null, BigDecimal.valueOf(costUnscaled.get(r), costScale[r]));
      default:
        return side.get(r);
    }
  }
}
