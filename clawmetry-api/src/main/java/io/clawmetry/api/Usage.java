package io.clawmetry.api;

/**
 * Token usage of one model call, normalised from every spelling OpenClaw and providers use. {@code input} is the
 * uncached prompt; the four counters are never folded together.
 *
 * @param input uncached input tokens
 * @param output output tokens (reasoning included)
 * @param cacheRead tokens read from the prompt cache
 * @param cacheWrite tokens written to the prompt cache
 * @param total the total as recorded, else the sum of the four
 * @param reasoning reasoning tokens (already inside {@code output}), 0 when not reported
 * @param recordedCost the cost OpenClaw wrote at the time, or null when it wrote none
 */
public record Usage(
    long input, long output, long cacheRead, long cacheWrite, long total, long reasoning, RecordedCost recordedCost) {

  /** A usage with every counter zero. */
  public static final Usage ZERO = new Usage(0, 0, 0, 0, 0, 0, null);

  /** Whether every token counter is zero. */
  public boolean isZero() {
    return input == 0 && output == 0 && cacheRead == 0 && cacheWrite == 0 && total == 0;
  }
}
