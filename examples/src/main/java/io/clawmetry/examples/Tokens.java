package io.clawmetry.examples;

/**
 * Normalised token counts of one model call ({@code input} is uncached; the total is the sum of the four).
 *
 * @param input uncached input tokens
 * @param output output tokens (reasoning included)
 * @param cacheRead tokens read from the prompt cache
 * @param cacheWrite tokens written to the prompt cache
 */
record Tokens(long input, long output, long cacheRead, long cacheWrite) {
  static final Tokens ZERO = new Tokens(0, 0, 0, 0);

  /** {@code input + output + cacheRead + cacheWrite}. */
  long total() {
    return input + output + cacheRead + cacheWrite;
  }
}
