package io.clawmetry.core.usage;

import io.clawmetry.api.RecordedCost;
import io.clawmetry.api.Usage;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link #SIZE} rows of calls, one array per field (54 bytes a row): session and provider/model as numbers into the
 * store's tables, the timestamp as epoch second and nano, the six token counters as ints, the recorded total cost as
 * unscaled long and scale. What does not fit (a counter beyond an int, a cost beyond a long or with its parts) is
 * kept exactly in a side map, empty on real data. Rows are written once, by one writer, before any reader is given
 * them; the side map is concurrent because the writer may add to it while a reader reads older rows.
 */
final class CallChunk {

  static final int SHIFT = 10;
  static final int SIZE = 1 << SHIFT;
  static final int MASK = SIZE - 1;

  private static final int TOKENS = 6;
  private static final int WIDE = Integer.MIN_VALUE; // the counter is in the side map
  private static final int ERROR = 1;
  private static final int NO_TIME = 2;
  private static final int NO_USAGE = 4;
  private static final int COST_SHIFT = 3;
  private static final int NO_COST = 0;
  private static final int NULL_TOTAL = 1; // a RecordedCost whose parts and total are all null
  private static final int INLINE = 2; // only a total, in costUnscaled/costScale
  private static final int SIDE = 3; // the whole RecordedCost in the side map

  private final int[] session = new int[SIZE];
  private final int[] names = new int[SIZE];
  private final long[] second = new long[SIZE];
  private final int[] nano = new int[SIZE];
  private final int[] tokens = new int[SIZE * TOKENS];
  private final long[] costUnscaled = new long[SIZE];
  private final byte[] costScale = new byte[SIZE];
  private final byte[] flags = new byte[SIZE];
  private Map<Integer, Object> side;

  /** Writes row {@code r}. */
  void set(int r, Call c, int sessionNumber, int namesNumber) {
    session[r] = sessionNumber;
    names[r] = namesNumber;
    int f = c.error() ? ERROR : 0;
    Instant t = c.timestamp();
    if (t == null) {
      f |= NO_TIME;
    } else {
      second[r] = t.getEpochSecond();
      nano[r] = t.getNano();
    }
    Usage u = c.usage();
    if (u == null) {
      f |= NO_USAGE;
    } else {
      int at = r * TOKENS;
      token(at, u.input());
      token(at + 1, u.output());
      token(at + 2, u.cacheRead());
      token(at + 3, u.cacheWrite());
      token(at + 4, u.total());
      token(at + 5, u.reasoning());
      f |= cost(r, u.recordedCost()) << COST_SHIFT;
    }
    flags[r] = (byte) f;
  }

  /** Row {@code r}, with the store's tables as of a moment after it was written. */
  Call get(int r, Object[] sessions, Object[] pairs) {
    int f = flags[r];
    Instant t = (f & NO_TIME) != 0 ? null : Instant.ofEpochSecond(second[r], nano[r]);
    Usage u = null;
    if ((f & NO_USAGE) == 0) {
      int at = r * TOKENS;
      u = new Usage(token(at), token(at + 1), token(at + 2), token(at + 3), token(at + 4), token(at + 5),
          cost(r, f >>> COST_SHIFT & 3));
    }
    CallColumns.Names n = NameTable.value(pairs, names[r]);
    return new Call(NameTable.value(sessions, session[r]), t, n.provider(), n.model(), u, (f & ERROR) != 0);
  }

  private void token(int at, long v) {
    if (v != WIDE && v == (int) v) {
      tokens[at] = (int) v;
    } else {
      tokens[at] = WIDE;
      side().put(at, v); // keys: token slots (< SIZE * 6), then SIZE * 6 + row for costs
    }
  }

  private long token(int at) {
    int v = tokens[at];
    return v != WIDE ? v : (Long) side.get(at);
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
          costUnscaled[r] = unscaled.longValue();
          costScale[r] = (byte) total.scale();
          return INLINE;
        }
      }
    }
    side().put(SIZE * TOKENS + r, c);
    return SIDE;
  }

  private RecordedCost cost(int r, int kind) {
    switch (kind) {
      case NO_COST:
        return null;
      case NULL_TOTAL:
        return new RecordedCost(null, null, null, null, null);
      case INLINE:
        return new RecordedCost(null, null, null, null, BigDecimal.valueOf(costUnscaled[r], costScale[r]));
      default:
        return (RecordedCost) side.get(SIZE * TOKENS + r);
    }
  }

  private Map<Integer, Object> side() {
    if (side == null) {
      side = new ConcurrentHashMap<>();
    }
    return side;
  }
}
