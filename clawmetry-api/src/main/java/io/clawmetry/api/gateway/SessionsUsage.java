package io.clawmetry.api.gateway;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code sessions.usage}: per-session usage for a date range.
 *
 * @param startDate the first day, or null
 * @param endDate the last day, or null
 * @param sessions the sessions
 * @param totals the totals
 * @param cacheStatus the cache state
 * @param provisional true when these numbers must not be shown as final (cache not fresh)
 * @param rawJson the whole payload (aggregates by model, provider, agent, channel, day, ...) as JSON text
 */
public record SessionsUsage(
    LocalDate startDate,
    LocalDate endDate,
    List<SessionUsage> sessions,
    UsageTotals totals,
    CacheStatus cacheStatus,
    boolean provisional,
    String rawJson) {

  public SessionsUsage {
    sessions = List.copyOf(sessions);
  }
}
