package io.clawmetry.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The read-only facade over one OpenClaw installation.
 *
 * <p>Obtain one with {@link #discover()} (zero configuration: finds the state directory the way OpenClaw does) or
 * {@link #open(Path)} (an explicit state directory). Nothing reached through this interface ever writes into the
 * OpenClaw home. Results carry the sources they read and the warnings met on the way; malformed input becomes a
 * {@link Warning}, never an exception.
 */
public interface ClawMetry extends AutoCloseable {

  /** Finds the OpenClaw home from the environment (OPENCLAW_STATE_DIR, profiles, legacy directories, ...). */
  static ClawMetry discover() {
    return provider().discover();
  }

  /** Opens the OpenClaw state directory {@code stateDir} (for example {@code ~/.openclaw}). */
  static ClawMetry open(Path stateDir) {
    return provider().open(stateDir);
  }

  private static ClawMetryProvider provider() {
    return ServiceLoader.load(ClawMetryProvider.class, ClawMetry.class.getClassLoader())
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("no ClawMetry implementation on the class path (add clawmetry-core)"));
  }

  /** What discovery found: state dir, config, gateway settings, agents and their eras, and what was missing. */
  Home home();

  /** Every session known from the session index and the transcripts, newest first. */
  Report<SessionInfo> sessions();

  /** The session with this key (or session id), if any. */
  Optional<SessionInfo> session(String keyOrSessionId);

  /** The transcript of a session (by key or session id), every event of every source, deduplicated, in order. */
  Report<TranscriptEvent> transcript(String keyOrSessionId);

  /** Sub-agent runs, from the run registry and the session lineage. */
  Report<SubagentRun> subagents();

  /** Cron job definitions with their last known state. */
  Report<CronJob> crons();

  /** The recorded runs of one cron job, newest first. */
  Report<CronRun> cronRuns(String jobId);

  /**
   * Token usage and cost, bucketed as the query says. Every assistant message counts once (deduplicated across
   * sources), in its own bucket by its own timestamp, provider and model; all costs come from one cost function. The
   * report's warnings are the transcripts' and this query's own; the same query gives the same warnings whatever ran
   * before it.
   */
  UsageReport usage(UsageQuery query);

  /**
   * What one transcript event cost, priced as {@link #usage} prices it: empty when the event is not a model call
   * (user and tool messages, OpenClaw's synthetic rows, error rows that {@link #usage} counts as errors).
   */
  java.util.Optional<CallCost> cost(TranscriptEvent event, CostMode mode);

  /**
   * The sub-agent tree: every top-level session that spawned sub-agents, with each node's own and rolled-up usage
   * and cost (a parent's total includes its descendants').
   */
  List<SubagentNode> subagentTree();

  /**
   * {@link #subagentTree()} with the sources and warnings that concern it: those of the run registry
   * ({@link #subagents()}), of the per-session usage the costs come from (transcripts, prices), and of the lineage
   * itself (a cycle of parents, a parent that no session index lists).
   */
  Report<SubagentNode> subagentReport();

  /** Cost today / this week / this month with a projection, active sessions, top models, failing crons, warnings. */
  Overview overview(java.time.ZoneId zone);

  /**
   * Brings every result up to date with the files and databases, reading only what changed since the last read:
   * bytes appended to transcripts (from the last complete line), new database rows, changed session indexes. A
   * long-running process calls it periodically and pays only for new data.
   */
  RefreshStats refresh();

  /**
   * The live gateway of this installation, asking only for {@code operator.read}. Not connected until first used;
   * {@link io.clawmetry.api.gateway.Gateway#status()} never blocks, and the file-based results above never wait on
   * it. Its cron writes are the only writes ClawMetry ever makes, and only when a user asks (they need a client with
   * {@code operator.admin}).
   */
  io.clawmetry.api.gateway.Gateway gateway();

  /**
   * The host's health with the defaults ({@link HealthQuery#defaults()}): disk usage of the OpenClaw home's volume
   * (warning at 85%), memory, load, uptime, JVM heap, the gateway port on loopback, GPUs via {@code nvidia-smi} when
   * it is on the PATH. The gateway's own version and uptime are not part of it: they come from the gateway client.
   */
  default HealthSnapshot health() {
    return health(HealthQuery.defaults());
  }

  /**
   * The host's health as {@code query} asks: its disk warning threshold, and its extra loopback ports checked after
   * the gateway port (the facade knows only the gateway's port; a server adds its own this way). Never throws for an
   * unreadable figure: the part is null and {@link HealthSnapshot#problems()} says why.
   */
  HealthSnapshot health(HealthQuery query);

  /**
   * Every warning met while reading this home, as its parts were when last read: each part read again replaces what its
   * earlier read said, so a file written whole again leaves no warning behind it once it is read again. The transcripts
   * and the session index are read again at each {@link #refresh()}; the cron store, a job's run log, the sub-agent
   * registry and the lineage when a query needs them (a warning of a job's run log stays until that job's runs are
   * asked for again, for the 256 jobs whose runs were asked for last). Warnings about what a query made of the data (a model without a
   * price, calls without a recorded cost in display mode, calls without a timestamp) are in that query's report only,
   * never here: this list does not depend on which queries ran.
   */
  List<Warning> warnings();

  /** Releases open databases and caches. */
  @Override
  void close();
}
