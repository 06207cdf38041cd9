package io.clawmetry.api;

/** Where a cost figure came from. */
public enum CostSource {
  /**
   * Recorded by OpenClaw in the transcript when the call was made. Also the source of a row (or model line) whose
   * only calls cost a known $0 without a price: zero-token calls and failed calls (error rows). There is no cost to
   * estimate and nothing unpriced, and OpenClaw logged these calls with their zero usage.
   */
  RECORDED,
  /** Estimated by ClawMetry from a price table. */
  ESTIMATED,
  /** A sum of figures of different sources: recorded, estimated or unknown (unpriced calls count as $0). */
  MIXED,
  /**
   * No recorded cost and no price found: counted as zero and listed in warnings. A row is unknown only when every
   * call in it with tokens is.
   */
  UNKNOWN;

  /**
   * The source of a sum of a figure from {@code this} and one from {@code other}: the same source if equal, else
   * MIXED (an unknown figure next to a known one too: the sum hides a $0 that is not a real cost).
   */
  public CostSource plus(CostSource other) {
    return this == other ? this : MIXED;
  }
}
