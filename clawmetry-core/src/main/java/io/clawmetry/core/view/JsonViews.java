package io.clawmetry.core.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.AgentInfo;
import io.clawmetry.api.CallCost;
import io.clawmetry.api.ContentBlock;
import io.clawmetry.api.CronJob;
import io.clawmetry.api.CronRun;
import io.clawmetry.api.EventMeta;
import io.clawmetry.api.GatewaySettings;
import io.clawmetry.api.GatewayTlsPin;
import io.clawmetry.api.HealthSnapshot;
import io.clawmetry.api.Home;
import io.clawmetry.api.Overview;
import io.clawmetry.api.RecordedCost;
import io.clawmetry.api.Report;
import io.clawmetry.api.Resolved;
import io.clawmetry.api.SessionInfo;
import io.clawmetry.api.SourceRef;
import io.clawmetry.api.SubagentNode;
import io.clawmetry.api.SubagentRun;
import io.clawmetry.api.TokenCounts;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.api.Usage;
import io.clawmetry.api.UsageLine;
import io.clawmetry.api.Warning;
import io.clawmetry.core.json.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The one JSON shape of every public record, shared by the CLI's {@code --json} output and the HTTP API so that both
 * print the same documented keys. Keys are camelCase; absent values are {@code null}; instants are ISO-8601 UTC;
 * money is a JSON number with its exact decimal digits.
 */
public final class JsonViews {

  private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

  private static final ObjectWriter PRETTY =
      Json.STRICT.writer(
          new DefaultPrettyPrinter()
              .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

  private JsonViews() {}

  /** Serialises a JSON tree: pretty (2-space indent, {@code "key": value}) or compact. */
  public static String write(JsonNode node, boolean pretty) {
    try {
      return pretty ? PRETTY.writeValueAsString(node) : Json.STRICT.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a JSON tree", e);
    }
  }

  /** A new empty object. */
  public static ObjectNode object() {
    return F.objectNode();
  }

  /** A new empty array. */
  public static ArrayNode array() {
    return F.arrayNode();
  }

  /** {@code {"kind","source","count","firstPosition","message"}}. */
  public static ObjectNode warning(Warning w) {
    ObjectNode o = F.objectNode();
    o.put("kind", w.kind().name());
    o.put("source", w.source());
    o.put("count", w.count());
    o.put("firstPosition", w.firstPosition());
    o.put("message", w.message());
    return o;
  }

  /** An array of warnings. */
  public static ArrayNode warnings(List<Warning> warnings) {
    ArrayNode a = F.arrayNode();
    warnings.forEach(w -> a.add(warning(w)));
    return a;
  }

  /** {@code {"kind","path"}}. */
  public static ObjectNode source(SourceRef s) {
    ObjectNode o = F.objectNode();
    o.put("kind", s.kind().name());
    o.put("path", s.path());
    return o;
  }

  /** An array of sources. */
  public static ArrayNode sources(List<SourceRef> sources) {
    ArrayNode a = F.arrayNode();
    sources.forEach(s -> a.add(source(s)));
    return a;
  }

  /** The session record, keys as documented in README ({@code sessions --json}). */
  public static ObjectNode session(SessionInfo s) {
    ObjectNode o = F.objectNode();
    o.put("key", s.key());
    o.put("agentId", s.agentId());
    o.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
    o.put("sessionId", s.sessionId());
    ArrayNode prev = o.putArray("previousSessionIds");
    s.previousSessionIds().forEach(prev::add);
    o.put("status", s.status());
    o.put("spawnedBy", s.spawnedBy());
    o.put("depth", s.depth());
    o.put("label", s.label());
    o.put("displayName", s.displayName());
    o.put("model", s.model());
    o.put("provider", s.provider());
    o.put("channel", s.channel());
    o.put("chatType", s.chatType());
    o.put("createdVia", s.createdVia());
    o.put("startedAt", instant(s.startedAt()));
    o.put("updatedAt", instant(s.updatedAt()));
    o.put("endedAt", instant(s.endedAt()));
    o.put("contextTokens", s.contextTokens());
    o.put("contextWindow", s.contextWindow());
    o.put("contextPercent", contextPercent(s.contextTokens(), s.contextWindow()));
    o.set("transcripts", sources(s.transcripts()));
    o.set("sources", sources(s.sources()));
    return o;
  }

  /**
   * How full a context window is, in percent with one decimal (half up, may exceed 100); null when either figure is
   * unknown or the window is not positive.
   */
  static BigDecimal contextPercent(Long contextTokens, Long contextWindow) {
    if (contextTokens == null || contextWindow == null || contextWindow <= 0) {
      return null;
    }
    return BigDecimal.valueOf(contextTokens).movePointRight(2)
        .divide(BigDecimal.valueOf(contextWindow), 1, RoundingMode.HALF_UP);
  }

  /**
   * Usage with its recorded cost ({@code null} when OpenClaw recorded none); {@code cacheWrite1h} (the 1-hour part of
   * {@code cacheWrite}) only when positive, as OpenClaw writes it.
   */
  public static ObjectNode usage(Usage u) {
    ObjectNode o = F.objectNode();
    o.put("input", u.input());
    o.put("output", u.output());
    o.put("cacheRead", u.cacheRead());
    o.put("cacheWrite", u.cacheWrite());
    if (u.cacheWrite1h() > 0) {
      o.put("cacheWrite1h", u.cacheWrite1h());
    }
    o.put("total", u.total());
    o.put("reasoning", u.reasoning());
    RecordedCost c = u.recordedCost();
    o.put("recordedCost", c == null ? null : c.total());
    return o;
  }

  /**
   * One transcript event; the {@code type} key uses OpenClaw's own entry type names. Messages carry {@code cost} and
   * {@code costSource} ({@code recorded}, {@code estimated} or {@code unknown}): {@code cost} is what the facade's
   * {@code cost(event, mode)} gave, null for messages that are not model calls.
   */
  public static ObjectNode event(TranscriptEvent e, CallCost cost) {
    ObjectNode o = F.objectNode();
    o.put("type", EventTypes.typeName(e));
    EventMeta m = e.meta();
    o.put("id", m.id());
    o.put("parentId", m.parentId());
    o.put("timestamp", instant(m.timestamp()));
    o.put("sessionId", m.sessionId());
    ObjectNode src = o.putObject("origin");
    src.put("kind", m.origin().kind().name());
    src.put("source", m.origin().source());
    src.put("position", m.origin().position());
    o.put("dedupKey", m.dedupKey());
    if (e instanceof TranscriptEvent.SessionHeader h) {
      o.put("version", h.version());
      o.put("cwd", h.cwd());
      o.put("parentSession", h.parentSession());
    } else if (e instanceof TranscriptEvent.Message msg) {
      o.put("role", EventTypes.roleName(msg.role()));
      ArrayNode content = o.putArray("content");
      msg.content().forEach(b -> content.add(block(b)));
      o.put("provider", msg.provider());
      o.put("model", msg.model());
      o.put("api", msg.api());
      o.set("usage", msg.usage() == null ? F.nullNode() : usage(msg.usage()));
      o.put("cost", cost == null ? null : cost.amount());
      o.put("costSource", cost == null ? null : cost.source().name().toLowerCase(Locale.ROOT));
      o.put("stopReason", msg.stopReason());
      o.put("errorMessage", msg.errorMessage());
      o.put("toolCallId", msg.toolCallId());
      o.put("toolName", msg.toolName());
      o.put("isError", msg.isError());
      o.put("customType", msg.customType());
    } else if (e instanceof TranscriptEvent.ModelChange mc) {
      o.put("provider", mc.provider());
      o.put("modelId", mc.modelId());
    } else if (e instanceof TranscriptEvent.ThinkingLevelChange t) {
      o.put("thinkingLevel", t.thinkingLevel());
    } else if (e instanceof TranscriptEvent.Compaction c) {
      o.put("summary", c.summary());
      o.put("firstKeptEntryId", c.firstKeptEntryId());
      o.put("tokensBefore", c.tokensBefore());
    } else if (e instanceof TranscriptEvent.BranchSummary b) {
      o.put("fromId", b.fromId());
      o.put("summary", b.summary());
    } else if (e instanceof TranscriptEvent.Custom c) {
      o.put("customType", c.customType());
      o.put("data", c.dataJson());
    } else if (e instanceof TranscriptEvent.CustomMessage c) {
      o.put("customType", c.customType());
      o.put("text", c.text());
      o.put("display", c.display());
    } else if (e instanceof TranscriptEvent.Label l) {
      o.put("targetId", l.targetId());
      o.put("label", l.label());
    } else if (e instanceof TranscriptEvent.SessionInfo si) {
      o.put("name", si.name());
    } else if (e instanceof TranscriptEvent.Unknown u) {
      o.put("entryType", u.type());
      o.put("json", u.json());
    }
    return o;
  }

  /** One content block. */
  public static ObjectNode block(ContentBlock b) {
    ObjectNode o = F.objectNode();
    if (b instanceof ContentBlock.Text t) {
      o.put("type", "text");
      o.put("text", t.text());
    } else if (b instanceof ContentBlock.Thinking t) {
      o.put("type", "thinking");
      o.put("thinking", t.thinking());
      o.put("redacted", t.redacted());
    } else if (b instanceof ContentBlock.ToolCall t) {
      o.put("type", "toolCall");
      o.put("id", t.id());
      o.put("name", t.name());
      o.put("arguments", t.argumentsJson());
    } else if (b instanceof ContentBlock.Image i) {
      o.put("type", "image");
      o.put("mimeType", i.mimeType());
      o.put("dataLength", i.dataLength());
    } else if (b instanceof ContentBlock.Unknown u) {
      o.put("type", u.type());
    }
    return o;
  }

  /** A sub-agent run. */
  public static ObjectNode subagent(SubagentRun r) {
    ObjectNode o = F.objectNode();
    o.put("runId", r.runId());
    o.put("childSessionKey", r.childSessionKey());
    o.put("requesterSessionKey", r.requesterSessionKey());
    o.put("agentId", r.agentId());
    o.put("depth", r.depth());
    o.put("task", r.task());
    o.put("label", r.label());
    o.put("model", r.model());
    o.put("status", r.status());
    o.put("createdAt", instant(r.createdAt()));
    o.put("endedAt", instant(r.endedAt()));
    o.set("source", r.source() == null ? F.nullNode() : source(r.source()));
    o.put("runtimeMs", r.runtimeMs());
    return o;
  }

  /** Token counters. */
  public static ObjectNode tokens(TokenCounts t) {
    ObjectNode o = F.objectNode();
    o.put("input", t.input());
    o.put("output", t.output());
    o.put("cacheRead", t.cacheRead());
    o.put("cacheWrite", t.cacheWrite());
    o.put("cacheWrite1h", t.cacheWrite1h());
    o.put("total", t.total());
    return o;
  }

  /**
   * The sub-agent runs and tree with the warnings that concern them, {@code {runs[], tree[], warnings[]}}: the one shape
   * of {@code clawmetry subagents --json} and {@code GET /api/subagents}.
   */
  public static ObjectNode subagents(List<SubagentRun> runs, Report<SubagentNode> tree) {
    ObjectNode o = F.objectNode();
    ArrayNode ra = o.putArray("runs");
    runs.forEach(r -> ra.add(subagent(r)));
    ArrayNode ta = o.putArray("tree");
    tree.items().forEach(n -> ta.add(subagentNode(n)));
    o.set("warnings", warnings(tree.warnings()));
    return o;
  }

  /** A node of the sub-agent tree, with its children. */
  public static ObjectNode subagentNode(SubagentNode n) {
    ObjectNode o = F.objectNode();
    o.put("sessionKey", n.sessionKey());
    o.set("run", n.run() == null ? F.nullNode() : subagent(n.run()));
    o.put("status", n.status());
    o.put("runtimeMs", n.runtimeMs());
    o.set("ownTokens", tokens(n.ownTokens()));
    o.put("ownCost", n.ownCost());
    o.set("totalTokens", tokens(n.totalTokens()));
    o.put("totalCost", n.totalCost());
    o.put("costSource", n.costSource().name().toLowerCase(Locale.ROOT));
    ArrayNode kids = o.putArray("children");
    n.children().forEach(c -> kids.add(subagentNode(c)));
    return o;
  }

  /** The overview. */
  public static ObjectNode overview(Overview v) {
    ObjectNode o = F.objectNode();
    o.put("asOf", instant(v.asOf()));
    o.put("today", v.today().toString());
    o.put("timezone", v.zone());
    o.put("costToday", v.costToday());
    o.put("costThisWeek", v.costThisWeek());
    o.put("costThisMonth", v.costThisMonth());
    o.put("projectedMonth", v.projectedMonth());
    o.set("tokensToday", tokens(v.tokensToday()));
    o.put("sessions", v.sessions());
    ArrayNode active = o.putArray("activeSessions");
    v.activeSessions().forEach(s -> active.add(session(s)));
    ArrayNode top = o.putArray("topModels");
    for (UsageLine l : v.topModels()) {
      ObjectNode m = F.objectNode();
      m.put("provider", l.provider());
      m.put("model", l.model());
      m.set("tokens", tokens(l.tokens()));
      m.put("cost", l.cost());
      m.put("costSource", l.costSource().name().toLowerCase(Locale.ROOT));
      m.put("calls", l.calls());
      top.add(m);
    }
    ArrayNode failing = o.putArray("failingCrons");
    v.failingCrons().forEach(j -> failing.add(cronJob(j)));
    o.set("warnings", warnings(v.warnings()));
    return o;
  }

  /** A cron job with its state. */
  public static ObjectNode cronJob(CronJob j) {
    ObjectNode o = F.objectNode();
    o.put("id", j.id());
    o.put("agentId", j.agentId());
    o.put("name", j.name());
    o.put("description", j.description());
    o.put("enabled", j.enabled());
    ObjectNode s = o.putObject("schedule");
    if (j.schedule() != null) {
      s.put("kind", j.schedule().kind());
      s.put("expr", j.schedule().expr());
      s.put("timeZone", j.schedule().timeZone());
      s.put("everyMs", j.schedule().everyMs());
      s.put("at", instant(j.schedule().at()));
    }
    o.put("sessionTarget", j.sessionTarget());
    o.put("payloadKind", j.payloadKind());
    o.put("deliveryMode", j.deliveryMode());
    o.put("createdAt", instant(j.createdAt()));
    o.put("updatedAt", instant(j.updatedAt()));
    ObjectNode st = o.putObject("state");
    if (j.state() != null) {
      st.put("nextRunAt", instant(j.state().nextRunAt()));
      st.put("runningAt", instant(j.state().runningAt()));
      st.put("lastRunAt", instant(j.state().lastRunAt()));
      st.put("lastStatus", j.state().lastStatus());
      st.put("lastError", j.state().lastError());
      st.put("lastDurationMs", j.state().lastDurationMs());
      st.put("consecutiveErrors", j.state().consecutiveErrors());
      st.put("lastDeliveryStatus", j.state().lastDeliveryStatus());
    }
    o.set("source", j.source() == null ? F.nullNode() : source(j.source()));
    return o;
  }

  /** A cron run. */
  public static ObjectNode cronRun(CronRun r) {
    ObjectNode o = F.objectNode();
    o.put("jobId", r.jobId());
    o.put("runId", r.runId());
    o.put("status", r.status());
    o.put("startedAt", instant(r.startedAt()));
    o.put("finishedAt", instant(r.finishedAt()));
    o.put("durationMs", r.durationMs());
    o.put("error", r.error());
    o.put("summary", r.summary());
    o.put("sessionId", r.sessionId());
    o.put("sessionKey", r.sessionKey());
    o.put("provider", r.provider());
    o.put("model", r.model());
    o.set("usage", r.usage() == null ? F.nullNode() : usage(r.usage()));
    o.put("deliveryStatus", r.deliveryStatus());
    o.set("source", r.source() == null ? F.nullNode() : source(r.source()));
    return o;
  }

  /** What discovery found ({@code doctor --json}). Never contains a secret. */
  public static ObjectNode home(Home h) {
    ObjectNode o = F.objectNode();
    o.set("stateDir", resolved(h.stateDir()));
    o.set("configPath", resolved(h.configPath()));
    o.put("configFound", h.configFound());
    o.put("versionHint", h.versionHint());
    o.set("gateway", gateway(h.gateway()));
    ArrayNode agents = o.putArray("agents");
    h.agents().forEach(a -> agents.add(agent(a)));
    o.set("logDir", resolved(h.logDir()));
    o.set("cronStore", resolved(h.cronStore()));
    ArrayNode nf = o.putArray("notFound");
    h.notFound().forEach(nf::add);
    o.set("warnings", warnings(h.warnings()));
    return o;
  }

  private static ObjectNode gateway(GatewaySettings g) {
    ObjectNode o = F.objectNode();
    o.set("port", resolved(g.port()));
    o.put("bind", g.bind());
    o.put("tls", g.tls());
    o.put("mode", g.mode());
    o.put("remoteUrl", g.remoteUrl());
    o.put("envUrl", g.envUrl());
    o.put("authMode", g.authMode());
    o.put("credential", g.credential());
    o.put("credentialAvailable", g.credentialAvailable());
    GatewayTlsPin pin = g.tlsPin();
    if (pin == null) {
      o.putNull("tlsPin");
    } else {
      ObjectNode p = o.putObject("tlsPin");
      p.put("fingerprint", pin.fingerprint());
      p.put("origin", pin.origin());
      p.put("certificateFile", pin.certificateFile());
      p.put("problem", pin.problem());
    }
    return o;
  }

  private static ObjectNode agent(AgentInfo a) {
    ObjectNode o = F.objectNode();
    o.put("id", a.id());
    o.put("era", a.era().name().toLowerCase(Locale.ROOT));
    o.put("agentDir", a.agentDir());
    o.put("sessionsDir", a.sessionsDir());
    o.put("database", a.database());
    o.put("schemaVersion", a.schemaVersion());
    o.put("workspace", a.workspace());
    o.put("transcriptFiles", a.transcriptFiles());
    o.put("databaseEvents", a.databaseEvents());
    return o;
  }

  private static JsonNode resolved(Resolved r) {
    if (r == null) {
      return F.nullNode();
    }
    ObjectNode o = F.objectNode();
    o.put("value", r.value());
    o.put("origin", r.origin());
    return o;
  }

  /**
   * The host's health ({@code health --json}, {@code /api/system-health}): {@code asOf}; {@code disk {path,
   * totalBytes, usedBytes, availableBytes, usedPercent, warnPercent, warning}}; {@code memory {totalBytes,
   * availableBytes, usedPercent, source}}; {@code load {oneMinute, fiveMinutes, fifteenMinutes, processors}};
   * {@code uptime {hostMs, jvmMs}}; {@code jvm {heapUsedBytes, heapCommittedBytes, heapMaxBytes, version, threads,
   * uptimeMs}}; {@code ports[] {name, port, open}}; {@code gpus[] {index, name, utilizationPercent, memoryUsedMiB,
   * memoryTotalMiB, temperatureC}}; {@code warnings[]}; {@code problems[]}. A part that could not be read is null.
   */
  public static ObjectNode health(HealthSnapshot h) {
    ObjectNode o = F.objectNode();
    o.put("asOf", instant(h.at()));
    if (h.disk() == null) {
      o.putNull("disk");
    } else {
      ObjectNode d = o.putObject("disk");
      d.put("path", h.disk().path());
      d.put("totalBytes", h.disk().totalBytes());
      d.put("usedBytes", h.disk().usedBytes());
      d.put("availableBytes", h.disk().availableBytes());
      d.put("usedPercent", h.disk().usedPercent());
      d.put("warnPercent", h.disk().warnPercent());
      d.put("warning", h.disk().warning());
    }
    if (h.memory() == null) {
      o.putNull("memory");
    } else {
      ObjectNode m = o.putObject("memory");
      m.put("totalBytes", h.memory().totalBytes());
      m.put("availableBytes", h.memory().availableBytes());
      m.put("usedPercent", h.memory().usedPercent());
      m.put("source", h.memory().source());
    }
    if (h.load() == null) {
      o.putNull("load");
    } else {
      ObjectNode l = o.putObject("load");
      l.put("oneMinute", h.load().oneMinute());
      l.put("fiveMinutes", h.load().fiveMinutes());
      l.put("fifteenMinutes", h.load().fifteenMinutes());
      l.put("processors", h.load().processors());
    }
    ObjectNode u = o.putObject("uptime");
    u.put("hostMs", h.uptime() == null ? null : h.uptime().toMillis());
    u.put("jvmMs", h.jvm() == null ? null : h.jvm().uptime().toMillis());
    if (h.jvm() == null) {
      o.putNull("jvm");
    } else {
      ObjectNode j = o.putObject("jvm");
      j.put("heapUsedBytes", h.jvm().heapUsedBytes());
      j.put("heapCommittedBytes", h.jvm().heapCommittedBytes());
      j.put("heapMaxBytes", h.jvm().heapMaxBytes());
      j.put("version", h.jvm().version());
      j.put("threads", h.jvm().threads());
      j.put("uptimeMs", h.jvm().uptime().toMillis());
    }
    ArrayNode ports = o.putArray("ports");
    h.ports().forEach(p -> ports.addObject().put("name", p.name()).put("port", p.port()).put("open", p.open()));
    ArrayNode gpus = o.putArray("gpus");
    h.gpus()
        .forEach(
            g ->
                gpus.addObject()
                    .put("index", g.index())
                    .put("name", g.name())
                    .put("utilizationPercent", g.utilizationPercent())
                    .put("memoryUsedMiB", g.memoryUsedMiB())
                    .put("memoryTotalMiB", g.memoryTotalMiB())
                    .put("temperatureC", g.temperatureC()));
    ArrayNode warnings = o.putArray("warnings");
    h.warnings().forEach(warnings::add);
    ArrayNode problems = o.putArray("problems");
    h.problems().forEach(problems::add);
    return o;
  }

  /** ISO-8601 UTC, or null. */
  public static String instant(Instant i) {
    return i == null ? null : i.toString();
  }
}
