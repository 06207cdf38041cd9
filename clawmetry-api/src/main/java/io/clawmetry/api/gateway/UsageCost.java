package io.clawmetry.api.gateway;

import java.util.List;

/**
 * {@code usage.cost}: daily token and cost totals from the gateway's rollup cache.
 *
 * @param days the number of days covered
 * @param daily one entry per day
 * @param totals the totals
 * @param cacheStatus the cache state (see {@link CacheStatus#provisional()})
 * @param provisional true when these numbers must not be shown as final (cache not fresh)
 */
public record UsageCost(
    Integer days, List<DailyUsage> daily, UsageTotals totals, CacheStatus cacheStatus, boolean provisional) {

  public UsageCost {
    daily = List.copyOf(daily);
  }
}
