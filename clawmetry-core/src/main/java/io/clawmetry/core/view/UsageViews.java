package io.clawmetry.core.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.UsageLine;
import io.clawmetry.api.UsagePeriod;
import io.clawmetry.api.UsageReport;
import io.clawmetry.api.UsageRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;

/**
 * The JSON of a usage report, with ccusage's key names ({@code daily[].date}, {@code inputTokens},
 * {@code cacheCreationTokens}, {@code totalCost}, {@code modelsUsed}, {@code modelBreakdowns}, {@code totals}) so that
 * tools written for ccusage read it, plus ClawMetry's own fields ({@code cacheCreation1hTokens}: the part of {@code
 * cacheCreationTokens} written to the 1-hour cache; {@code costSource}, {@code calls}, {@code errors}, {@code
 * unpricedCalls}, {@code agentId}, {@code warnings}). Each model breakdown carries its own model's {@code errors}
 * (failed calls); a row's are their sum. {@code agentId} is there when a row belongs to one agent (agent and session
 * rows, every row under an agent filter). Session rows also have ccusage's {@code projectPath} ({@value
 * #PROJECT_PATH}, as ccusage writes it for OpenClaw), {@code firstActivity} and {@code
 * lastActivity}: the times of the session's earliest and latest call (ISO-8601 UTC with milliseconds, as ccusage writes
 * them: {@code 2026-01-31T11:07:54.000Z}; null when no call has one).
 */
public final class UsageViews {

  private UsageViews() {}

  /**
   * The {@code projectPath} of a session row: the one ccusage gives every OpenClaw session (it has no project; the
   * agent is in {@code agentId}).
   */
  public static final String PROJECT_PATH = "OpenClaw";

  /** The array name for a period: {@code daily}, {@code weekly}, {@code monthly}, {@code sessions}, ... */
  public static String arrayName(UsagePeriod p) {
    switch (p) {
      case DAILY:
        return "daily";
      case WEEKLY:
        return "weekly";
      case MONTHLY:
        return "monthly";
      case SESSION:
        return "sessions";
      case MODEL:
        return "models";
      case PROVIDER:
        return "providers";
      case AGENT:
        return "agents";
      case CHANNEL:
        return "channels";
      case ORIGIN:
      default:
        return "origins";
    }
  }

  /** The key name of a row's bucket: {@code date}, {@code week}, {@code month}, {@code sessionId}, ... */
  public static String keyName(UsagePeriod p) {
    switch (p) {
      case DAILY:
        return "date";
      case WEEKLY:
        return "week";
      case MONTHLY:
        return "month";
      case SESSION:
        return "sessionId";
      default:
        return p.name().toLowerCase(Locale.ROOT);
    }
  }

  /** The whole report. */
  public static ObjectNode report(UsageReport r) {
    ObjectNode o = JsonViews.object();
    UsagePeriod p = r.query().period();
    ArrayNode rows = o.putArray(arrayName(p));
    for (UsageRow row : r.rows()) {
      ObjectNode x = JsonViews.object();
      x.put(keyName(p), row.key());
      if (row.agentId() != null) {
        x.put("agentId", row.agentId());
      }
      counters(x, row);
      if (p == UsagePeriod.SESSION) { // ccusage's session rows have them
        x.put("projectPath", PROJECT_PATH);
        x.put("firstActivity", activity(row.firstActivity()));
        x.put("lastActivity", activity(row.lastActivity()));
      }
      ArrayNode used = x.putArray("modelsUsed");
      modelsUsed(row).forEach(used::add);
      ArrayNode breakdowns = x.putArray("modelBreakdowns");
      for (UsageLine l : row.models()) {
        ObjectNode b = JsonViews.object();
        b.put("modelName", modelName(l));
        b.put("provider", l.provider());
        b.put("inputTokens", l.tokens().input());
        b.put("outputTokens", l.tokens().output());
        b.put("cacheCreationTokens", l.tokens().cacheWrite());
        b.put("cacheCreation1hTokens", l.tokens().cacheWrite1h());
        b.put("cacheReadTokens", l.tokens().cacheRead());
        b.put("totalTokens", l.tokens().total());
        b.put("cost", money(l.cost()));
        b.put("costSource", l.costSource().name().toLowerCase(Locale.ROOT));
        b.put("calls", l.calls());
        b.put("errors", l.errors());
        b.put("unpricedCalls", l.unpricedCalls());
        breakdowns.add(b);
      }
      rows.add(x);
    }
    ObjectNode totals = o.putObject("totals");
    counters(totals, r.totals());
    o.put("costMode", r.query().costMode().name().toLowerCase(Locale.ROOT));
    o.put("timezone", r.query().zone().getId());
    o.set("warnings", JsonViews.warnings(r.warnings()));
    return o;
  }

  /** ccusage's (JavaScript's {@code toISOString()}) form: UTC with exactly three fractional digits. */
  private static final DateTimeFormatter ACTIVITY = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

  /** A session's first or last activity as ccusage writes it ({@code 2026-01-31T11:07:54.000Z}), or null. */
  static String activity(Instant i) {
    return i == null ? null : ACTIVITY.format(i);
  }

  /**
   * A cost as ccusage types it, a JSON float: the exact amount, with one fractional zero when it has no fractional
   * digits ({@code 0.0}, {@code 12.0}; {@code 0.0097612} as it is).
   */
  static BigDecimal money(BigDecimal v) {
    return v == null || v.scale() > 0 ? v : v.setScale(1);
  }

  private static void counters(ObjectNode x, UsageRow row) {
    x.put("inputTokens", row.tokens().input());
    x.put("outputTokens", row.tokens().output());
    x.put("cacheCreationTokens", row.tokens().cacheWrite());
    x.put("cacheCreation1hTokens", row.tokens().cacheWrite1h());
    x.put("cacheReadTokens", row.tokens().cacheRead());
    x.put("totalTokens", row.tokens().total());
    x.put("totalCost", money(row.cost()));
    x.put("costSource", row.costSource().name().toLowerCase(Locale.ROOT));
    x.put("calls", row.calls());
    x.put("errors", row.errors());
    x.put("unpricedCalls", row.unpricedCalls());
  }

  /**
   * The distinct names of the models with counted calls in a row ({@code modelsUsed}); a model whose calls all failed
   * has a breakdown line (with its errors) but is not among them.
   */
  public static java.util.List<String> modelsUsed(UsageRow row) {
    return row.models().stream().filter(l -> l.calls() > 0).map(UsageViews::modelName).distinct().toList();
  }

  /** The name shown for calls whose message names no model. */
  public static final String UNKNOWN_MODEL = "unknown";

  /**
   * The model's display name: the model id alone (ccusage's {@code modelName}); {@value #UNKNOWN_MODEL} for calls
   * without one.
   */
  public static String modelName(UsageLine l) {
    return l.model() != null ? l.model() : UNKNOWN_MODEL;
  }
}
