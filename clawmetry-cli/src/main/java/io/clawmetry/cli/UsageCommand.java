package io.clawmetry.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.CostMode;
import io.clawmetry.api.UsageLine;
import io.clawmetry.api.UsagePeriod;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageReport;
import io.clawmetry.api.UsageRow;
import io.clawmetry.api.Warning;
import io.clawmetry.core.view.JsonViews;
import io.clawmetry.core.view.UsageArguments;
import io.clawmetry.core.view.UsageCsv;
import io.clawmetry.core.view.UsageViews;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code clawmetry usage [period]}: tokens and cost per day, week, month, session, model, agent, ... */
@Command(name = "usage", description = "Token usage and cost, by day (default) or another period.")
final class UsageCommand implements Callable<Integer> {

  @ParentCommand RootCommand root;
  @Mixin HomeOption home;
  @Mixin PricingOptions pricing;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PERIOD",
      description = "daily (default), weekly, monthly, session, model, provider, agent, channel, origin.")
  String period = "daily";

  @Option(names = "--since", paramLabel = "DATE", description = "First day included (YYYY-MM-DD or YYYYMMDD).")
  String since;

  @Option(names = "--until", paramLabel = "DATE", description = "Last day included (YYYY-MM-DD or YYYYMMDD).")
  String until;

  @Option(
      names = {"-z", "--timezone"},
      paramLabel = "ZONE",
      description = "IANA time zone deciding a message's day (default: the system zone).")
  String timezone;

  @Option(names = "--start-of-week", paramLabel = "DAY", description = "First day of a week (default monday).")
  DayOfWeek startOfWeek = DayOfWeek.MONDAY;

  @Option(
      names = {"-m", "--mode"},
      paramLabel = "MODE",
      description = "Cost mode: auto (default), calculate, display.")
  CostMode mode = CostMode.AUTO;

  @Option(
      names = "--agent",
      paramLabel = "ID",
      description = "Only this agent (an id the home does not have: a warning, an empty report, exit 0).")
  String agent;

  @Option(names = {"-b", "--breakdown"}, description = "Show one line per model under each row.")
  boolean breakdown;

  @Option(names = "--json", description = "Print JSON (ccusage's key names plus ClawMetry's own fields).")
  boolean json;

  @Option(names = "--csv", description = "Print CSV (RFC 4180, one row per bucket and model).")
  boolean csv;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the output (the table, --csv or --json) to FILE instead of stdout; warnings of --csv still "
          + "go to stderr.")
  Path output;

  @Override
  public Integer call() {
    if (json && csv) {
      throw new CliFailure(Main.USAGE, "--json and --csv cannot be combined");
    }
    UsageQuery q =
        new UsageQuery(
            parsePeriod(period), date(since, "--since"), date(until, "--until"), zone(), startOfWeek, mode, agent);
    if (q.since() != null && q.until() != null && q.since().isAfter(q.until())) {
      throw new CliFailure(Main.USAGE, "--since " + q.since() + " is after --until " + q.until());
    }
    if (output != null) {
      Output.checkOutputFile(output); // before a long read
    }
    try (ClawMetry cm = root.ctx.open(home.home, pricing)) {
      UsageReport r = root.ctx.withProgress("reading transcripts", json || csv, () -> cm.usage(q));
      Optional<Warning> unknownAgent = CliContext.unknownAgent(cm, agent);
      if (json) {
        ObjectNode j = UsageViews.report(r);
        if (unknownAgent.isPresent()) {
          List<Warning> warnings = new ArrayList<>(r.warnings());
          warnings.add(0, unknownAgent.get());
          j.set("warnings", JsonViews.warnings(warnings)); // in place: the keys keep their order
        }
        Output.write(output, root.ctx.out, w -> w.println(JsonViews.write(j, true)));
        return Main.OK;
      }
      unknownAgent.ifPresent(w -> Output.hint(root.ctx.err, w));
      if (csv) {
        Output.write(output, root.ctx.out, w -> UsageCsv.write(r, w));
        Output.warningLines(root.ctx.err, r.warnings()); // stdout holds CSV only
        return Main.OK;
      }
      Output.write(output, root.ctx.out, w -> {
        fittingTable(r, output == null).print(w);
        Output.warnings(w, r.warnings());
      });
      return Main.OK;
    }
  }

  /**
   * The full table, or the compact one when the full one is too wide ({@link CliContext#layout}), its bucket keys
   * shortened in the middle where the compact one is still too wide.
   */
  private TextTable fittingTable(UsageReport r, boolean toStdout) {
    TextTable full = table(r, false);
    CliContext.Layout layout = root.ctx.layout(full.width(), toStdout);
    if (!layout.compact()) {
      return full;
    }
    TextTable compact = table(r, true);
    compact.fitFirstColumn(layout.columns(), MIN_KEY_WIDTH); // long session keys: shortened in the middle
    return compact;
  }

  /** The narrowest a shortened bucket key gets in a compact table. */
  private static final int MIN_KEY_WIDTH = 16;

  private TextTable table(UsageReport r, boolean compact) {
    String keyHeader = UsageViews.keyName(r.query().period()).toUpperCase(Locale.ROOT);
    TextTable t =
        compact
            ? new TextTable(keyHeader, ">INPUT", ">OUTPUT", ">TOTAL TOKENS", ">COST (USD)")
            : new TextTable(
                keyHeader, "MODELS", ">INPUT", ">OUTPUT", ">CACHE READ", ">CACHE WRITE", ">TOTAL TOKENS",
                ">COST (USD)", "SOURCE");
    for (UsageRow row : r.rows()) {
      addRow(t, compact, row.key(), models(row), row.tokens().input(), row.tokens().output(), row.tokens().cacheRead(),
          row.tokens().cacheWrite(), row.tokens().total(), row.cost(), row.costSource().name());
      if (breakdown) {
        for (UsageLine l : row.models()) {
          addRow(t, compact, "  - " + UsageViews.modelName(l), withFailed(l.provider(), l.calls(), l.errors()),
              l.tokens().input(), l.tokens().output(), l.tokens().cacheRead(), l.tokens().cacheWrite(),
              l.tokens().total(), l.cost(), l.costSource().name());
        }
      }
    }
    UsageRow tot = r.totals();
    if (compact) {
      t.totals("Total", n(tot.tokens().input()), n(tot.tokens().output()), n(tot.tokens().total()), money(tot.cost()));
    } else {
      t.totals("Total", "", n(tot.tokens().input()), n(tot.tokens().output()), n(tot.tokens().cacheRead()),
          n(tot.tokens().cacheWrite()), n(tot.tokens().total()), money(tot.cost()), lower(tot.costSource().name()));
    }
    return t;
  }

  private static void addRow(TextTable t, boolean compact, String key, String models, long in, long outTok, long cr,
      long cw, long total, BigDecimal cost, String source) {
    if (compact) {
      t.row(key, n(in), n(outTok), n(total), money(cost));
    } else {
      t.row(key, models, n(in), n(outTok), n(cr), n(cw), n(total), money(cost), lower(source));
    }
  }

  private static String models(UsageRow row) {
    return withFailed(String.join(", ", UsageViews.modelsUsed(row)), row.calls(), row.errors());
  }

  /** {@code text (+N failed calls)} after counted calls, {@code text (N failed calls)} when every call failed. */
  private static String withFailed(String text, long calls, long errors) {
    if (errors == 0) {
      return text;
    }
    String failed = (calls == 0 ? "" : "+") + errors + (errors == 1 ? " failed call" : " failed calls");
    return text == null || text.isEmpty() ? "(" + failed + ")" : text + " (" + failed + ")";
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static String n(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  /** Dollars with four decimals (costs of a few calls are fractions of a cent). */
  static String money(BigDecimal v) {
    return "$" + String.format(Locale.ROOT, "%,.4f", v.setScale(4, RoundingMode.HALF_EVEN));
  }

  private ZoneId zone() {
    if (timezone == null) {
      return ZoneId.systemDefault();
    }
    try {
      return ZoneId.of(timezone);
    } catch (DateTimeException e) {
      throw new CliFailure(Main.USAGE, "unknown time zone '" + timezone + "' (use an IANA name like Europe/Paris)");
    }
  }

  private static UsagePeriod parsePeriod(String p) {
    return UsageArguments.period(p)
        .orElseThrow(
            () -> new CliFailure(Main.USAGE, "unknown period '" + TextTable.sanitize(p) + "'; use "
                + UsageArguments.PERIODS));
  }

  private static LocalDate date(String s, String option) {
    if (s == null) {
      return null;
    }
    return UsageArguments.date(s)
        .orElseThrow(
            () -> new CliFailure(Main.USAGE, option + " expects a date like 2026-11-24 or 20261124, not '"
                + TextTable.sanitize(s) + "'"));
  }

}
