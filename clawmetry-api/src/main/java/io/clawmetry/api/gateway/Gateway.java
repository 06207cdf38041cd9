package io.clawmetry.api.gateway;

import java.util.List;
import java.util.Optional;

/**
 * A connection to the OpenClaw gateway. Every method but {@link #status()} and the listener methods talks to the
 * gateway and fails with an unchecked exception carrying a {@link GatewayErrorKind} and a one-line message (in
 * {@code clawmetry-core}: {@code io.clawmetry.core.gateway.GatewayException}). {@link #status()} never waits.
 *
 * <p><b>Writes.</b> ClawMetry is read-only. The cron management methods ({@link #cronSetEnabled},
 * {@link #cronUpdate}, {@link #cronRun}, {@link #cronAdd}, {@link #cronRemove}) are the only writes ClawMetry ever
 * makes, and only when a user asks for them; they need the {@code operator.admin} scope, which a client requests only
 * when built for management.
 */
public interface Gateway extends AutoCloseable {

  /** The connection status now (never blocks). */
  GatewayStatus status();

  /** The last {@code hello-ok}, if connected once. */
  Optional<Hello> hello();

  /** {@code health}. */
  GatewayHealth health();

  /** {@code status}. */
  ServerStatus serverStatus();

  /** {@code sessions.list}, one page ({@code limit} ≤ 0: the gateway's default). */
  Page<LiveSession> sessions(int limit, int offset);

  /** Every session, following {@code nextOffset}. */
  List<LiveSession> allSessions();

  /** {@code chat.history} of a session key ({@code limit} ≤ 1000). */
  ChatHistory chatHistory(String sessionKey, int limit);

  /** {@code sessions.usage} for a range ({@code 7d}, {@code 30d}, {@code 90d}, {@code 1y}, {@code all}), or null. */
  SessionsUsage sessionsUsage(String range, String sessionKey);

  /** {@code sessions.usage.timeseries} of a session key. */
  UsageTimeseries usageTimeseries(String sessionKey);

  /** {@code sessions.usage.logs} of a session key. */
  List<UsageLogEntry> usageLogs(String sessionKey, int limit);

  /** {@code usage.cost} for the last {@code days} days. */
  UsageCost usageCost(int days);

  /** {@code cron.status}. */
  CronServiceStatus cronStatus();

  /** {@code cron.list} including disabled jobs, every page. */
  List<LiveCronJob> cronJobs();

  /** {@code cron.runs} of one job ({@code jobId} null: every job), newest first as the gateway orders them. */
  Page<LiveCronRun> cronRuns(String jobId, int limit);

  /** {@code tasks.list}. */
  List<LiveTask> tasks();

  /** {@code logs.tail} from a byte cursor (null: the gateway's default, the end of the file minus a window). */
  LogsTail logsTail(Long cursor, int limit);

  /** {@code config.get}, redacted by the gateway. */
  ConfigSnapshot config();

  /** {@code models.list}. */
  List<LiveModel> models();

  /** {@code system-presence}. */
  List<PresenceEntry> presence();

  /** Write (admin): {@code cron.update {id, patch:{enabled}}}; returns the updated job. */
  LiveCronJob cronSetEnabled(String jobId, boolean enabled);

  /** Write (admin): {@code cron.update} with a JSON patch object (JSON text); returns the updated job. */
  LiveCronJob cronUpdate(String jobId, String patchJson);

  /** Write (admin): {@code cron.run}. */
  CronRunResult cronRun(String jobId, CronRunMode mode);

  /** Write (admin): {@code cron.add} with a job definition (JSON text); returns the created job. */
  LiveCronJob cronAdd(String jobJson);

  /** Write (admin): {@code cron.remove}. */
  void cronRemove(String jobId);

  /**
   * Adds a listener for live events ({@code sessions.changed}, {@code session.message}, {@code cron}, {@code task},
   * {@code health}, {@code presence}, {@code shutdown}, ...). {@code tick} is not forwarded.
   */
  void addListener(GatewayEventListener listener);

  /**
   * Asks for {@code session.message}/{@code session.tool} events of one session ({@code sessions.subscribe} and
   * {@code sessions.messages.subscribe {key}}); subscriptions are re-issued after every reconnect.
   */
  void subscribeSessionMessages(String sessionKey);

  /** Removes a listener. */
  void removeListener(GatewayEventListener listener);

  /** Closes the connection and stops reconnecting; idempotent. */
  @Override
  void close();
}
