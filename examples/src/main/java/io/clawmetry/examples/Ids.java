package io.clawmetry.examples;

import java.util.Random;

/** Deterministic identifiers: every id of the example home comes from one seeded random source. */
final class Ids {
  private final Random random;

  Ids(long seed) {
    this.random = new Random(seed);
  }

  /** A random version-4 UUID in canonical lower-case form. */
  String uuid() {
    long hi = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long lo = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    String hex = String.format("%016x%016x", hi, lo);
    return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20)
        + "-" + hex.substring(20);
  }

  /** An 8-hex-digit entry id as pi wrote them in session version 3. */
  String shortHex() {
    return String.format("%08x", random.nextInt() & 0xffffffffL);
  }

  /** A uniformly drawn int in {@code [from, to]}. */
  int between(int from, int to) {
    return from + random.nextInt(to - from + 1);
  }
}
