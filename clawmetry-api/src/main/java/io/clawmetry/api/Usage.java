package io.clawmetry.api;

/**
 * Token usage of one model call, normalised from every spelling OpenClaw and providers use. {@code input} is the
 * uncached prompt; the four counters are never folded together.
 *
 * @param input uncached input tokens
 * @param output output tokens (reasoning included)
 * @param cacheRead tokens read from the prompt cache
 * @param cacheWrite tokens written to the prompt cache, with either lifetime (5 minutes or 1 hour)
 * @param total the total as recorded, else the sum of the four
 * @param reasoning reasoning tokens (already inside {@code output}), 0 when not reported
 * @param recordedCost the cost OpenClaw wrote at the time, or null when it wrote none
 * @param cacheWrite1h the part of {@code cacheWrite} written to the 1-hour cache (Anthropic's {@code
 *     cache_creation.ephemeral_1h_input_tokens}, OpenClaw's {@code cacheWrite1h}), 0 when not reported; never negative
 *     and never more than {@code cacheWrite} (0 when {@code cacheWrite} is not positive). The rest of {@code
 *     cacheWrite} is the 5-minute cache, priced differently.
 */
public record Usage(
    long input,
    long output,
    long cacheRead,
    long cacheWrite,
    long total,
    long reasoning,
    RecordedCost recordedCost,
    long cacheWrite1h) {

  /** A usage with every counter zero. */
  public static final Usage ZERO = new Usage(0, 0, 0, 0, 0, 0, null);

  /**
   * Checks that {@code cacheWrite1h} is a part of {@code cacheWrite}.
   *
   * @throws IllegalArgumentException when {@code cacheWrite1h} is negative or above {@code max(0, cacheWrite)}
   */
  public Usage {
    if (cacheWrite1h < 0 || cacheWrite1h > Math.max(0, cacheWrite)) {
      throw new IllegalArgumentException(
          "cacheWrite1h " + cacheWrite1h + " is not a part of cacheWrite " + cacheWrite);
    }
  }

  /** A usage without a 1-hour cache count ({@code cacheWrite1h} 0). */
  public Usage(
      long input, long output, long cacheRead, long cacheWrite, long total, long reasoning, RecordedCost recordedCost) {
    this(input, output, cacheRead, cacheWrite, total, reasoning, recordedCost, 0);
  }

  /** Whether every token counter is zero ({@code cacheWrite1h} is then zero too, being part of {@code cacheWrite}). */
  public boolean isZero() {
    return input == 0 && output == 0 && cacheRead == 0 && cacheWrite == 0 && total == 0;
  }
}
