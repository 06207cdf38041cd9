package io.clawmetry.http;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.CronJob;
import io.clawmetry.api.SessionInfo;
import io.clawmetry.api.UsageLine;
import io.clawmetry.api.UsagePeriod;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageReport;
import io.clawmetry.api.UsageRow;
import io.clawmetry.api.Warning;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /metrics} in the Prometheus text exposition format 0.0.4: tokens (and apart, the 1-hour part of the cache
 * writes), cost and calls by agent, provider and
 * model (all time, auto cost mode), sessions by kind, cron jobs and their failures, scan warnings by kind. Every
 * family has {@code # HELP} and {@code # TYPE}; label values are escaped ({@code \\}, {@code \"}, {@code \n}).
 */
final class PrometheusMetrics {

  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final ClawMetry cm;

  PrometheusMetrics(ClawMetry cm) {
    this.cm = cm;
  }

  /** The whole exposition. */
  String scrape() {
    StringBuilder sb = new StringBuilder(4096);
    UsageReport byAgent = cm.usage(UsageQuery.daily(ZoneOffset.UTC).withPeriod(UsagePeriod.AGENT));
    header(sb, "clawmetry_tokens_total", "counter", "Tokens of counted model calls by agent, provider, model and type.");
    for (UsageRow r : byAgent.rows()) {
      for (UsageLine l : r.models()) {
        String base = labels("agent", r.key(), "provider", l.provider(), "model", l.model());
        sample(sb, "clawmetry_tokens_total", base, "type", "input", l.tokens().input());
        sample(sb, "clawmetry_tokens_total", base, "type", "output", l.tokens().output());
        sample(sb, "clawmetry_tokens_total", base, "type", "cache_read", l.tokens().cacheRead());
        sample(sb, "clawmetry_tokens_total", base, "type", "cache_write", l.tokens().cacheWrite());
      }
    }
    header(sb, "clawmetry_cache_write_1h_tokens_total", "counter",
        "The part of the cache_write tokens written to the 1-hour cache, by agent, provider and model.");
    for (UsageRow r : byAgent.rows()) {
      for (UsageLine l : r.models()) {
        sb.append("clawmetry_cache_write_1h_tokens_total")
            .append(labels("agent", r.key(), "provider", l.provider(), "model", l.model()))
            .append(' ')
            .append(l.tokens().cacheWrite1h())
            .append('\n');
      }
    }
    header(sb, "clawmetry_cost_usd_total", "counter", "Cost in US dollars (recorded, else estimated) by agent, provider and model.");
    for (UsageRow r : byAgent.rows()) {
      for (UsageLine l : r.models()) {
        sb.append("clawmetry_cost_usd_total")
            .append(labels("agent", r.key(), "provider", l.provider(), "model", l.model()))
            .append(' ')
            .append(decimal(l.cost()))
            .append('\n');
      }
    }
    header(sb, "clawmetry_model_calls_total", "counter", "Counted model calls by agent, provider and model.");
    for (UsageRow r : byAgent.rows()) {
      for (UsageLine l : r.models()) {
        sb.append("clawmetry_model_calls_total")
            .append(labels("agent", r.key(), "provider", l.provider(), "model", l.model()))
            .append(' ')
            .append(l.calls())
            .append('\n');
      }
    }
    header(sb, "clawmetry_model_call_errors_total", "counter", "Failed model calls (no usage) by agent.");
    for (UsageRow r : byAgent.rows()) {
      sb.append("clawmetry_model_call_errors_total").append(labels("agent", r.key())).append(' ').append(r.errors())
          .append('\n');
    }
    Map<String, Integer> kinds = new TreeMap<>();
    for (SessionInfo s : cm.sessions().items()) {
      kinds.merge(s.kind().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
    header(sb, "clawmetry_sessions", "gauge", "Known sessions by kind.");
    kinds.forEach((k, v) -> sb.append("clawmetry_sessions").append(labels("kind", k)).append(' ').append(v).append('\n'));
    header(sb, "clawmetry_cron_jobs", "gauge", "Cron jobs by enabled state.");
    int enabled = 0;
    int disabled = 0;
    int failing = 0;
    StringBuilder errs = new StringBuilder();
    for (CronJob j : cm.crons().items()) {
      if (j.enabled()) {
        enabled++;
      } else {
        disabled++;
      }
      int consecutive = j.state() == null ? 0 : j.state().consecutiveErrors();
      boolean lastFailed = j.state() != null && "error".equals(j.state().lastStatus());
      if (consecutive > 0 || lastFailed) {
        failing++;
      }
      errs.append("clawmetry_cron_consecutive_errors")
          .append(labels("job_id", j.id(), "name", j.name() == null ? "" : j.name()))
          .append(' ')
          .append(consecutive)
          .append('\n');
    }
    sb.append("clawmetry_cron_jobs").append(labels("enabled", "true")).append(' ').append(enabled).append('\n');
    sb.append("clawmetry_cron_jobs").append(labels("enabled", "false")).append(' ').append(disabled).append('\n');
    header(sb, "clawmetry_cron_failing_jobs", "gauge", "Cron jobs whose last run failed or with consecutive errors.");
    sb.append("clawmetry_cron_failing_jobs ").append(failing).append('\n');
    header(sb, "clawmetry_cron_consecutive_errors", "gauge", "Consecutive failed runs of each cron job.");
    sb.append(errs);
    Map<String, Long> warnings = new TreeMap<>();
    for (Warning w : cm.warnings()) {
      warnings.merge(w.kind().name().toLowerCase(Locale.ROOT), (long) Math.max(1, w.count()), Long::sum);
    }
    header(sb, "clawmetry_scan_warnings", "gauge", "Problems met reading the OpenClaw home, by kind.");
    warnings.forEach(
        (k, v) -> sb.append("clawmetry_scan_warnings").append(labels("kind", k)).append(' ').append(v).append('\n'));
    return sb.toString();
  }

  private static void header(StringBuilder sb, String name, String type, String help) {
    sb.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
    sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void sample(StringBuilder sb, String name, String base, String k, String v, long value) {
    String extra = k + "=\"" + escape(v) + "\"";
    String ls = base.isEmpty() ? "{" + extra + "}" : base.substring(0, base.length() - 1) + "," + extra + "}";
    sb.append(name).append(ls).append(' ').append(value).append('\n');
  }

  /** {@code {k1="v1",k2="v2"}} with escaped values. */
  static String labels(String... kv) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < kv.length; i += 2) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(kv[i]).append("=\"").append(escape(kv[i + 1] == null ? "" : kv[i + 1])).append('"');
    }
    return sb.append('}').toString();
  }

  /** Escapes a label value: backslash, double quote and line feed. */
  static String escape(String v) {
    return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String decimal(BigDecimal d) {
    return d == null ? "0" : d.toPlainString();
  }
}
