package io.clawmetry.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The cost of one model call as every report prices it (the one cost function): the cost OpenClaw recorded, or an
 * estimate from prices where none was recorded (or a zero was recorded for real tokens), per the {@link CostMode}.
 *
 * @param amount the cost in USD, exact; zero when {@code source} is {@link CostSource#UNKNOWN}
 * @param source where the figure came from: {@link CostSource#RECORDED}, {@link CostSource#ESTIMATED} or {@link
 *     CostSource#UNKNOWN} (no price found)
 */
public record CallCost(BigDecimal amount, CostSource source) {

  /** Checks that both parts are present. */
  public CallCost {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(source, "source");
  }
}
