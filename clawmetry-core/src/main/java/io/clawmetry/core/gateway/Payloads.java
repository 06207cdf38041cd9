package io.clawmetry.core.gateway;

import static io.clawmetry.core.gateway.JsonReads.bool;
import static io.clawmetry.core.gateway.JsonReads.boolOrNull;
import static io.clawmetry.core.gateway.JsonReads.counts;
import static io.clawmetry.core.gateway.JsonReads.date;
import static io.clawmetry.core.gateway.JsonReads.decimal;
import static io.clawmetry.core.gateway.JsonReads.decimal0;
import static io.clawmetry.core.gateway.JsonReads.integer;
import static io.clawmetry.core.gateway.JsonReads.lng;
import static io.clawmetry.core.gateway.JsonReads.lng0;
import static io.clawmetry.core.gateway.JsonReads.millis;
import static io.clawmetry.core.gateway.JsonReads.raw;
import static io.clawmetry.core.gateway.JsonReads.strings;
import static io.clawmetry.core.gateway.JsonReads.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.gateway.CacheStatus;
import io.clawmetry.api.gateway.ChatHistory;
import io.clawmetry.api.gateway.ConfigSnapshot;
import io.clawmetry.api.gateway.CronRunResult;
import io.clawmetry.api.gateway.CronServiceStatus;
import io.clawmetry.api.gateway.DailyUsage;
import io.clawmetry.api.gateway.GatewayHealth;
import io.clawmetry.api.gateway.LiveCronJob;
import io.clawmetry.api.gateway.LiveCronRun;
import io.clawmetry.api.gateway.LiveModel;
import io.clawmetry.api.gateway.LiveSession;
import io.clawmetry.api.gateway.LiveTask;
import io.clawmetry.api.gateway.LogsTail;
import io.clawmetry.api.gateway.Page;
import io.clawmetry.api.gateway.PresenceEntry;
import io.clawmetry.api.gateway.ServerStatus;
import io.clawmetry.api.gateway.SessionUsage;
import io.clawmetry.api.gateway.SessionsUsage;
import io.clawmetry.api.gateway.UsageCost;
import io.clawmetry.api.gateway.UsageLogEntry;
import io.clawmetry.api.gateway.UsagePoint;
import io.clawmetry.api.gateway.UsageTimeseries;
import io.clawmetry.api.gateway.UsageTotals;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Maps gateway payloads (FORMATS §10.7) to the records of {@code io.clawmetry.api.gateway}. */
final class Payloads {

  private Payloads() {}

  static GatewayHealth health(JsonNode p) {
    List<GatewayHealth.AgentSessionCount> agents = new ArrayList<>();
    for (JsonNode a : p.path("agents")) {
      agents.add(new GatewayHealth.AgentSessionCount(text(a, "agentId"), integer(a.path("sessions"), "count")));
    }
    return new GatewayHealth(bool(p, "ok"), millis(p, "ts"), integer(p, "heartbeatSeconds"), text(p, "defaultAgentId"),
        agents, boolOrNull(p.path("eventLoop"), "degraded"), raw(p));
  }

  static ServerStatus serverStatus(JsonNode p) {
    return new ServerStatus(text(p, "runtimeVersion"), integer(p.path("sessions"), "count"),
        counts(p.path("tasks").path("byStatus")), counts(p.path("tasks").path("byRuntime")), raw(p));
  }

  static Page<LiveSession> sessions(JsonNode p) {
    List<LiveSession> out = list(p.path("sessions"), s -> new LiveSession(text(s, "key"), text(s, "sessionId"),
        text(s, "agentId"), text(s, "kind"), text(s, "label"), text(s, "displayName"), text(s, "status"),
        millis(s, "updatedAt"), text(s, "modelProvider"), text(s, "model"), lng(s, "inputTokens"),
        lng(s, "outputTokens"), lng(s, "totalTokens"), decimal(s, "estimatedCostUsd"), text(s, "spawnedBy"),
        bool(s, "hasActiveRun")));
    return new Page<>(out, integer(p, "totalCount"), bool(p, "hasMore"), integer(p, "nextOffset"));
  }

  static ChatHistory chatHistory(JsonNode p) {
    List<String> messages = list(p.path("messages"), JsonReads::raw);
    return new ChatHistory(text(p, "sessionKey"), text(p, "sessionId"), integer(p, "totalMessages"),
        bool(p, "hasMore"), messages);
  }

  static CacheStatus cacheStatus(JsonNode p) {
    JsonNode c = p.get("cacheStatus");
    if (c == null || !c.isObject()) {
      return new CacheStatus(null, null, null, null, null);
    }
    return new CacheStatus(text(c, "status"), integer(c, "cachedFiles"), integer(c, "pendingFiles"),
        integer(c, "staleFiles"), millis(c, "refreshedAt"));
  }

  static UsageTotals totals(JsonNode t) {
    return new UsageTotals(lng0(t, "input"), lng0(t, "output"), lng0(t, "cacheRead"), lng0(t, "cacheWrite"),
        lng0(t, "totalTokens"), decimal0(t, "totalCost"), lng0(t, "missingCostEntries"));
  }

  static UsageCost usageCost(JsonNode p) {
    List<DailyUsage> daily = list(p.path("daily"), d -> new DailyUsage(date(d, "date"), totals(d)));
    CacheStatus cs = cacheStatus(p);
    return new UsageCost(integer(p, "days"), daily, totals(p.path("totals")), cs, cs.provisional());
  }

  static SessionsUsage sessionsUsage(JsonNode p) {
    List<SessionUsage> sessions = list(p.path("sessions"), s -> new SessionUsage(text(s, "key"),
        text(s, "sessionId"), text(s, "agentId"), text(s, "modelProvider"), text(s, "model"),
        s.path("usage").isObject() ? totals(s.path("usage")) : null));
    CacheStatus cs = cacheStatus(p);
    return new SessionsUsage(date(p, "startDate"), date(p, "endDate"), sessions, totals(p.path("totals")), cs,
        cs.provisional(), raw(p));
  }

  static UsageTimeseries timeseries(JsonNode p) {
    List<UsagePoint> points = list(p.path("points"), x -> new UsagePoint(millis(x, "timestamp"), lng0(x, "input"),
        lng0(x, "output"), lng0(x, "cacheRead"), lng0(x, "cacheWrite"), lng0(x, "totalTokens"), decimal0(x, "cost"),
        lng0(x, "cumulativeTokens"), decimal0(x, "cumulativeCost")));
    return new UsageTimeseries(text(p, "sessionId"), points);
  }

  static List<UsageLogEntry> usageLogs(JsonNode p) {
    return list(p.path("logs"), x -> new UsageLogEntry(millis(x, "timestamp"), text(x, "role"), text(x, "content"),
        lng(x, "tokens"), decimal(x, "cost")));
  }

  static CronServiceStatus cronStatus(JsonNode p) {
    return new CronServiceStatus(bool(p, "enabled"), text(p, "storage"), (int) lng0(p, "jobs"),
        millis(p, "nextWakeAtMs"));
  }

  static Page<LiveCronJob> cronJobs(JsonNode p) {
    return new Page<>(list(p.path("jobs"), Payloads::cronJob), integer(p, "total"), bool(p, "hasMore"),
        integer(p, "nextOffset"));
  }

  /** A full or compact job (compact jobs carry the state flat; full ones nest it, sometimes also flat). */
  static LiveCronJob cronJob(JsonNode j) {
    JsonNode st = j.path("state");
    JsonNode sched = j.path("schedule");
    String kind = text(sched, "kind") != null ? text(sched, "kind") : text(j, "scheduleKind");
    return new LiveCronJob(text(j, "id"), text(j, "name"), text(j, "displayName"),
        text(j, "agentId") != null ? text(j, "agentId") : text(j, "effectiveAgentId"), bool(j, "enabled"), kind,
        describeSchedule(sched), first(millis(st, "nextRunAtMs"), millis(j, "nextRunAtMs")),
        first(millis(st, "runningAtMs"), millis(j, "runningAtMs")),
        first(millis(st, "lastRunAtMs"), millis(j, "lastRunAtMs")),
        first(first(text(st, "lastRunStatus"), text(st, "lastStatus")), text(j, "lastRunStatus")),
        first(text(st, "lastError"), text(j, "lastRunError")), integer(st, "consecutiveErrors"), raw(j));
  }

  static String describeSchedule(JsonNode s) {
    String kind = text(s, "kind");
    if (kind == null) {
      return null;
    }
    switch (kind) {
      case "cron":
        return "cron " + text(s, "expr") + (text(s, "tz") == null ? "" : " " + text(s, "tz"));
      case "every":
        Long ms = lng(s, "everyMs");
        return ms == null ? "every ?" : "every " + humanDuration(ms);
      case "at":
        String at = text(s, "at");
        if (at == null && lng(s, "atMs") != null) {
          at = Instant.ofEpochMilli(lng(s, "atMs")).toString();
        }
        return "at " + at;
      default:
        return kind;
    }
  }

  static String humanDuration(long ms) {
    Duration d = Duration.ofMillis(ms);
    if (ms % 86_400_000L == 0) {
      return d.toDays() + "d";
    }
    if (ms % 3_600_000L == 0) {
      return d.toHours() + "h";
    }
    if (ms % 60_000L == 0) {
      return d.toMinutes() + "m";
    }
    if (ms % 1000L == 0) {
      return d.toSeconds() + "s";
    }
    return ms + "ms";
  }

  static Page<LiveCronRun> cronRuns(JsonNode p) {
    List<LiveCronRun> runs = list(p.path("entries"), e -> new LiveCronRun(text(e, "jobId"), text(e, "jobName"),
        text(e, "runId"), millis(e, "ts"), millis(e, "runAtMs"), text(e, "status"), text(e, "error"),
        text(e, "summary"), lng(e, "durationMs"), text(e, "sessionId"), text(e, "sessionKey"), text(e, "provider"),
        text(e, "model"), text(e, "deliveryStatus"), raw(e)));
    return new Page<>(runs, integer(p, "total"), bool(p, "hasMore"), integer(p, "nextOffset"));
  }

  static CronRunResult cronRunResult(JsonNode p) {
    boolean enqueued = p.has("enqueued") ? bool(p, "enqueued") : bool(p, "ran");
    return new CronRunResult(bool(p, "ok"), enqueued, text(p, "runId"), text(p, "reason"));
  }

  static List<LiveTask> tasks(JsonNode p) {
    return list(p.path("tasks"), t -> new LiveTask(text(t, "id"), text(t, "kind"), text(t, "runtime"),
        text(t, "status"), text(t, "title"), emptyToNull(text(t, "sessionKey")), text(t, "runId"),
        text(t, "sourceId"), millis(t, "startedAt"), millis(t, "endedAt"), text(t, "terminalSummary"), raw(t)));
  }

  static LogsTail logsTail(JsonNode p) {
    return new LogsTail(text(p, "file"), lng0(p, "cursor"), lng0(p, "size"), strings(p.path("lines")),
        bool(p, "truncated"), bool(p, "reset"));
  }

  static ConfigSnapshot config(JsonNode p) {
    JsonNode cfg = p.has("config") ? p.get("config") : p.get("parsed");
    List<String> issues = list(p.path("issues"), i -> i.isTextual() ? i.asText()
        : first(text(i, "path"), "") + (text(i, "message") == null ? "" : ": " + text(i, "message")));
    return new ConfigSnapshot(text(p, "path"), boolOrNull(p, "valid"), text(p, "hash"),
        cfg == null ? null : raw(cfg), issues);
  }

  static List<LiveModel> models(JsonNode p) {
    return list(p.path("models"), m -> new LiveModel(text(m, "id"), text(m, "name"), text(m, "provider"),
        lng(m, "contextWindow")));
  }

  static List<PresenceEntry> presence(JsonNode p) {
    JsonNode arr = p.isArray() ? p : p.path("presence");
    return list(arr, e -> new PresenceEntry(text(e, "host"), text(e, "version"), text(e, "platform"),
        text(e, "mode"), tsOf(e)));
  }

  private static Instant tsOf(JsonNode e) {
    Instant i = millis(e, "ts");
    if (i != null) {
      return i;
    }
    String s = text(e, "ts");
    try {
      return s == null ? null : Instant.parse(s);
    } catch (DateTimeParseException ex) {
      return null;
    }
  }

  private static <T> List<T> list(JsonNode arr, Function<JsonNode, T> f) {
    List<T> out = new ArrayList<>();
    if (arr != null && arr.isArray()) {
      for (JsonNode n : arr) {
        if (n != null && !n.isNull()) {
          out.add(f.apply(n));
        }
      }
    }
    return out;
  }

  private static <T> T first(T a, T b) {
    return a != null ? a : b;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
