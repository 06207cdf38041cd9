package io.clawmetry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.gateway.LogsTail;
import io.clawmetry.core.gateway.GatewayClient;
import io.clawmetry.core.gateway.GatewayException;
import io.clawmetry.core.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code clawmetry logs [--follow]}: the gateway's file log through {@code logs.tail} (byte cursor, rotation). */
@Command(name = "logs", description = "Gateway log lines via the gateway (logs.tail); --follow keeps reading.")
final class LogsCommand implements Callable<Integer> {

  @ParentCommand RootCommand root;
  @Mixin HomeOption home;
  @Mixin GatewayOptions gateway;

  @Option(names = {"-f", "--follow"}, description = "Keep printing new lines (Ctrl-C to stop).")
  boolean follow;

  @Option(names = {"-n", "--limit"}, description = "Lines to read per request (default 200, at most 5000).")
  int limit = 200;

  @Option(names = "--json", description = "Print the raw JSONL lines.")
  boolean json;

  @Option(names = "--interval-ms", description = "Polling interval with --follow (default 1000).")
  long intervalMs = 1000;

  @Option(names = "--polls", hidden = true, description = "Stop after this many polls with --follow (tests).")
  long polls = Long.MAX_VALUE;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = root.ctx.out;
    try (GatewayClient c = gateway.client(root.ctx, home.home, false, follow)) {
      LogsTail t = c.logsTail(null, limit);
      print(out, t);
      long cursor = t.cursor();
      for (long i = 1; follow && i < polls; i++) {
        Thread.sleep(intervalMs);
        try {
          LogsTail next = c.logsTail(cursor, limit);
          if (next.reset()) {
            out.println("-- log rotated or truncated: reading " + next.file() + " from the start --");
          }
          print(out, next);
          cursor = next.cursor();
        } catch (GatewayException e) {
          root.ctx.err.println("clawmetry: " + e.getMessage());
        }
      }
      return Main.OK;
    } catch (GatewayException e) {
      throw new CliFailure(Main.ERROR, e.getMessage());
    }
  }

  private void print(PrintWriter out, LogsTail t) {
    for (String line : t.lines()) {
      out.println(json ? line : TextTable.sanitize(render(line)));
    }
    out.flush();
  }

  /** One tslog JSON line as {@code time LEVEL [subsystem] message} (FORMATS §8); non-JSON lines as they are. */
  static String render(String line) {
    JsonNode n;
    try {
      n = Json.STRICT.readTree(line);
    } catch (IOException e) {
      return line;
    }
    if (n == null || !n.isObject()) {
      return line;
    }
    JsonNode meta = n.path("_meta");
    String time = n.hasNonNull("time") ? n.get("time").asText() : meta.path("date").asText("");
    String level = meta.path("logLevelName").asText("").toUpperCase(Locale.ROOT);
    String subsystem = null;
    String name = meta.path("name").asText(null);
    List<String> args = new ArrayList<>();
    for (int i = 0; n.has(Integer.toString(i)); i++) {
      JsonNode a = n.get(Integer.toString(i));
      if (i == 0 && a.isTextual() && a.asText().startsWith("{")) {
        subsystem = subsystemOf(a.asText());
        if (subsystem != null) {
          continue;
        }
      }
      if (a.isTextual()) {
        args.add(a.asText());
      }
    }
    if (subsystem == null && name != null) {
      subsystem = subsystemOf(name);
    }
    String message = n.hasNonNull("message") ? n.get("message").asText() : String.join(" ", args);
    message = message.replaceAll("\u001b\\[[0-9;]*m", "");
    return time + " " + level + (subsystem == null ? "" : " [" + subsystem + "]") + " " + message;
  }

  private static String subsystemOf(String json) {
    try {
      JsonNode b = Json.STRICT.readTree(json);
      if (b != null && b.isObject()) {
        for (String k : List.of("subsystem", "module")) {
          if (b.hasNonNull(k)) {
            return b.get(k).asText();
          }
        }
      }
    } catch (IOException e) {
      return null;
    }
    return null;
  }
}
