package io.clawmetry.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * One bucket of a usage report.
 *
 * @param key the bucket: {@code 2026-11-20} (day), {@code 2026-11-16} (week start), {@code 2026-11} (month), a
 *     session key, {@code provider/model}, a provider, an agent id, a channel or an origin kind
 * @param agentId the agent when the bucket belongs to exactly one (session and agent buckets, every bucket of a
 *     query for one agent; the totals when all rows name the same one); else null
 * @param tokens token counters
 * @param cost exact US dollars
 * @param costSource recorded, estimated, mixed or unknown ({@link CostSource})
 * @param calls counted model calls
 * @param errors error rows (failed calls with zero usage), not counted as calls: the sum of its lines' errors
 * @param unpricedCalls calls with neither a recorded cost nor a price
 * @param models per-model lines, sorted by cost then name
 * @param firstActivity the time of the earliest call or failed call in the bucket, or null when none has one
 * @param lastActivity the time of the latest call or failed call in the bucket, or null when none has one
 */
public record UsageRow(
    String key,
    String agentId,
    TokenCounts tokens,
    BigDecimal cost,
    CostSource costSource,
    long calls,
    long errors,
    long unpricedCalls,
    List<UsageLine> models,
    java.time.Instant firstActivity,
    java.time.Instant lastActivity) {
  public UsageRow {
    models = List.copyOf(models);
  }
}
