package io.clawmetry.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What usage to report and how.
 *
 * @param period the bucketing
 * @param since first day included (in {@code zone}), or null for no lower bound
 * @param until last day included (in {@code zone}), or null for no upper bound
 * @param zone the time zone that decides which day a message belongs to
 * @param startOfWeek the first day of a week for {@link UsagePeriod#WEEKLY}
 * @param costMode how costs are obtained
 * @param agentId only this agent, or null for all
 */
public record UsageQuery(
    UsagePeriod period,
    LocalDate since,
    LocalDate until,
    ZoneId zone,
    DayOfWeek startOfWeek,
    CostMode costMode,
    String agentId) {

  public UsageQuery {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(startOfWeek, "startOfWeek");
    Objects.requireNonNull(costMode, "costMode");
  }

  /** Daily usage in {@code zone}, all time, cost mode auto, weeks starting on Monday. */
  public static UsageQuery daily(ZoneId zone) {
    return new UsageQuery(UsagePeriod.DAILY, null, null, zone, DayOfWeek.MONDAY, CostMode.AUTO, null);
  }

  /** The same query with another period. */
  public UsageQuery withPeriod(UsagePeriod p) {
    return new UsageQuery(p, since, until, zone, startOfWeek, costMode, agentId);
  }

  /** The same query restricted to days {@code since}..{@code until} (inclusive; null = open). */
  public UsageQuery between(LocalDate since, LocalDate until) {
    return new UsageQuery(period, since, until, zone, startOfWeek, costMode, agentId);
  }

  /** The same query with another cost mode. */
  public UsageQuery withCostMode(CostMode mode) {
    return new UsageQuery(period, since, until, zone, startOfWeek, mode, agentId);
  }

  /** The same query for one agent (null = all). */
  public UsageQuery forAgent(String agent) {
    return new UsageQuery(period, since, until, zone, startOfWeek, costMode, agent);
  }
}
