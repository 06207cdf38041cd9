package io.clawmetry.examples;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The generator's own record of what it put into the example home: every counted model call, error row and oddity,
 * written down at the moment the generator creates it (never read back from the files).
 */
final class Ledger {
  /** The time zones the truth file buckets days in. */
  static final List<ZoneId> ZONES =
      List.of(ZoneId.of("UTC"), ZoneId.of("America/New_York"), ZoneId.of("Asia/Tokyo"));

  /**
   * One counted assistant model call.
   *
   * @param agentId the agent
   * @param sessionKey the key a reader can derive (index entry, else {@code session:<id>})
   * @param sessionId the transcript's session id
   * @param source the counted source holding it, relative to the state dir
   * @param provider the provider
   * @param model the model
   * @param at the entry timestamp
   * @param tokens normalised tokens
   * @param cost the recorded {@code usage.cost.total}, or null when none was recorded
   */
  record Call(
      String agentId,
      String sessionKey,
      String sessionId,
      String source,
      String provider,
      String model,
      Instant at,
      Tokens tokens,
      BigDecimal cost) {}

  /** An assistant row with {@code stopReason:"error"} and zero usage. */
  record ErrorRow(String agentId, String sessionId, String source, Instant at, String model, String errorMessage) {}

  /** A line of a counted file that is not a complete JSON object. */
  record BadLine(String file, int line, String what) {}

  /** A file of the home and whether a reader must count it. */
  record FileNote(String file, String note) {}

  /** A session of an index ({@code sessions.json} or {@code session_nodes}). */
  record Session(
      String agentId,
      String key,
      String kind,
      String sessionId,
      List<String> previousSessionIds,
      String spawnedBy,
      int depth,
      String index) {}

  /** A counted transcript no index names (reset/deleted archives, a fork's parent). */
  record Orphan(String agentId, String sessionId, String file, String logicalKey, String why) {}

  /** A cron job definition. */
  record CronJob(String id, String name, String agentId, String source, boolean enabled, String lastRunStatus,
      int consecutiveErrors) {}

  /** One recorded cron run. */
  record CronRun(String jobId, Instant at, String status, String sessionId, String sessionKey, String source) {}

  /** A call without a recorded cost and what the configured price makes of it. */
  record MissingCost(String sessionId, String model, Tokens tokens, BigDecimal estimatedFromConfig) {}

  final List<Call> calls = new ArrayList<>();
  final List<ErrorRow> errors = new ArrayList<>();
  final List<BadLine> malformed = new ArrayList<>();
  final List<BadLine> partialLastLines = new ArrayList<>();
  final List<FileNote> countedFiles = new ArrayList<>();
  final List<FileNote> excludedFiles = new ArrayList<>();
  final List<FileNote> duplicateFiles = new ArrayList<>();
  final List<Session> sessions = new ArrayList<>();
  final List<Orphan> orphans = new ArrayList<>();
  final List<CronJob> cronJobs = new ArrayList<>();
  final List<CronRun> cronRuns = new ArrayList<>();
  final List<MissingCost> missingCosts = new ArrayList<>();
  int deliveryMirrorRows;

  /** Records a counted call; the message timestamp must fall on the same day as the entry in every zone. */
  void call(Call call, Instant messageTimestamp) {
    for (ZoneId zone : ZONES) {
      if (!call.at().atZone(zone).toLocalDate().equals(messageTimestamp.atZone(zone).toLocalDate())) {
        throw new IllegalStateException("ambiguous day bucket for " + call);
      }
    }
    calls.add(call);
  }
}
