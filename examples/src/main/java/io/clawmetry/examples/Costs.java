package io.clawmetry.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** Cost arithmetic: the recorded cost as pi-ai computes it in doubles, and an exact estimate from the price table. */
final class Costs {
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  private Costs() {}

  /**
   * {@code usage.cost} as pi-ai writes it: {@code (price / 1e6) * tokens} per part in binary floating point, total the
   * sum of the parts (so the float noise of a real file is reproduced).
   */
  static ObjectNode recorded(ModelPrice price, Tokens tokens) {
    double input = (price.input() / 1_000_000) * tokens.input();
    double output = (price.output() / 1_000_000) * tokens.output();
    double cacheRead = (price.cacheRead() / 1_000_000) * tokens.cacheRead();
    double cacheWrite = (price.cacheWrite() / 1_000_000) * tokens.cacheWrite();
    double total = input + output + cacheRead + cacheWrite;
    ObjectNode cost = JsonOut.object();
    cost.set("input", JsonOut.number(decimal(input)));
    cost.set("output", JsonOut.number(decimal(output)));
    cost.set("cacheRead", JsonOut.number(decimal(cacheRead)));
    cost.set("cacheWrite", JsonOut.number(decimal(cacheWrite)));
    cost.set("total", JsonOut.number(decimal(total)));
    return cost;
  }

  /** The exact decimal cost of {@code tokens} at the configured price. */
  static BigDecimal estimate(ModelPrice price, Tokens tokens) {
    BigDecimal sum = BigDecimal.valueOf(price.input()).multiply(BigDecimal.valueOf(tokens.input()))
        .add(BigDecimal.valueOf(price.output()).multiply(BigDecimal.valueOf(tokens.output())))
        .add(BigDecimal.valueOf(price.cacheRead()).multiply(BigDecimal.valueOf(tokens.cacheRead())))
        .add(BigDecimal.valueOf(price.cacheWrite()).multiply(BigDecimal.valueOf(tokens.cacheWrite())));
    return sum.divide(MILLION).stripTrailingZeros();
  }

  /** The decimal a JSON writer prints for {@code value} (its shortest round-trip form). */
  static BigDecimal decimal(double value) {
    return value == 0 ? BigDecimal.ZERO : new BigDecimal(Double.toString(value));
  }
}
