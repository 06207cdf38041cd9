package io.clawmetry.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.CallCost;
import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.ContentBlock;
import io.clawmetry.api.CostMode;
import io.clawmetry.api.Report;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.api.Usage;
import io.clawmetry.core.view.EventTypes;
import io.clawmetry.core.view.JsonViews;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code clawmetry transcript <key|sessionId>}: the events of one session from every source. */
@Command(name = "transcript", description = "Print the transcript of a session (by session key or session id).")
final class TranscriptCommand implements Callable<Integer> {

  private static final int PREVIEW = 120;

  @ParentCommand RootCommand root;
  @Mixin HomeOption home;
  @Mixin PricingOptions pricing;

  @Parameters(paramLabel = "KEY|SESSION_ID", description = "Session key (agent:main:main) or session id.")
  String session;

  @Option(
      names = "--type",
      split = ",",
      paramLabel = "TYPE",
      description =
          "Only these types: entry types (message, compaction, model_change, ...), roles (user, assistant,"
              + " toolResult) or blocks (toolCall, thinking, text, image).")
  List<String> types = List.of();

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Option(
      names = {"-m", "--mode"},
      paramLabel = "MODE",
      description = "Cost mode of each call's cost: auto (default), calculate, display.")
  CostMode mode = CostMode.AUTO;

  @Override
  public Integer call() {
    Set<String> filter = new LinkedHashSet<>(types);
    for (String t : filter) {
      if (!EventTypes.FILTER_NAMES.contains(t)) {
        throw new CliFailure(Main.USAGE, "unknown type '" + t + "'; known: " + String.join(", ",
            new java.util.TreeSet<>(EventTypes.FILTER_NAMES)));
      }
    }
    try (ClawMetry cm = root.ctx.open(home.home, pricing)) {
      if (cm.session(session).isEmpty()) {
        throw new CliFailure(Main.ERROR, "no session with key or id '" + TextTable.sanitize(session) + "'");
      }
      Report<TranscriptEvent> report = cm.transcript(session);
      PrintWriter out = root.ctx.out;
      if (json) {
        ObjectNode o = JsonViews.object();
        o.put("session", session);
        ArrayNode a = o.putArray("events");
        report.items().stream()
            .filter(e -> EventTypes.matches(e, filter))
            .forEach(e -> a.add(JsonViews.event(e, cm.cost(e, mode).orElse(null))));
        o.set("sources", JsonViews.sources(report.sources()));
        o.set("warnings", JsonViews.warnings(report.warnings()));
        out.println(JsonViews.write(o, true));
        return Main.OK;
      }
      long shown = 0;
      for (TranscriptEvent e : report.items()) {
        if (EventTypes.matches(e, filter)) {
          out.println(TextTable.sanitize(line(e, cm.cost(e, mode).orElse(null))));
          shown++;
        }
      }
      out.println(shown + " of " + report.items().size() + " events, from " + report.sources().size() + " source(s)");
      Output.warnings(out, report.warnings());
      return Main.OK;
    }
  }

  private static String line(TranscriptEvent e, CallCost cost) {
    StringBuilder b = new StringBuilder();
    b.append(e.meta().timestamp() == null ? "????-??-??T??:??:??Z" : e.meta().timestamp().toString());
    b.append("  ");
    if (e instanceof TranscriptEvent.Message m) {
      b.append(EventTypes.roleName(m.role()));
      if (m.model() != null) {
        b.append(" [").append(m.provider() == null ? "" : m.provider() + "/").append(m.model()).append(']');
      }
      Usage u = m.usage();
      if (u != null && !u.isZero()) {
        b.append(" in=").append(u.input()).append(" out=").append(u.output());
        if (u.cacheRead() > 0) {
          b.append(" cacheRead=").append(u.cacheRead());
        }
        if (u.cacheWrite() > 0) {
          b.append(" cacheWrite=").append(u.cacheWrite());
        }
        if (u.cacheWrite1h() > 0) {
          b.append(" cacheWrite1h=").append(u.cacheWrite1h());
        }
      }
      if (cost != null) {
        b.append(" $").append(cost.amount().toPlainString()).append(' ')
            .append(cost.source().name().toLowerCase(java.util.Locale.ROOT));
      }
      if (m.stopReason() != null && !"stop".equals(m.stopReason())) {
        b.append(" (").append(m.stopReason()).append(')');
      }
      if (m.errorMessage() != null) {
        b.append(" error: ").append(m.errorMessage());
      }
      if (m.toolName() != null) {
        b.append(" ").append(m.toolName()).append(m.isError() ? " FAILED" : "");
      }
      for (ContentBlock c : m.content()) {
        b.append("  ").append(preview(c));
      }
    } else {
      b.append(EventTypes.typeName(e));
      if (e instanceof TranscriptEvent.ModelChange mc) {
        b.append(" ").append(mc.provider()).append('/').append(mc.modelId());
      } else if (e instanceof TranscriptEvent.Compaction c) {
        b.append(" tokensBefore=").append(c.tokensBefore());
      } else if (e instanceof TranscriptEvent.ThinkingLevelChange t) {
        b.append(" ").append(t.thinkingLevel());
      } else if (e instanceof TranscriptEvent.Custom c) {
        b.append(" ").append(c.customType());
      } else if (e instanceof TranscriptEvent.CustomMessage c) {
        b.append(" ").append(c.customType());
      } else if (e instanceof TranscriptEvent.Unknown u) {
        b.append(" ").append(u.type());
      }
    }
    return b.toString();
  }

  private static String preview(ContentBlock c) {
    if (c instanceof ContentBlock.Text t) {
      return cut(t.text());
    } else if (c instanceof ContentBlock.Thinking t) {
      return "<thinking " + (t.redacted() ? "redacted" : t.thinking().length() + " chars") + ">";
    } else if (c instanceof ContentBlock.ToolCall t) {
      return "<toolCall " + t.name() + " " + cut(t.argumentsJson()) + ">";
    } else if (c instanceof ContentBlock.Image i) {
      return "<image " + i.mimeType() + ">";
    }
    return "<" + ((ContentBlock.Unknown) c).type() + ">";
  }

  private static String cut(String s) {
    if (s == null) {
      return "";
    }
    String one = s.replace('\n', ' ').strip();
    return one.length() <= PREVIEW ? one : one.substring(0, PREVIEW) + "…";
  }
}
