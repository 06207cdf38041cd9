package io.clawmetry.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.gateway.GatewayHealth;
import io.clawmetry.api.gateway.GatewayStatus;
import io.clawmetry.api.gateway.Hello;
import io.clawmetry.api.gateway.ServerStatus;
import io.clawmetry.core.gateway.GatewayClient;
import io.clawmetry.core.gateway.GatewayException;
import io.clawmetry.core.view.JsonViews;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code clawmetry gateway status}: is the gateway up, which version, protocol, scopes, agents, sessions, health. */
@Command(
    name = "gateway",
    description = "The live OpenClaw gateway (WebSocket protocol, read-only).",
    subcommands = {GatewayCommand.Status.class, HelpCommand.class})
final class GatewayCommand implements Runnable {

  @ParentCommand RootCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(root.ctx.out);
  }

  /** {@code clawmetry gateway status [--json]}. */
  @Command(name = "status", description = "Connect to the gateway and show its version, scopes, agents and health.")
  static final class Status implements Callable<Integer> {

    @ParentCommand GatewayCommand parent;
    @Mixin HomeOption home;
    @Mixin GatewayOptions gateway;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
      CliContext ctx = parent.root.ctx;
      PrintWriter out = ctx.out;
      try (GatewayClient c = gateway.client(ctx, home.home, false, false)) {
        Hello h;
        try {
          h = c.connect();
        } catch (GatewayException e) {
          return down(ctx, c.status(), e);
        }
        GatewayHealth health = null;
        ServerStatus status = null;
        String healthError = null;
        String statusError = null;
        try {
          health = c.health();
        } catch (GatewayException e) {
          healthError = e.getMessage();
        }
        try {
          status = c.serverStatus();
        } catch (GatewayException e) {
          statusError = e.getMessage();
        }
        GatewayStatus st = c.status();
        if (json) {
          ObjectNode o = JsonViews.object();
          o.put("url", st.url()).put("state", st.state().name().toLowerCase(java.util.Locale.ROOT)).put("serverVersion", h.serverVersion())
              .put("protocol", h.protocol()).put("authMethod", h.authMethod()).put("deviceId", st.deviceId());
          if (h.uptimeMs() != null) {
            o.put("uptimeMs", h.uptimeMs());
          }
          h.grantedScopes().forEach(o.putArray("grantedScopes")::add);
          o.put("methods", h.methods().size()).put("events", h.events().size());
          if (health != null) {
            ObjectNode ho = o.putObject("health").put("ok", health.ok());
            health.agents().forEach(a -> ho.putArray("agents").addObject().put("agentId", a.agentId())
                .put("sessions", a.sessionCount()));
          } else {
            o.put("healthError", healthError);
          }
          if (status != null) {
            o.put("sessions", status.sessionCount());
          } else {
            o.put("statusError", statusError);
          }
          out.println(JsonViews.write(o, true));
          return Main.OK;
        }
        out.println("Gateway      " + st.url() + "  connected");
        out.println("Version      " + h.serverVersion() + ", protocol " + h.protocol()
            + (h.uptimeMs() == null ? "" : ", up " + uptime(h.uptimeMs())));
        out.println("Auth         " + h.authMethod() + ", scopes "
            + (h.grantedScopes().isEmpty() ? "(none)" : String.join(", ", h.grantedScopes()))
            + (st.deviceId() == null ? "" : ", device " + st.deviceId()));
        out.println("Features     " + h.methods().size() + " methods, " + h.events().size() + " events");
        if (health != null) {
          out.println("Health       " + (health.ok() ? "ok" : "NOT OK"));
          health.agents().forEach(a -> out.println("  agent " + a.agentId() + ": "
              + (a.sessionCount() == null ? "?" : a.sessionCount()) + " session(s) (cached)"));
        } else {
          out.println("Health       " + healthError);
        }
        out.println("Sessions     " + (status != null ? String.valueOf(status.sessionCount()) : statusError));
        return Main.OK;
      }
    }

    private int down(CliContext ctx, GatewayStatus st, GatewayException e) {
      if (json) {
        ObjectNode o = JsonViews.object();
        o.put("url", st.url()).put("state", "down").put("error", e.getMessage())
            .put("errorKind", e.kind().name());
        ctx.out.println(JsonViews.write(o, true));
      } else {
        ctx.out.println("Gateway      " + st.url() + "  DOWN");
      }
      ctx.err.println("clawmetry: " + e.getMessage());
      return Main.ERROR;
    }

    static String uptime(long ms) {
      Duration d = Duration.ofMillis(ms);
      if (d.toDays() > 0) {
        return d.toDays() + "d " + d.toHoursPart() + "h";
      }
      if (d.toHours() > 0) {
        return d.toHours() + "h " + d.toMinutesPart() + "m";
      }
      return d.toMinutes() + "m " + d.toSecondsPart() + "s";
    }
  }
}
