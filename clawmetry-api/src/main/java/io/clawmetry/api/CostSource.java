package io.clawmetry.api;

/** Where a cost figure came from. */
public enum CostSource {
  /** Recorded by OpenClaw in the transcript when the call was made. */
  RECORDED,
  /** Estimated by ClawMetry from a price table. */
  ESTIMATED,
  /** A sum of recorded and estimated figures. */
  MIXED,
  /** No recorded cost and no price found: counted as zero and listed in warnings. */
  UNKNOWN;

  /**
   * The source of a sum of a figure from {@code this} and one from {@code other}: the same source if equal; a known
   * source absorbs UNKNOWN (unknown messages are counted separately); RECORDED with ESTIMATED is MIXED.
   */
  public CostSource plus(CostSource other) {
    if (this == other || other == UNKNOWN) {
      return this;
    }
    if (this == UNKNOWN) {
      return other;
    }
    return MIXED;
  }
}
