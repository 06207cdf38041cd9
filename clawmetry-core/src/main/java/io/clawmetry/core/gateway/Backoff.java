package io.clawmetry.core.gateway;

import java.time.Duration;
import java.util.Random;

/** Exponential backoff with ±25 % jitter: base, 2×base, 4×base, … capped at max. */
final class Backoff {

  private final long baseMs;
  private final long maxMs;
  private final Random random;
  private int attempt;

  Backoff(Duration base, Duration max, Random random) {
    this.baseMs = Math.max(1, base.toMillis());
    this.maxMs = Math.max(baseMs, max.toMillis());
    this.random = random;
  }

  /** The next delay in milliseconds. */
  synchronized long nextDelayMs() {
    long d = baseMs << Math.min(attempt, 20);
    attempt++;
    d = Math.min(d, maxMs);
    double jitter = 0.75 + random.nextDouble() * 0.5;
    return Math.max(1, Math.min(maxMs, (long) (d * jitter)));
  }

  /** Back to the first delay (after a successful connect). */
  synchronized void reset() {
    attempt = 0;
  }
}
