package io.clawmetry.cli;

import io.clawmetry.api.AgentInfo;
import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.GatewaySettings;
import io.clawmetry.api.GatewayTlsPin;
import io.clawmetry.api.Home;
import io.clawmetry.api.Resolved;
import io.clawmetry.core.view.JsonViews;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code clawmetry doctor}: what discovery found, where from, each agent's era, and what is missing. */
@Command(name = "doctor", description = "Show what ClawMetry found in the OpenClaw home, and what it could not find.")
final class DoctorCommand implements Callable<Integer> {

  @ParentCommand RootCommand root;
  @Mixin HomeOption home;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    try (ClawMetry cm = root.ctx.open(home.home)) {
      Home h = cm.home();
      PrintWriter out = root.ctx.out;
      if (json) {
        out.println(JsonViews.write(JsonViews.home(h), true));
        return Main.OK;
      }
      out.println("State dir    " + resolved(h.stateDir()));
      out.println("Config       " + resolved(h.configPath()) + (h.configFound() ? "" : "  [not found]"));
      out.println("Version      " + (h.versionHint() == null ? "unknown" : h.versionHint()));
      GatewaySettings g = h.gateway();
      out.println(
          "Gateway      port "
              + resolved(g.port())
              + ", bind "
              + g.bind()
              + ", "
              + (g.tls() ? "wss" : "ws")
              + ", mode "
              + g.mode()
              + (g.remoteUrl() == null ? "" : " " + TextTable.sanitize(g.remoteUrl()))
              + (g.envUrl() == null ? "" : "; url " + TextTable.sanitize(g.envUrl()) + "  (env OPENCLAW_GATEWAY_URL)"));
      out.println(
          "Auth         "
              + g.authMode()
              + ", credential: "
              + g.credential()
              + (g.credentialAvailable() ? "" : " [not available]"));
      out.println("TLS pin      " + tlsPin(g));
      out.println("Log dir      " + resolved(h.logDir()));
      out.println("Cron store   " + resolved(h.cronStore()));
      out.println();
      TextTable t =
          new TextTable("AGENT", "ERA", ">TRANSCRIPT FILES", ">DB EVENTS", ">SCHEMA", "DATABASE / SESSIONS DIR");
      for (AgentInfo a : h.agents()) {
        t.row(
            a.id(),
            a.era().name().toLowerCase(Locale.ROOT),
            a.transcriptFiles(),
            a.databaseEvents(),
            a.schemaVersion(),
            a.database() != null ? a.database() : a.sessionsDir());
      }
      if (t.isEmpty()) {
        out.println("Agents       none found");
      } else {
        t.print(out);
      }
      if (!h.notFound().isEmpty()) {
        out.println();
        out.println("Not found");
        h.notFound().forEach(s -> out.println("  - " + TextTable.sanitize(s)));
      }
      Output.warnings(out, cm.warnings());
      return Main.OK;
    }
  }

  /** The pin in effect and where it comes from (a fingerprint is no secret), or why none or none usable. */
  static String tlsPin(GatewaySettings g) {
    GatewayTlsPin pin = g.tlsPin();
    if (pin == null) {
      String used = g.envUrl() != null ? g.envUrl() : g.remoteUrl();
      String remote = used == null ? "" : used.strip();
      boolean secure = remote.isEmpty() ? g.tls() : remote.startsWith("wss://") || remote.startsWith("https://");
      return secure ? "none (CA and host name validation)" : "none";
    }
    String where = TextTable.sanitize(pin.origin());
    if (pin.fingerprint() == null) {
      return "not in effect  (" + where + "): " + TextTable.sanitize(pin.problem());
    }
    return "sha256:" + pin.fingerprint() + "  (" + where + ")";
  }

  private static String resolved(Resolved r) {
    return r == null ? "-" : TextTable.sanitize(r.value()) + "  (" + r.origin() + ")";
  }
}
