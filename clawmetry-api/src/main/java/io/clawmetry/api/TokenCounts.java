package io.clawmetry.api;

/**
 * Token counters of a bucket, never folded together.
 *
 * @param input uncached input
 * @param output output
 * @param cacheRead cache reads
 * @param cacheWrite cache writes
 * @param total the sum of recorded totals
 */
public record TokenCounts(long input, long output, long cacheRead, long cacheWrite, long total) {

  /** All zero. */
  public static final TokenCounts ZERO = new TokenCounts(0, 0, 0, 0, 0);

  /** The sum of two counts. */
  public TokenCounts plus(TokenCounts o) {
    return new TokenCounts(
        input + o.input, output + o.output, cacheRead + o.cacheRead, cacheWrite + o.cacheWrite, total + o.total);
  }

  /** The counts of one call. */
  public static TokenCounts of(Usage u) {
    return new TokenCounts(u.input(), u.output(), u.cacheRead(), u.cacheWrite(), u.total());
  }
}
