package io.clawmetry.core.usage;

import io.clawmetry.api.CostSource;
import io.clawmetry.api.TokenCounts;
import io.clawmetry.api.UsageLine;
import io.clawmetry.api.UsageRow;
import io.clawmetry.core.pricing.PricedCost;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A mutable accumulator for one bucket, with one line per provider/model. Not thread-safe. */
final class Bucket {

  private static final class Line {
    final String provider;
    final String model;
    TokenCounts tokens = TokenCounts.ZERO;
    BigDecimal cost = BigDecimal.ZERO;
    CostSource source;
    long calls;
    long unpriced;

    Line(String provider, String model) {
      this.provider = provider;
      this.model = model;
    }
  }

  private final String key;
  private final String agentId;
  private final Map<String, Line> lines = new LinkedHashMap<>();
  private long errors;

  Bucket(String key, String agentId) {
    this.key = key;
    this.agentId = agentId;
  }

  void addCall(Call c, PricedCost cost) {
    Line l = lines.computeIfAbsent(c.provider() + "/" + c.model(), k -> new Line(c.provider(), c.model()));
    l.tokens = l.tokens.plus(TokenCounts.of(c.usage()));
    l.cost = l.cost.add(cost.amount());
    l.source = l.source == null ? cost.source() : l.source.plus(cost.source());
    l.calls++;
    if (cost.source() == CostSource.UNKNOWN) {
      l.unpriced++;
    }
  }

  void addError() {
    errors++;
  }

  UsageRow toRow() {
    List<UsageLine> out = new ArrayList<>();
    TokenCounts tokens = TokenCounts.ZERO;
    BigDecimal cost = BigDecimal.ZERO;
    CostSource source = null;
    long calls = 0;
    long unpriced = 0;
    for (Line l : lines.values()) {
      out.add(new UsageLine(l.provider, l.model, l.tokens, plain(l.cost), l.source, l.calls, l.unpriced));
      tokens = tokens.plus(l.tokens);
      cost = cost.add(l.cost);
      source = source == null ? l.source : source.plus(l.source);
      calls += l.calls;
      unpriced += l.unpriced;
    }
    out.sort(
        Comparator.comparing(UsageLine::cost)
            .reversed()
            .thenComparing(UsageLine::provider, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(UsageLine::model, Comparator.nullsFirst(Comparator.naturalOrder())));
    return new UsageRow(
        key, agentId, tokens, plain(cost), source == null ? CostSource.UNKNOWN : source, calls, errors, unpriced, out);
  }

  /** The same amount without trailing zeros (0.114050 → 0.11405), so equal sums print alike. */
  private static BigDecimal plain(BigDecimal v) {
    return v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
  }

  /** Merges rows (for totals). */
  static UsageRow total(List<UsageRow> rows) {
    Bucket b = new Bucket("total", null);
    for (UsageRow r : rows) {
      for (UsageLine l : r.models()) {
        Line t = b.lines.computeIfAbsent(l.provider() + "/" + l.model(), k -> new Line(l.provider(), l.model()));
        t.tokens = t.tokens.plus(l.tokens());
        t.cost = t.cost.add(l.cost());
        t.source = t.source == null ? l.costSource() : t.source.plus(l.costSource());
        t.calls += l.calls();
        t.unpriced += l.unpricedCalls();
      }
      b.errors += r.errors();
    }
    return b.toRow();
  }
}
