package io.clawmetry.api;

import java.time.Instant;

/**
 * When a cron job runs.
 *
 * @param kind {@code at}, {@code every} or {@code cron}
 * @param expr the cron expression (kind {@code cron}), else null
 * @param timeZone the expression's time zone, or null
 * @param everyMs the interval (kind {@code every}), else null
 * @param at the single run time (kind {@code at}), else null
 */
public record CronSchedule(String kind, String expr, String timeZone, Long everyMs, Instant at) {}
