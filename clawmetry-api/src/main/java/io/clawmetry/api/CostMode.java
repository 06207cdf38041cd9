package io.clawmetry.api;

/** How costs are obtained, as in ccusage. */
public enum CostMode {
  /** The cost OpenClaw recorded when present and non-zero for non-zero tokens; otherwise estimated. */
  AUTO,
  /** Always estimated from prices, ignoring recorded costs. */
  CALCULATE,
  /** Only recorded costs; messages without one count as unknown. */
  DISPLAY
}
