package io.clawmetry.core.view;

import io.clawmetry.api.CostSource;
import io.clawmetry.api.UsageLine;
import io.clawmetry.api.UsageReport;
import io.clawmetry.api.UsageRow;
import java.io.IOException;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV of a usage report (RFC 4180, CRLF line ends, a header row): one row per bucket and model with every token
 * column, the exact cost and where it came from. The first column is named after the period ({@code date},
 * {@code week}, {@code month}, {@code sessionId}, ...; {@code bucket} where that name is already a column). {@code
 * agentId} is filled when the bucket belongs to one agent (agent and session buckets, any bucket under an agent
 * filter). Each row's {@code errors} are the failed calls of its own model (a model whose calls all failed has a row
 * with no calls), so a bucket's errors are the sum of its rows'. {@code cacheWrite1hTokens}, the part of {@code
 * cacheWriteTokens} written to the 1-hour cache, is the last column, so that columns read by position keep their
 * place. Used by {@code clawmetry usage --csv} and {@code /api/usage.csv}.
 */
public final class UsageCsv {

  /** The columns after the bucket column. */
  public static final String[] COLUMNS = {
    "agentId", "provider", "model", "inputTokens", "outputTokens", "cacheReadTokens", "cacheWriteTokens",
    "totalTokens", "cost", "costSource", "calls", "unpricedCalls", "errors", "cacheWrite1hTokens"
  };

  private UsageCsv() {}

  /** Writes the report to {@code out}. */
  public static void write(UsageReport r, Appendable out) throws IOException {
    String[] header = new String[COLUMNS.length + 1];
    String key = UsageViews.keyName(r.query().period());
    header[0] = java.util.Arrays.asList(COLUMNS).contains(key) ? "bucket" : key;
    System.arraycopy(COLUMNS, 0, header, 1, COLUMNS.length);
    try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get())) {
      for (UsageRow row : r.rows()) {
        if (row.models().isEmpty()) {
          p.printRecord(row.key(), row.agentId(), null, null, 0, 0, 0, 0, 0, "0", source(row.costSource()), 0, 0,
              row.errors(), 0);
        }
        for (UsageLine l : row.models()) {
          p.printRecord(
              row.key(),
              row.agentId(),
              l.provider(),
              l.model(),
              l.tokens().input(),
              l.tokens().output(),
              l.tokens().cacheRead(),
              l.tokens().cacheWrite(),
              l.tokens().total(),
              l.cost().toPlainString(),
              source(l.costSource()),
              l.calls(),
              l.unpricedCalls(),
              l.errors(),
              l.tokens().cacheWrite1h());
        }
      }
      p.flush();
    }
  }

  private static String source(CostSource s) {
    return s.name().toLowerCase(Locale.ROOT);
  }
}
