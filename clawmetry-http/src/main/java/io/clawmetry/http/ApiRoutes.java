package io.clawmetry.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.ContentBlock;
import io.clawmetry.api.CostMode;
import io.clawmetry.api.CronJob;
import io.clawmetry.api.HealthQuery;
import io.clawmetry.api.Report;
import io.clawmetry.api.SessionInfo;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.api.UsagePeriod;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageReport;
import io.clawmetry.api.UsageRow;
import io.clawmetry.core.view.EventTypes;
import io.clawmetry.core.view.JsonViews;
import io.clawmetry.core.view.UsageCsv;
import io.clawmetry.core.view.UsageViews;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntSupplier;

/**
 * The JSON API under {@code /api/}: a thin adapter over the {@link ClawMetry} facade. Every body is rendered by the
 * shared views ({@link JsonViews}, {@link UsageViews}, {@link UsageCsv}) so the CLI and the API agree; the timeline,
 * flow, health, memory and logs shapes are documented in README ("HTTP API").
 */
final class ApiRoutes {

  /** Sessions whose transcripts the flow view scans for tool calls (the most recently updated). */
  static final int FLOW_SESSIONS = 100;

  private final ClawMetry cm;
  private final GatewayBridge bridge;
  private final Clock clock;
  private final double diskWarnPercent;
  private final IntSupplier ownPort;
  private final RenderedCache<io.clawmetry.api.UsageReport> usageJson = new RenderedCache<>(16);

  ApiRoutes(ClawMetry cm, GatewayBridge bridge, Clock clock, double diskWarnPercent, IntSupplier ownPort) {
    this.cm = cm;
    this.bridge = bridge;
    this.clock = clock;
    this.diskWarnPercent = diskWarnPercent;
    this.ownPort = ownPort;
  }

  void handle(Request r) throws IOException {
    String route = r.segment(1);
    int n = r.segments().size();
    boolean post = "POST".equals(r.method());
    if (route == null) {
      throw HttpFailure.notFound("not found");
    }
    if (post) {
      if ("crons".equals(route) && n == 4) {
        cronAction(r, Ids.require(r.segment(2), "cron job id"), r.segment(3));
        return;
      }
      throw new HttpFailure(405, "method not allowed");
    }
    switch (route) {
      case "overview":
        exact(n, 2);
        Responses.json(r.exchange(), JsonViews.overview(cm.overview(zone(r))));
        return;
      case "flow":
        exact(n, 2);
        Responses.json(r.exchange(), flow());
        return;
      case "sessions":
        if (n == 2) {
          Responses.json(r.exchange(), sessions(r));
        } else {
          exact(n, 3);
          Responses.json(r.exchange(), session(Ids.require(r.segment(2), "session key")));
        }
        return;
      case "timeline":
        exact(n, 3);
        String tk = Ids.require(r.segment(2), "session key");
        requireSession(tk);
        CostMode mode = UsageParams.costMode(r);
        ObjectNode tl = TimelineView.build(tk, cm.transcript(tk), e -> cm.cost(e, mode));
        cm.session(tk).ifPresent(s -> tl.put("sessionId", s.sessionId()));
        Responses.json(r.exchange(), tl);
        return;
      case "transcript":
        exact(n, 3);
        Responses.json(r.exchange(), transcript(r, Ids.require(r.segment(2), "session key")));
        return;
      case "subagents":
        exact(n, 2);
        Responses.json(r.exchange(), subagents());
        return;
      case "usage":
        exact(n, 2);
        Responses.send(
            r.exchange(),
            200,
            Responses.JSON,
            usageJson.get(
                cm.usage(UsageParams.parse(r, clock.getZone())),
                u -> JsonViews.write(UsageViews.report(u), false).getBytes(StandardCharsets.UTF_8)));
        return;
      case "usage.csv":
        exact(n, 2);
        usageCsv(r);
        return;
      case "crons":
        if (n == 2) {
          ObjectNode o = JsonViews.object();
          Report<CronJob> jobs = cm.crons();
          ArrayNode a = o.putArray("jobs");
          jobs.items().forEach(j -> a.add(JsonViews.cronJob(j)));
          o.set("warnings", JsonViews.warnings(jobs.warnings()));
          Responses.json(r.exchange(), o);
        } else if (n == 4 && "runs".equals(r.segment(3))) {
          String id = Ids.require(r.segment(2), "cron job id");
          requireJob(id);
          ObjectNode o = JsonViews.object();
          o.put("jobId", id);
          var runs = cm.cronRuns(id);
          ArrayNode a = o.putArray("runs");
          runs.items().forEach(x -> a.add(JsonViews.cronRun(x)));
          o.set("warnings", JsonViews.warnings(runs.warnings()));
          Responses.json(r.exchange(), o);
        } else if (n == 4 && List.of("enable", "disable", "run").contains(r.segment(3))) {
          throw new HttpFailure(405, "method not allowed");
        } else {
          throw HttpFailure.notFound("not found");
        }
        return;
      case "system-health":
        exact(n, 2);
        HealthQuery hq =
            HealthQuery.defaults().withDiskWarnPercent(diskWarnPercent).withPort("clawmetry", ownPort.getAsInt());
        Responses.json(r.exchange(), JsonViews.health(cm.health(hq)));
        return;
      case "memory":
        exact(n, 2);
        Responses.json(r.exchange(), MemoryFiles.list(cm.home()));
        return;
      case "logs":
        exact(n, 2);
        Responses.json(r.exchange(), GatewayLogs.tail(cm.home(), intParam(r, "lines", 200, 1, GatewayLogs.MAX_LINES)));
        return;
      case "gateway":
        exact(n, 2);
        Responses.json(r.exchange(), gateway());
        return;
      case "home":
        exact(n, 2);
        Responses.json(r.exchange(), JsonViews.home(cm.home()));
        return;
      default:
        throw HttpFailure.notFound("not found");
    }
  }

  private static void exact(int n, int expected) {
    if (n != expected) {
      throw HttpFailure.notFound("not found");
    }
  }

  private ZoneId zone(Request r) {
    return UsageParams.zone(r.param("tz"), clock.getZone());
  }

  private static int intParam(Request r, String name, int dflt, int min, int max) {
    String s = r.param(name);
    if (s == null || s.isEmpty()) {
      return dflt;
    }
    try {
      int v = Integer.parseInt(s);
      if (v < min || v > max) {
        throw HttpFailure.badRequest(name + " must be between " + min + " and " + max);
      }
      return v;
    } catch (NumberFormatException e) {
      throw HttpFailure.badRequest(name + " must be a number");
    }
  }

  private ObjectNode sessions(Request r) {
    Report<SessionInfo> report = cm.sessions();
    String agent = r.param("agent");
    String kind = r.param("kind");
    String status = r.param("status");
    ObjectNode o = JsonViews.object();
    ArrayNode a = o.putArray("sessions");
    for (SessionInfo s : report.items()) {
      if (agent != null && !agent.isEmpty() && !agent.equals(s.agentId())
          || kind != null && !kind.isEmpty() && !kind.equalsIgnoreCase(s.kind().name())
          || status != null && !status.isEmpty() && !status.equalsIgnoreCase(String.valueOf(s.status()))) {
        continue;
      }
      a.add(JsonViews.session(s));
    }
    o.set("warnings", JsonViews.warnings(report.warnings()));
    return o;
  }

  private SessionInfo requireSession(String key) {
    Optional<SessionInfo> s = cm.session(key);
    if (s.isEmpty()) {
      throw HttpFailure.notFound("no such session");
    }
    return s.get();
  }

  private void requireJob(String id) {
    if (cm.crons().items().stream().noneMatch(j -> j.id().equals(id))) {
      throw HttpFailure.notFound("no such cron job");
    }
  }

  private ObjectNode session(String key) {
    SessionInfo s = requireSession(key);
    ObjectNode o = JsonViews.object();
    o.set("session", JsonViews.session(s));
    UsageReport u = cm.usage(UsageQuery.daily(clock.getZone()).withPeriod(UsagePeriod.SESSION));
    ObjectNode usage = null;
    for (UsageRow row : u.rows()) {
      if (row.key().equals(s.key())) {
        usage = JsonViews.object();
        usage.set("tokens", JsonViews.tokens(row.tokens()));
        usage.put("cost", row.cost());
        usage.put("costSource", row.costSource().name().toLowerCase(Locale.ROOT));
        usage.put("calls", row.calls());
        usage.put("errors", row.errors());
      }
    }
    o.set("usage", usage);
    ArrayNode children = o.putArray("children");
    cm.sessions().items().stream()
        .filter(c -> s.key().equals(c.spawnedBy()))
        .forEach(c -> children.add(c.key()));
    return o;
  }

  private ObjectNode transcript(Request r, String key) {
    requireSession(key);
    Set<String> filter = new LinkedHashSet<>();
    String types = r.param("types");
    if (types != null && !types.isBlank()) {
      for (String t : types.split(",")) {
        String name = t.trim();
        if (!EventTypes.FILTER_NAMES.contains(name)) {
          throw HttpFailure.badRequest("unknown type; use " + String.join(", ", new java.util.TreeSet<>(EventTypes.FILTER_NAMES)));
        }
        filter.add(name);
      }
    }
    CostMode mode = UsageParams.costMode(r);
    Report<TranscriptEvent> report = cm.transcript(key);
    ObjectNode o = JsonViews.object();
    o.put("session", key);
    ArrayNode a = o.putArray("events");
    report.items().stream()
        .filter(e -> EventTypes.matches(e, filter))
        .forEach(e -> a.add(JsonViews.event(e, cm.cost(e, mode).orElse(null))));
    o.set("sources", JsonViews.sources(report.sources()));
    o.set("warnings", JsonViews.warnings(report.warnings()));
    return o;
  }

  private ObjectNode subagents() {
    return JsonViews.subagents(cm.subagents().items(), cm.subagentReport());
  }

  private void usageCsv(Request r) throws IOException {
    UsageQuery q = UsageParams.parse(r, clock.getZone());
    StringBuilder sb = new StringBuilder();
    UsageCsv.write(cm.usage(q), sb);
    r.exchange().getResponseHeaders().set(
        "Content-Disposition", "attachment; filename=\"clawmetry-usage-" + UsageViews.arrayName(q.period()) + ".csv\"");
    Responses.send(r.exchange(), 200, "text/csv; charset=utf-8", sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Channels → gateway → models → tools, with counts. */
  private ObjectNode flow() {
    UsageQuery base = UsageQuery.daily(clock.getZone());
    ObjectNode o = JsonViews.object();
    o.set("channels", rows(cm.usage(base.withPeriod(UsagePeriod.CHANNEL))));
    o.set("models", rows(cm.usage(base.withPeriod(UsagePeriod.MODEL))));
    List<SessionInfo> sessions = cm.sessions().items();
    o.put("sessions", sessions.size());
    Map<String, Long> tools = new TreeMap<>();
    List<SessionInfo> recent =
        sessions.stream()
            .sorted(Comparator.comparing(SessionInfo::updatedAt, Comparator.nullsLast(Comparator.reverseOrder())))
            .limit(FLOW_SESSIONS)
            .toList();
    for (SessionInfo s : recent) {
      for (TranscriptEvent e : cm.transcript(s.key()).items()) {
        if (e instanceof TranscriptEvent.Message m) {
          for (ContentBlock b : m.content()) {
            if (b instanceof ContentBlock.ToolCall c) {
              tools.merge(c.name() == null ? "?" : c.name(), 1L, Long::sum);
            }
          }
        }
      }
    }
    ArrayNode ta = o.putArray("tools");
    tools.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(
            e -> {
              ObjectNode t = ta.addObject();
              t.put("name", e.getKey());
              t.put("calls", e.getValue());
            });
    o.put("toolSessionsScanned", recent.size());
    return o;
  }

  private static ArrayNode rows(UsageReport r) {
    ArrayNode a = JsonViews.array();
    for (UsageRow row : r.rows()) {
      ObjectNode x = a.addObject();
      x.put("name", row.key());
      x.put("calls", row.calls());
      x.put("tokens", row.tokens().total());
      x.put("cost", row.cost());
    }
    return a;
  }

  private ObjectNode gateway() {
    GatewayBridge.GatewayStatus s = bridge.status();
    ObjectNode o = JsonViews.object();
    o.put("connected", s.connected());
    o.put("url", s.url());
    o.put("version", s.version());
    o.put("uptimeMs", s.uptimeMs());
    ArrayNode scopes = o.putArray("scopes");
    s.scopes().forEach(scopes::add);
    o.put("detail", s.detail());
    o.set("settings", JsonViews.home(cm.home()).get("gateway"));
    o.put("asOf", Instant.now(clock).toString());
    return o;
  }

  private void cronAction(Request r, String id, String actionName) throws IOException {
    GatewayBridge.CronAction action =
        Arrays.stream(GatewayBridge.CronAction.values())
            .filter(a -> a.name().toLowerCase(Locale.ROOT).equals(actionName))
            .findFirst()
            .orElseThrow(() -> HttpFailure.notFound("not found"));
    r.body(Router.MAX_BODY); // drained and capped; the action takes no parameters
    requireJob(id);
    GatewayBridge.CronActionResult res = bridge.cronAction(id, action);
    ObjectNode o = JsonViews.object();
    o.put("jobId", id);
    o.put("action", actionName);
    o.put("ok", res.ok());
    o.put("message", res.message());
    o.put("runId", res.runId());
    Responses.json(r.exchange(), res.ok() ? 200 : bridge.status().connected() ? 502 : 503, o);
  }
}
