package io.clawmetry.core.usage;

import io.clawmetry.api.CostSource;
import io.clawmetry.api.TokenCounts;
import io.clawmetry.api.Usage;
import io.clawmetry.api.UsageLine;
import io.clawmetry.api.UsageRow;
import io.clawmetry.core.pricing.PricedCost;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A mutable accumulator for one bucket, with one line per provider/model. Each line keeps its own calls, failed calls
 * (errors) and cost source. A call with zero tokens and no cost (and a failed call) costs a known $0: it is counted but
 * does not change the source of its line or row; a line or row with only such calls is {@link CostSource#RECORDED}
 * (see there). Not thread-safe.
 */
final class Bucket {

  private static final class Line {
    final String provider;
    final String model;
    long input;
    long output;
    long cacheRead;
    long cacheWrite;
    long total;
    long cacheWrite1h;
    BigDecimal cost = BigDecimal.ZERO;
    /** The source of the calls that have a cost to tell (not free ones); null while there is none. */
    CostSource source;
    long calls;
    long unpriced;
    long errors;

    Line(String provider, String model) {
      this.provider = provider;
      this.model = model;
    }

    boolean isFor(String provider, String model) {
      return Objects.equals(this.provider, provider) && Objects.equals(this.model, model);
    }

    void add(TokenCounts t) {
      input += t.input();
      output += t.output();
      cacheRead += t.cacheRead();
      cacheWrite += t.cacheWrite();
      total += t.total();
      cacheWrite1h += t.cacheWrite1h();
    }

    void addSource(CostSource s) {
      source = source == null ? s : source.plus(s);
    }

    TokenCounts tokens() {
      return new TokenCounts(input, output, cacheRead, cacheWrite, total, cacheWrite1h);
    }
  }

  /** A line's key: provider and model as they are (no joined string, which two different pairs could share). */
  private record ModelKey(String provider, String model) {}

  private final String key;
  private final String agentId;
  private final Map<ModelKey, Line> lines = new LinkedHashMap<>();
  /** The line of the last call: calls come in runs of one session, mostly of one model. */
  private Line last;
  private Instant first;
  private Instant latest;

  Bucket(String key, String agentId) {
    this.key = key;
    this.agentId = agentId;
  }

  private void seen(Instant t) {
    if (t != null) {
      first = first == null || t.isBefore(first) ? t : first;
      latest = latest == null || t.isAfter(latest) ? t : latest;
    }
  }

  void addCall(Call c, PricedCost cost) {
    seen(c.timestamp());
    Line l = line(c.provider(), c.model());
    Usage u = c.usage();
    l.input += u.input();
    l.output += u.output();
    l.cacheRead += u.cacheRead();
    l.cacheWrite += u.cacheWrite();
    l.total += u.total();
    l.cacheWrite1h += u.cacheWrite1h();
    l.cost = l.cost.add(cost.amount());
    l.calls++;
    if (u.isZero() && cost.amount().signum() == 0) {
      return; // a known $0 whatever the mode: neither estimated nor unpriced
    }
    l.addSource(cost.source());
    if (cost.source() == CostSource.UNKNOWN) {
      l.unpriced++;
    }
  }

  private Line line(String provider, String model) {
    Line l = last;
    if (l == null || !l.isFor(provider, model)) {
      l = lines.computeIfAbsent(new ModelKey(provider, model), k -> new Line(k.provider(), k.model()));
      last = l;
    }
    return l;
  }

  /** Counts a failed call (an error row with zero usage) on its own model's line. */
  void addError(Call c) {
    seen(c.timestamp());
    line(c.provider(), c.model()).errors++;
  }

  UsageRow toRow() {
    List<UsageLine> out = new ArrayList<>();
    TokenCounts tokens = TokenCounts.ZERO;
    BigDecimal cost = BigDecimal.ZERO;
    CostSource source = null;
    long calls = 0;
    long unpriced = 0;
    long errors = 0;
    for (Line l : lines.values()) {
      TokenCounts lineTokens = l.tokens();
      out.add(new UsageLine(l.provider, l.model, lineTokens, plain(l.cost), sourceOf(l.source), l.calls, l.unpriced,
          l.errors));
      tokens = tokens.plus(lineTokens);
      cost = cost.add(l.cost);
      if (l.source != null) {
        source = source == null ? l.source : source.plus(l.source);
      }
      calls += l.calls;
      unpriced += l.unpriced;
      errors += l.errors;
    }
    out.sort(
        Comparator.comparing(UsageLine::cost)
            .reversed()
            .thenComparing(UsageLine::provider, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(UsageLine::model, Comparator.nullsFirst(Comparator.naturalOrder())));
    return new UsageRow(key, agentId, tokens, plain(cost), sourceOf(source), calls, errors, unpriced, out, first,
        latest);
  }

  /** Only free calls (zero tokens, no cost) or failed ones: their $0 is known, as if recorded. */
  private static CostSource sourceOf(CostSource s) {
    return s == null ? CostSource.RECORDED : s;
  }

  /** The same amount without trailing zeros (0.114050 → 0.11405), so equal sums print alike. */
  private static BigDecimal plain(BigDecimal v) {
    return v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
  }

  /**
   * Merges rows (for totals). A line with no tokens and no cost had only free or failed calls and leaves the source
   * as it is, as in the rows. The totals name an agent when every row names the same one.
   */
  static UsageRow total(List<UsageRow> rows) {
    String agent = rows.isEmpty() ? null : rows.get(0).agentId();
    for (UsageRow r : rows) {
      if (!Objects.equals(agent, r.agentId())) {
        agent = null;
        break;
      }
    }
    Bucket b = new Bucket("total", agent);
    for (UsageRow r : rows) {
      b.seen(r.firstActivity());
      b.seen(r.lastActivity());
      for (UsageLine l : r.models()) {
        Line t = b.line(l.provider(), l.model());
        t.add(l.tokens());
        t.cost = t.cost.add(l.cost());
        if (!isFree(l)) {
          t.addSource(l.costSource());
        }
        t.calls += l.calls();
        t.unpriced += l.unpricedCalls();
        t.errors += l.errors();
      }
    }
    return b.toRow();
  }

  private static boolean isFree(UsageLine l) {
    return l.unpricedCalls() == 0 && l.cost().signum() == 0 && l.tokens().equals(TokenCounts.ZERO);
  }
}
