package io.clawmetry.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.CronJob;
import io.clawmetry.api.CronRun;
import io.clawmetry.api.CronSchedule;
import io.clawmetry.api.Report;
import io.clawmetry.api.gateway.CronRunMode;
import io.clawmetry.api.gateway.CronRunResult;
import io.clawmetry.api.gateway.LiveCronJob;
import io.clawmetry.api.gateway.LiveCronRun;
import io.clawmetry.core.gateway.GatewayClient;
import io.clawmetry.core.gateway.GatewayException;
import io.clawmetry.core.view.JsonViews;
import java.io.Console;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code clawmetry crons}: cron jobs from the files merged with the gateway's live state; {@code runs}; and the only
 * writes ClawMetry ever makes, on request: {@code enable}, {@code disable}, {@code run}, {@code remove}.
 */
@Command(
    name = "crons",
    description = "Cron jobs: file data merged with the live gateway state (next run, last status, errors).",
    subcommands = {
      CronsCommand.Runs.class, CronsCommand.Enable.class, CronsCommand.Disable.class, CronsCommand.Run.class,
      CronsCommand.Remove.class, CronsCommand.Edit.class, CronsCommand.Add.class, HelpCommand.class
    })
final class CronsCommand implements Callable<Integer> {

  @ParentCommand RootCommand root;
  @Mixin HomeOption home;
  @Mixin GatewayOptions gateway;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  /** One job as shown: file fields, overridden by live fields when the gateway answered. */
  record Row(String id, String name, boolean enabled, String schedule, Instant nextRun, Instant lastRun,
      String lastStatus, String lastError, Integer consecutiveErrors, boolean inFiles, boolean live) {}

  @Override
  public Integer call() {
    CliContext ctx = root.ctx;
    Map<String, Row> rows = new LinkedHashMap<>();
    String fileProblem = null;
    Report<CronJob> files = null;
    try (ClawMetry cm = ctx.open(home.home)) {
      files = cm.crons();
      for (CronJob j : files.items()) {
        rows.put(j.id(), new Row(j.id(), j.name(), j.enabled(), schedule(j.schedule()),
            j.state() == null ? null : j.state().nextRunAt(), j.state() == null ? null : j.state().lastRunAt(),
            j.state() == null ? null : j.state().lastStatus(), j.state() == null ? null : j.state().lastError(),
            j.state() == null ? null : j.state().consecutiveErrors(), true, false));
      }
    } catch (CliFailure e) {
      fileProblem = e.getMessage();
    }
    String gatewayProblem = null;
    try (GatewayClient c = gateway.client(ctx, home.home, false, false)) {
      for (LiveCronJob j : c.cronJobs()) {
        Row f = rows.get(j.id());
        rows.put(j.id(), new Row(j.id(), j.name(), j.enabled(), j.schedule() != null ? j.schedule()
            : f == null ? null : f.schedule(), j.nextRunAt(), j.lastRunAt(), j.lastStatus(), j.lastError(),
            j.consecutiveErrors(), f != null, true));
      }
    } catch (GatewayException e) {
      gatewayProblem = e.getMessage();
    }
    if (fileProblem != null && gatewayProblem != null) {
      throw new CliFailure(Main.NOTHING_FOUND, fileProblem + "; gateway unreachable: " + gatewayProblem);
    }
    PrintWriter out = ctx.out;
    if (json) {
      ObjectNode o = JsonViews.object();
      o.put("live", gatewayProblem == null);
      if (gatewayProblem != null) {
        o.put("gatewayError", gatewayProblem);
      }
      ArrayNode arr = o.putArray("jobs");
      for (Row r : rows.values()) {
        ObjectNode j = arr.addObject().put("id", r.id()).put("name", r.name()).put("enabled", r.enabled())
            .put("schedule", r.schedule()).put("nextRunAt", JsonViews.instant(r.nextRun()))
            .put("lastRunAt", JsonViews.instant(r.lastRun())).put("lastStatus", r.lastStatus())
            .put("lastError", r.lastError()).put("inFiles", r.inFiles()).put("live", r.live());
        if (r.consecutiveErrors() != null) {
          j.put("consecutiveErrors", r.consecutiveErrors());
        }
      }
      if (files != null) {
        o.set("warnings", JsonViews.warnings(files.warnings()));
      }
      out.println(JsonViews.write(o, true));
      return Main.OK;
    }
    if (gatewayProblem != null) {
      out.println("gateway unreachable: showing file data (" + gatewayProblem + ")");
    }
    TextTable t = new TextTable("ID", "NAME", "ENABLED", "SCHEDULE", "NEXT RUN", "LAST RUN", "LAST STATUS",
        ">ERRORS", "SOURCE");
    for (Row r : rows.values()) {
      t.row(shortId(r.id()), r.name(), r.enabled() ? "yes" : "no", dash(r.schedule()), time(r.nextRun()),
          time(r.lastRun()), dash(r.lastStatus()) + (r.lastError() == null ? "" : ": " + r.lastError()),
          r.consecutiveErrors() == null ? "-" : r.consecutiveErrors(),
          r.inFiles() && r.live() ? "files+live" : r.live() ? "live" : "files");
    }
    if (t.isEmpty()) {
      out.println("No cron jobs.");
    } else {
      t.print(out);
    }
    if (files != null) {
      Output.warnings(out, files.warnings());
    }
    return Main.OK;
  }

  static String schedule(CronSchedule s) {
    if (s == null || s.kind() == null) {
      return null;
    }
    return switch (s.kind()) {
      case "cron" -> "cron " + s.expr() + (s.timeZone() == null ? "" : " " + s.timeZone());
      case "every" -> "every " + (s.everyMs() == null ? "?" : s.everyMs() / 60_000 + "m");
      case "at" -> "at " + s.at();
      default -> s.kind();
    };
  }

  static String shortId(String id) {
    return id != null && id.length() > 8 ? id.substring(0, 8) : String.valueOf(id);
  }

  static String dash(String s) {
    return s == null ? "-" : s;
  }

  static String time(Instant i) {
    return i == null ? "-" : JsonViews.instant(i);
  }

  /** Finds a live job by id, id prefix or name; fails with a clear line when none or several match. */
  static LiveCronJob resolve(GatewayClient c, String ref) {
    List<LiveCronJob> jobs = c.cronJobs();
    List<LiveCronJob> hits = new ArrayList<>();
    for (LiveCronJob j : jobs) {
      if (ref.equals(j.id()) || ref.equals(j.name())) {
        return j;
      }
      if (j.id() != null && j.id().startsWith(ref)) {
        hits.add(j);
      }
    }
    if (hits.size() == 1) {
      return hits.get(0);
    }
    throw new CliFailure(Main.ERROR, hits.isEmpty() ? "no cron job '" + ref + "' on the gateway"
        : "'" + ref + "' matches " + hits.size() + " cron jobs; give more of the id");
  }

  /** {@code clawmetry crons runs <job>}: the job's runs, live when the gateway answers, else from the files. */
  @Command(name = "runs", description = "Runs of one cron job (live when the gateway is reachable, else files).")
  static final class Runs implements Callable<Integer> {
    @ParentCommand CronsCommand parent;
    @Mixin HomeOption home;
    @Mixin GatewayOptions gateway;

    @Parameters(index = "0", paramLabel = "JOB", description = "Job id, id prefix or name.")
    String job;

    @Option(names = "--limit", description = "Most runs to show (default 50, at most 200).")
    int limit = 50;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
      CliContext ctx = parent.root.ctx;
      PrintWriter out = ctx.out;
      List<LiveCronRun> live = null;
      String problem = null;
      try (GatewayClient c = parent.gateway.merge(gateway).client(ctx, homeDir(), false, false)) {
        LiveCronJob j = resolve(c, job);
        live = c.cronRuns(j.id(), limit).items();
      } catch (GatewayException e) {
        problem = e.getMessage();
      }
      if (live != null) {
        if (json) {
          ArrayNode arr = JsonViews.array();
          for (LiveCronRun r : live) {
            arr.addObject().put("jobId", r.jobId()).put("runId", r.runId()).put("ts", JsonViews.instant(r.ts()))
                .put("status", r.status()).put("error", r.error()).put("durationMs", r.durationMs())
                .put("sessionKey", r.sessionKey()).put("model", r.model()).put("summary", r.summary());
          }
          out.println(JsonViews.write(arr, true));
          return Main.OK;
        }
        TextTable t = new TextTable("FINISHED", "STATUS", ">DURATION", "MODEL", "RUN ID", "SUMMARY / ERROR");
        for (LiveCronRun r : live) {
          t.row(time(r.ts()), dash(r.status()), r.durationMs() == null ? "-" : r.durationMs() + " ms",
              dash(r.model()), dash(r.runId()), trim(r.error() != null ? r.error() : r.summary()));
        }
        if (t.isEmpty()) {
          out.println("No runs.");
        } else {
          t.print(out);
        }
        return Main.OK;
      }
      // with --json, stdout holds the JSON alone
      (json ? ctx.err : out).println("gateway unreachable: showing file data (" + problem + ")");
      try (ClawMetry cm = ctx.open(homeDir())) {
        String id = job;
        for (CronJob j : cm.crons().items()) {
          if (job.equals(j.name()) || (j.id() != null && j.id().startsWith(job))) {
            id = j.id();
          }
        }
        Report<CronRun> runs = cm.cronRuns(id);
        if (json) {
          ArrayNode arr = JsonViews.array();
          runs.items().forEach(r -> arr.add(JsonViews.cronRun(r)));
          out.println(JsonViews.write(arr, true));
          return Main.OK;
        }
        TextTable t = new TextTable("FINISHED", "STATUS", ">DURATION", "MODEL", "RUN ID", "SUMMARY / ERROR");
        for (CronRun r : runs.items()) {
          t.row(time(r.finishedAt()), dash(r.status()), r.durationMs() == null ? "-" : r.durationMs() + " ms",
              dash(r.model()), dash(r.runId()), trim(r.error() != null ? r.error() : r.summary()));
        }
        if (t.isEmpty()) {
          out.println("No runs.");
        } else {
          t.print(out);
        }
        Output.warnings(out, runs.warnings());
        return Main.OK;
      }
    }

    private java.nio.file.Path homeDir() {
      return home.home != null ? home.home : parent.home.home;
    }

    private static String trim(String s) {
      if (s == null) {
        return "-";
      }
      String one = s.replaceAll("\\s+", " ");
      return one.length() > 60 ? one.substring(0, 59) + "…" : one;
    }
  }

  /** Shared part of the management commands: confirmation, admin connection, one line of result. */
  abstract static class Manage implements Callable<Integer> {
    @ParentCommand CronsCommand parent;
    @Mixin HomeOption home;
    @Mixin GatewayOptions gateway;

    @Parameters(index = "0", paramLabel = "JOB", description = "Job id, id prefix or name.")
    String job;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation (for scripts).")
    boolean yes;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    abstract String verb();

    /** Whether the first parameter names an existing job (all but {@code add}, whose parameter is the definition). */
    boolean needsExistingJob() {
      return true;
    }

    abstract ObjectNode apply(GatewayClient c, LiveCronJob j);

    @Override
    public Integer call() {
      CliContext ctx = parent.root.ctx;
      try (GatewayClient c = parent.gateway.merge(gateway)
          .client(ctx, home.home != null ? home.home : parent.home.home, true, false)) {
        LiveCronJob j;
        try {
          j = needsExistingJob() ? resolve(c, job) : null;
        } catch (GatewayException e) {
          throw new CliFailure(Main.ERROR, e.getMessage());
        }
        if (!yes) {
          Console console = System.console();
          if (console == null) {
            throw new CliFailure(Main.USAGE, "refusing to " + verb() + " cron job '" + name(j)
                + "' without confirmation: no terminal to ask on; pass --yes");
          }
          String answer = console.readLine("%s cron job '%s' (%s) on %s? [y/N] ", capital(verb()), name(j), id(j),
              c.status().url());
          if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
            ctx.out.println("Nothing changed.");
            return Main.ERROR;
          }
        }
        ObjectNode result;
        try {
          result = apply(c, j);
        } catch (GatewayException e) {
          throw new CliFailure(Main.ERROR, e.getMessage());
        }
        result.put("action", verb()).put("jobId", id(j)).put("name", name(j));
        if (json) {
          ctx.out.println(JsonViews.write(result, true));
        } else {
          ctx.out.println(result.path("message").asText());
        }
        return Main.OK;
      }
    }

    /** The job's name (for {@code add}: the name in the definition). */
    String name(LiveCronJob j) {
      return j == null ? "?" : j.name();
    }

    String id(LiveCronJob j) {
      return j == null ? "new" : j.id();
    }

    private static String capital(String s) {
      return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
  }

  /** {@code clawmetry crons enable <job>} (cron.update, operator.admin). */
  @Command(name = "enable", description = "Enable a cron job (a write: asks first; needs operator.admin).")
  static final class Enable extends Manage {
    @Override
    String verb() {
      return "enable";
    }

    @Override
    ObjectNode apply(GatewayClient c, LiveCronJob j) {
      LiveCronJob r = c.cronSetEnabled(j.id(), true);
      return JsonViews.object().put("enabled", r.enabled()).put("message", "Enabled cron job '" + j.name() + "'"
          + (r.nextRunAt() == null ? "." : "; next run " + time(r.nextRunAt()) + "."));
    }
  }

  /** {@code clawmetry crons disable <job>} (cron.update, operator.admin). */
  @Command(name = "disable", description = "Disable a cron job (a write: asks first; needs operator.admin).")
  static final class Disable extends Manage {
    @Override
    String verb() {
      return "disable";
    }

    @Override
    ObjectNode apply(GatewayClient c, LiveCronJob j) {
      LiveCronJob r = c.cronSetEnabled(j.id(), false);
      return JsonViews.object().put("enabled", r.enabled()).put("message", "Disabled cron job '" + j.name() + "'.");
    }
  }

  /** {@code clawmetry crons run <job> [--mode force|due]} (cron.run, operator.admin). */
  @Command(name = "run", description = "Run a cron job now (a write: asks first; needs operator.admin).")
  static final class Run extends Manage {
    @Option(names = "--mode", description = "force (default: run even if not due) or due.")
    CronRunMode mode = CronRunMode.FORCE;

    @Override
    String verb() {
      return "run";
    }

    @Override
    ObjectNode apply(GatewayClient c, LiveCronJob j) {
      CronRunResult r = c.cronRun(j.id(), mode);
      return JsonViews.object().put("ok", r.ok()).put("enqueued", r.enqueued()).put("runId", r.runId())
          .put("message", r.enqueued() ? "Enqueued a run of '" + j.name() + "' (" + r.runId() + ")."
              : "Nothing ran" + (r.reason() == null ? "." : ": " + r.reason()));
    }
  }

  /** {@code clawmetry crons remove <job>} (cron.remove, operator.admin). */
  @Command(name = "remove", description = "Remove a cron job (a write: asks first; needs operator.admin).")
  static final class Remove extends Manage {
    @Override
    String verb() {
      return "remove";
    }

    @Override
    ObjectNode apply(GatewayClient c, LiveCronJob j) {
      c.cronRemove(j.id());
      return JsonViews.object().put("message", "Removed cron job '" + j.name() + "'.");
    }
  }

  /** {@code clawmetry crons edit <job> <patch-json>} (cron.update with a patch, operator.admin). */
  @Command(name = "edit", description = "Patch a cron job with a JSON object (a write: asks first; needs operator.admin).")
  static final class Edit extends Manage {
    @Parameters(index = "1", paramLabel = "PATCH", description = "JSON (JSON5) patch, e.g. '{schedule:{kind:\"cron\","
        + " expr:\"0 8 * * *\"}}'.")
    String patch;

    @Override
    String verb() {
      return "edit";
    }

    @Override
    ObjectNode apply(GatewayClient c, LiveCronJob j) {
      LiveCronJob r = c.cronUpdate(j.id(), patch);
      return JsonViews.object().put("enabled", r.enabled()).put("schedule", r.schedule())
          .put("message", "Updated cron job '" + r.name() + "' (" + dash(r.schedule()) + ", "
              + (r.enabled() ? "enabled" : "disabled") + ").");
    }
  }

  /** {@code clawmetry crons add <job-json>} (cron.add, operator.admin). */
  @Command(name = "add", description = "Create a cron job from a JSON definition (a write: asks first; needs"
      + " operator.admin).")
  static final class Add extends Manage {
    private String newName = "?";

    @Override
    String verb() {
      return "add";
    }

    @Override
    String name(LiveCronJob j) {
      return newName;
    }

    @Override
    boolean needsExistingJob() {
      return false;
    }

    @Override
    public Integer call() {
      try {
        com.fasterxml.jackson.databind.JsonNode n = io.clawmetry.core.json.Json.LENIENT.readTree(definition());
        newName = n.path("name").asText("?");
      } catch (java.io.IOException e) {
        throw new CliFailure(Main.USAGE, "the job definition is not valid JSON: " + e.getMessage());
      }
      return super.call();
    }

    private String definition() {
      return job;
    }

    @Override
    ObjectNode apply(GatewayClient c, LiveCronJob ignored) {
      LiveCronJob r = c.cronAdd(definition());
      return JsonViews.object().put("id", r.id()).put("message", "Added cron job '" + r.name() + "' (" + r.id()
          + ", " + dash(r.schedule()) + ").");
    }
  }
}
