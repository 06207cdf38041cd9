package io.clawmetry.api.gateway;

import java.time.LocalDate;

/**
 * One day of {@code usage.cost}.
 *
 * @param date the day (in the gateway's reporting zone)
 * @param totals the day's totals
 */
public record DailyUsage(LocalDate date, UsageTotals totals) {}
