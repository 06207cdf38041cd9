package io.clawmetry.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.SubagentNode;
import io.clawmetry.core.view.JsonViews;
import java.io.PrintWriter;
import java.util.List;
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
      List<SubagentNode> tree = cm.subagentTree();
      PrintWriter out = root.ctx.out;
      if (json) {
        ObjectNode o = JsonViews.object();
        ArrayNode a = o.putArray("tree");
        tree.forEach(n -> a.add(JsonViews.subagentNode(n)));
        o.set("warnings", JsonViews.warnings(cm.warnings()));
        out.println(JsonViews.write(o, true));
        return Main.OK;
      }
      TextTable t =
          new TextTable("SESSION", "STATUS", ">RUNTIME", ">OWN TOKENS", ">OWN COST", ">TREE TOKENS", ">TREE COST",
              "TASK");
      for (SubagentNode n : tree) {
        add(t, n, 0);
      }
      if (t.isEmpty()) {
        out.println("No sub-agents found.");
      } else {
        t.print(out);
      }
      return Main.OK;
    }
  }

  private static void add(TextTable t, SubagentNode n, int depth) {
    String indent = depth == 0 ? "" : "  ".repeat(depth - 1) + "└ ";
    String task = n.run() == null ? null : n.run().task() != null ? n.run().task() : n.run().label();
    t.row(
        indent + n.sessionKey(),
        n.status(),
        n.runtimeMs() == null ? null : duration(n.runtimeMs()),
        String.format(Locale.ROOT, "%,d", n.ownTokens().total()),
        UsageCommand.money(n.ownCost()),
        String.format(Locale.ROOT, "%,d", n.totalTokens().total()),
        UsageCommand.money(n.totalCost()),
        task == null ? null : task.length() > 60 ? task.substring(0, 60) + "…" : task);
    for (SubagentNode c : n.children()) {
      add(t, c, depth + 1);
    }
  }

  private static String duration(long ms) {
    long s = ms / 1000;
    return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
        : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
        : String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
  }
}
