package io.clawmetry.cli;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.Report;
import io.clawmetry.api.SubagentNode;
import io.clawmetry.core.view.JsonViews;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code clawmetry subagents}: the sub-agent tree with own and rolled-up tokens and cost. */
@Command(name = "subagents", description = "Sub-agent tree: task, status, runtime, own and rolled-up tokens and cost.")
final class SubagentsCommand implements Callable<Integer> {

  @ParentCommand RootCommand root;
  @Mixin HomeOption home;
  @Mixin PricingOptions pricing;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    try (ClawMetry cm = root.ctx.open(home.home, pricing)) {
      Report<SubagentNode> tree = cm.subagentReport();
      PrintWriter out = root.ctx.out;
      if (json) {
        out.println(JsonViews.write(JsonViews.subagents(cm.subagents().items(), tree), true));
        return Main.OK;
      }
      TextTable t =
          new TextTable("SESSION", "STATUS", ">RUNTIME", ">OWN TOKENS", ">OWN COST", ">TREE TOKENS", ">TREE COST",
              "TASK");
      for (SubagentNode n : tree.items()) {
        add(t, n, "", "");
      }
      if (t.isEmpty()) {
        out.println("No sub-agents found.");
      } else {
        t.print(out);
      }
      Output.warnings(out, tree.warnings());
      return Main.OK;
    }
  }

  /**
   * One row per node, drawn as a tree: {@code ├ } before a child with a later sibling, {@code └ } before the last one,
   * and below them {@code │ } (under a {@code ├}) or blank (under a {@code └}) as the guide of deeper rows.
   *
   * @param branch what goes before this node's key
   * @param guide what goes before its children's branches
   */
  private static void add(TextTable t, SubagentNode n, String branch, String guide) {
    String task = n.run() == null ? null : n.run().task() != null ? n.run().task() : n.run().label();
    t.row(
        branch + n.sessionKey(),
        n.status(),
        n.runtimeMs() == null ? null : duration(n.runtimeMs()),
        String.format(Locale.ROOT, "%,d", n.ownTokens().total()),
        UsageCommand.money(n.ownCost()),
        String.format(Locale.ROOT, "%,d", n.totalTokens().total()),
        UsageCommand.money(n.totalCost()),
        task == null ? null : task.length() > 60 ? task.substring(0, 60) + "…" : task);
    for (int i = 0; i < n.children().size(); i++) {
      boolean last = i == n.children().size() - 1;
      add(t, n.children().get(i), guide + (last ? "└ " : "├ "), guide + (last ? "  " : "│ "));
    }
  }

  private static String duration(long ms) {
    long s = ms / 1000;
    return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
        : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
        : String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
  }
}
