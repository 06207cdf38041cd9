package io.clawmetry.api;

/**
 * Token counters of a bucket, never folded together.
 *
 * @param input uncached input
 * @param output output
 * @param cacheRead cache reads
 * @param cacheWrite cache writes
 * @param total the sum of recorded totals
 * @param cacheWrite1h the part of {@code cacheWrite} written to the 1-hour cache (priced apart), 0 when not reported
 */
public record TokenCounts(long input, long output, long cacheRead, long cacheWrite, long total, long cacheWrite1h) {

  /** All zero. */
  public static final TokenCounts ZERO = new TokenCounts(0, 0, 0, 0, 0, 0);

  /** Counts without a 1-hour cache part ({@code cacheWrite1h} 0). */
  public TokenCounts(long input, long output, long cacheRead, long cacheWrite, long total) {
    this(input, output, cacheRead, cacheWrite, total, 0);
  }

  /** The sum of two counts. */
  public TokenCounts plus(TokenCounts o) {
    return new TokenCounts(
        input + o.input,
        output + o.output,
        cacheRead + o.cacheRead,
        cacheWrite + o.cacheWrite,
        total + o.total,
        cacheWrite1h + o.cacheWrite1h);
  }

  /** The counts of one call. */
  public static TokenCounts of(Usage u) {
    return new TokenCounts(u.input(), u.output(), u.cacheRead(), u.cacheWrite(), u.total(), u.cacheWrite1h());
  }
}
