package io.clawmetry.api;

import java.util.List;

/**
 * A usage report: rows in bucket order, their totals, what was read, and what went wrong.
 *
 * @param query the query answered
 * @param rows the buckets, in ascending key order (time buckets) or by descending cost (others)
 * @param totals all rows together (key {@code total})
 * @param sources what was read
 * @param warnings problems met, including models with no price
 */
public record UsageReport(
    UsageQuery query, List<UsageRow> rows, UsageRow totals, List<SourceRef> sources, List<Warning> warnings) {
  public UsageReport {
    rows = List.copyOf(rows);
    sources = List.copyOf(sources);
    warnings = List.copyOf(warnings);
  }
}
