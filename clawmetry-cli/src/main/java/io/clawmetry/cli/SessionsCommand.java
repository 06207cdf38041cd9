package io.clawmetry.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.Report;
import io.clawmetry.api.SessionInfo;
import io.clawmetry.api.SessionKind;
import io.clawmetry.api.Warning;
import io.clawmetry.core.view.JsonViews;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code clawmetry sessions}: every session with its kind, status and model. */
@Command(name = "sessions", description = "List sessions (newest first).")
final class SessionsCommand implements Callable<Integer> {

  @ParentCommand RootCommand root;
  @Mixin HomeOption home;

  @Option(
      names = "--agent",
      paramLabel = "ID",
      description = "Only this agent (an id the home does not have: a warning on stderr, no sessions, exit 0).")
  String agent;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description = "Only this kind: ${COMPLETION-CANDIDATES}.")
  SessionKind kind;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    try (ClawMetry cm = root.ctx.open(home.home)) {
      Report<SessionInfo> report = cm.sessions();
      List<SessionInfo> rows =
          report.items().stream()
              .filter(s -> agent == null || agent.equals(s.agentId()))
              .filter(s -> kind == null || kind == s.kind())
              .collect(Collectors.toList());
      PrintWriter out = root.ctx.out;
      Optional<Warning> unknownAgent = CliContext.unknownAgent(cm, agent);
      if (json) {
        ObjectNode o = JsonViews.object();
        ArrayNode a = o.putArray("sessions");
        rows.forEach(s -> a.add(JsonViews.session(s)));
        List<Warning> warnings = new ArrayList<>(report.warnings());
        unknownAgent.ifPresent(w -> warnings.add(0, w));
        o.set("warnings", JsonViews.warnings(warnings));
        out.println(JsonViews.write(o, true));
        return Main.OK;
      }
      unknownAgent.ifPresent(w -> Output.hint(root.ctx.err, w));
      TextTable t = new TextTable("KEY", "AGENT", "KIND", "STATUS", "MODEL", "UPDATED");
      for (SessionInfo s : rows) {
        t.row(
            s.key(),
            s.agentId(),
            s.kind().name().toLowerCase(Locale.ROOT),
            s.status(),
            s.model() == null ? null : (s.provider() == null ? "" : s.provider() + "/") + s.model(),
            JsonViews.instant(s.updatedAt()));
      }
      t.print(out);
      out.println(rows.size() + (rows.size() == 1 ? " session" : " sessions"));
      Output.warnings(out, report.warnings());
      return Main.OK;
    }
  }
}
