package io.clawmetry.core.usage;

import io.clawmetry.api.UsagePeriod;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageRow;
import io.clawmetry.core.pricing.CostFunction;
import io.clawmetry.core.pricing.PricedCost;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Puts model calls into the buckets of one query, each call in its own bucket by its own timestamp, provider and model
 * (never a whole session on its start day or its last model), priced by the one {@link CostFunction}. Not
 * thread-safe; one aggregator per report.
 */
public final class UsageAggregator {

  private final UsageQuery query;
  private final CostFunction costs;
  private final Map<BucketKey, Bucket> buckets = new HashMap<>();
  private final LocalDays days;
  private long undated;
  private final Map<String, Map<String, PartlyPriced>> partlyPriced = new java.util.TreeMap<>();
  // calls come in runs of one session and day: the last bucket, its key and the last day's key are looked up once
  private Bucket lastBucket;
  private String lastKey;
  private String lastAgent;
  private LocalDate lastDay;
  private String lastDayKey;

  /** An empty aggregation for {@code query}. */
  public UsageAggregator(UsageQuery query, CostFunction costs) {
    this.query = query;
    this.costs = costs;
    this.days = new LocalDays(query.zone());
  }

  /** Adds one call (or error row). Calls outside the query's agent or dates are ignored. */
  public void add(ModelCall m) {
    add(
        new SessionJoin(m.agentId(), m.sessionKey(), m.origin(), m.channel()),
        new Call(m.sessionId(), m.timestamp(), m.provider(), m.model(), m.usage(), m.error()));
  }

  /** Adds one call (or error row) of the session {@code s}. Calls outside the query's agent or dates are ignored. */
  public void add(SessionJoin s, Call c) {
    if (query.agentId() != null && !query.agentId().equals(s.agentId())) {
      return;
    }
    LocalDate day = c.timestamp() == null ? null : days.of(c.timestamp());
    if (day == null && (isTimeBucket() || query.since() != null || query.until() != null)) {
      undated++;
      return;
    }
    if (day != null
        && (query.since() != null && day.isBefore(query.since())
            || query.until() != null && day.isAfter(query.until()))) {
      return;
    }
    String key = key(s, c, day);
    // a row names its agent when it belongs to exactly one: a session, an agent, or any row under an agent filter
    String agent =
        query.period() == UsagePeriod.SESSION || query.period() == UsagePeriod.AGENT ? s.agentId() : query.agentId();
    Bucket b = lastBucket;
    if (b == null || !key.equals(lastKey) || !Objects.equals(agent, lastAgent)) {
      b = buckets.computeIfAbsent(new BucketKey(key, agent), k -> new Bucket(key, agent));
      lastBucket = b;
      lastKey = key;
      lastAgent = agent;
    }
    if (c.error()) {
      b.addError(c);
    } else {
      PricedCost p = costs.cost(c.usage(), c.provider(), c.model(), query.costMode(), s.agentId());
      b.addCall(c, p);
      if (p.unpricedCacheRead() > 0 || p.unpricedCacheWrite() > 0) {
        String model = (c.provider() == null ? "" : c.provider() + "/") + c.model();
        // one model can be priced by several sources (each agent's own catalog): each keeps its own tokens
        partlyPriced.computeIfAbsent(model, k -> new java.util.TreeMap<>()).merge(p.priceSource(),
            new PartlyPriced(p.priceSource(), p.unpricedCacheRead(), p.unpricedCacheWrite()), PartlyPriced::plus);
      }
    }
  }

  /**
   * Cache tokens of estimated calls that their price (of the call's tier) had no price for and that counted as $0.
   *
   * @param priceSource the price source that priced the rest of these calls
   * @param cacheRead unpriced cache-read tokens
   * @param cacheWrite unpriced cache-write tokens
   */
  public record PartlyPriced(String priceSource, long cacheRead, long cacheWrite) {
    PartlyPriced plus(PartlyPriced o) {
      return new PartlyPriced(priceSource, cacheRead + o.cacheRead, cacheWrite + o.cacheWrite);
    }
  }

  /**
   * The models ({@code provider/model}, sorted) whose estimated calls had unpriced cache tokens, with those tokens per
   * price source that estimated them (sorted by its name).
   */
  public Map<String, Map<String, PartlyPriced>> partlyPriced() {
    return partlyPriced;
  }

  /** Calls left out because they have no timestamp and the query needs one. */
  public long undated() {
    return undated;
  }

  private boolean isTimeBucket() {
    return query.period() == UsagePeriod.DAILY
        || query.period() == UsagePeriod.WEEKLY
        || query.period() == UsagePeriod.MONTHLY;
  }

  private record BucketKey(String key, String agentId) {}

  private String key(SessionJoin s, Call c, LocalDate day) {
    switch (query.period()) {
      case DAILY:
      case WEEKLY:
      case MONTHLY:
        if (day != lastDay) { // the same day as the last call gives the same (cached) LocalDate
          lastDay = day;
          lastDayKey = timeKey(day);
        }
        return lastDayKey;
      case SESSION:
        return s.sessionKey();
      case MODEL:
        return (c.provider() == null ? "" : c.provider() + "/") + c.model();
      case PROVIDER:
        return c.provider() == null ? "unknown" : c.provider();
      case AGENT:
        return s.agentId();
      case CHANNEL:
        return s.channel() == null ? "unknown" : s.channel();
      case ORIGIN:
      default:
        return c.origin(s.origin());
    }
  }

  private String timeKey(LocalDate day) {
    switch (query.period()) {
      case WEEKLY:
        return day.with(TemporalAdjusters.previousOrSame(query.startOfWeek())).toString();
      case MONTHLY:
        return YearMonth.from(day).toString();
      case DAILY:
      default:
        return day.toString();
    }
  }

  /** The rows: time buckets in ascending order, others by descending cost then key. */
  public List<UsageRow> rows() {
    List<UsageRow> rows = new ArrayList<>();
    buckets.values().forEach(b -> rows.add(b.toRow()));
    if (isTimeBucket()) {
      rows.sort(Comparator.comparing(UsageRow::key));
    } else {
      rows.sort(
          Comparator.comparing(UsageRow::cost)
              .reversed()
              .thenComparing(UsageRow::key)
              .thenComparing(UsageRow::agentId, Comparator.nullsFirst(Comparator.naturalOrder())));
    }
    return rows;
  }

  /** All rows together. */
  public static UsageRow totals(List<UsageRow> rows) {
    return Bucket.total(rows);
  }
}
