package io.clawmetry.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.CronJob;
import io.clawmetry.api.Overview;
import io.clawmetry.api.SessionInfo;
import io.clawmetry.api.UsageLine;
import io.clawmetry.core.view.JsonViews;
import io.clawmetry.core.view.UsageViews;
import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code clawmetry overview}: cost today, this week and this month, active sessions, top models, failing crons. */
@Command(name = "overview", description = "Cost today / week / month, active sessions, top models, failing crons.")
final class OverviewCommand implements Callable<Integer> {

  @ParentCommand RootCommand root;
  @Mixin HomeOption home;
  @Mixin PricingOptions pricing;

  @Option(names = {"-z", "--timezone"}, paramLabel = "ZONE", description = "IANA time zone (default: system).")
  String timezone;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    ZoneId zone;
    try {
      zone = timezone == null ? ZoneId.systemDefault() : ZoneId.of(timezone);
    } catch (DateTimeException e) {
      throw new CliFailure(Main.USAGE, "unknown time zone '" + timezone + "' (use an IANA name like Europe/Paris)");
    }
    try (ClawMetry cm = root.ctx.open(home.home, pricing)) {
      Overview o = cm.overview(zone);
      PrintWriter out = root.ctx.out;
      if (json) {
        ObjectNode j = JsonViews.overview(o);
        out.println(JsonViews.write(j, true));
        return Main.OK;
      }
      out.println("Overview " + o.today() + " (" + o.zone() + ")");
      out.println("  Cost today        " + UsageCommand.money(o.costToday())
          + String.format(Locale.ROOT, "  (%,d tokens)", o.tokensToday().total()));
      out.println("  Cost this week    " + UsageCommand.money(o.costThisWeek()));
      out.println("  Cost this month   " + UsageCommand.money(o.costThisMonth())
          + "  (projected " + UsageCommand.money(o.projectedMonth()) + ")");
      out.println("  Sessions          " + o.sessions() + " (" + o.activeSessions().size() + " active)");
      for (SessionInfo s : o.activeSessions()) {
        out.println("    " + TextTable.sanitize(s.key()));
      }
      out.println("  Top models this month");
      if (o.topModels().isEmpty()) {
        out.println("    none");
      }
      TextTable models = new TextTable("", ">", ">"); // printed without its (empty) header
      for (UsageLine l : o.topModels()) {
        models.row((l.provider() == null ? "" : l.provider() + "/") + UsageViews.modelName(l),
            UsageCommand.money(l.cost()),
            String.format(Locale.ROOT, l.calls() == 1 ? "%,d call" : "%,d calls", l.calls()));
      }
      models.rowLines().forEach(line -> out.println("    " + line));
      out.println("  Failing crons     " + (o.failingCrons().isEmpty() ? "none" : o.failingCrons().size()));
      for (CronJob j : o.failingCrons()) {
        out.println("    " + TextTable.sanitize(j.name()) + " (" + j.id() + "): " + j.state().lastStatus()
            + ", " + j.state().consecutiveErrors()
            + (j.state().consecutiveErrors() == 1 ? " consecutive error" : " consecutive errors")
            + (j.state().lastError() == null ? "" : ": " + TextTable.sanitize(j.state().lastError())));
      }
      Output.warnings(out, o.warnings());
      return Main.OK;
    }
  }
}
