package io.clawmetry.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The state of an installation at a glance.
 *
 * @param asOf when it was computed (the facade's clock)
 * @param today the current day in {@code zone}
 * @param zone the time zone of the day, week and month figures
 * @param costToday cost of today's model calls (auto cost mode)
 * @param costThisWeek cost since the start of the week (Monday)
 * @param costThisMonth cost since the first of the month
 * @param projectedMonth this month's cost extrapolated linearly to the month's end
 * @param tokensToday tokens of today's model calls
 * @param activeSessions sessions updated within the last 30 minutes: {@code now - 30 min <= updatedAt <= now + 1 min}
 *     (one minute of clock skew allowed; a session updated later than that is not active)
 * @param sessions sessions in all
 * @param topModels this month's models by cost, at most five
 * @param failingCrons cron jobs whose last run failed or that have consecutive errors
 * @param warnings the home's warnings ({@link ClawMetry#warnings()}) and those of the overview's own usage reports
 *     (auto cost mode), never those of another query
 */
public record Overview(
    Instant asOf,
    LocalDate today,
    String zone,
    BigDecimal costToday,
    BigDecimal costThisWeek,
    BigDecimal costThisMonth,
    BigDecimal projectedMonth,
    TokenCounts tokensToday,
    List<SessionInfo> activeSessions,
    int sessions,
    List<UsageLine> topModels,
    List<CronJob> failingCrons,
    List<Warning> warnings) {
  public Overview {
    activeSessions = List.copyOf(activeSessions);
    topModels = List.copyOf(topModels);
    failingCrons = List.copyOf(failingCrons);
    warnings = List.copyOf(warnings);
  }
}
