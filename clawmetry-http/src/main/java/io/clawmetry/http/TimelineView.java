package io.clawmetry.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.CallCost;
import io.clawmetry.api.ContentBlock;
import io.clawmetry.api.CostSource;
import io.clawmetry.api.MessageRole;
import io.clawmetry.api.Report;
import io.clawmetry.api.TokenCounts;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.api.TranscriptEvent.Message;
import io.clawmetry.core.usage.CallClassifier;
import io.clawmetry.core.view.EventTypes;
import io.clawmetry.core.view.ForkParents;
import io.clawmetry.core.view.JsonViews;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The session timeline: a transcript (already read and deduplicated by the facade) presented as turns. A turn starts
 * at a user message and holds the assistant replies (text, thinking, tool calls, tokens, cost, latency), the
 * tool results and markers (model changes, compactions, branch summaries) up to the next user message.
 *
 * <p>Costs are the facade's {@code cost(event, mode)} (the one cost function of every report): per assistant message
 * {@code cost} and {@code costSource}, per turn and in total their sum, its combined source and the calls without a
 * price ({@code unpricedCalls}). {@code recordedCost} and {@code callsWithoutRecordedCost} keep what OpenClaw itself
 * recorded. Calls, errors and tokens are counted as usage counts them ({@link CallClassifier}): OpenClaw's synthetic
 * rows are shown but are no calls, a failed call with tokens is a call. In a forked session whose parent transcript is
 * still there ({@link ForkParents}), the assistant messages copied from the parent (older than the fork's header) are
 * shown with {@code inherited: true} and left out of the sums ({@code inheritedMessages} counts them): usage books them to the parent, so a session's timeline totals equal
 * its usage row.
 *
 * <p>Latency of an assistant message = its timestamp minus the timestamp of the user message or tool result it
 * answers (found by walking {@code parentId}, else the preceding one in file order). The active branch is the chain
 * of {@code parentId} links from the last entry (the leaf) of each session id; entries with an id off that chain are
 * on abandoned branches ({@code active: false}). Entries without ids (v1 transcripts) are active.
 */
final class TimelineView {

  /** Texts longer than this are cut (with {@code truncated: true}); the transcript route has the full text. */
  static final int MAX_TEXT = 16_000;

  private final Map<String, TranscriptEvent> byId = new HashMap<>();
  private final Set<String> active = new HashSet<>();
  /**
   * Per forked session id whose parent transcript is still there, when the fork was made (its header's time): older
   * entries were copied from the parent, and usage books them there.
   */
  private final Map<String, Instant> forkedAt = new HashMap<>();

  private TimelineView(List<TranscriptEvent> events) {
    Map<String, String> leafBySession = new LinkedHashMap<>();
    for (TranscriptEvent e : events) {
      if (e instanceof TranscriptEvent.SessionHeader h && e.meta().timestamp() != null && ForkParents.present(h)) {
        forkedAt.putIfAbsent(String.valueOf(e.meta().sessionId()), e.meta().timestamp());
      }
      String id = e.meta().id();
      if (id != null) {
        byId.putIfAbsent(id, e);
        leafBySession.put(String.valueOf(e.meta().sessionId()), id);
      }
    }
    for (String leaf : leafBySession.values()) {
      String cur = leaf;
      while (cur != null && active.add(cur)) {
        TranscriptEvent e = byId.get(cur);
        cur = e == null ? null : e.meta().parentId();
      }
    }
  }

  /** The timeline JSON of session {@code key}. */
  static ObjectNode build(
      String key, Report<TranscriptEvent> report, Function<TranscriptEvent, Optional<CallCost>> costs) {
    return new TimelineView(report.items()).render(key, report, costs);
  }

  /**
   * Whether {@code e} is an entry a fork copied from its parent session (older than the fork's header): shown, but
   * its call is counted for the parent, where usage books it (the parent's file is read first and holds it).
   */
  private boolean isInherited(TranscriptEvent e) {
    Instant forked = forkedAt.get(String.valueOf(e.meta().sessionId()));
    return forked != null && e.meta().timestamp() != null && e.meta().timestamp().isBefore(forked);
  }

  private boolean isActive(TranscriptEvent e) {
    return e.meta().id() == null || active.contains(e.meta().id());
  }

  private ObjectNode render(
      String key, Report<TranscriptEvent> report, Function<TranscriptEvent, Optional<CallCost>> costs) {
    ObjectNode root = JsonViews.object();
    root.put("session", key);
    ArrayNode turns = root.putArray("turns");
    Turn turn = null;
    Instant lastInput = null;
    long activeCount = 0;
    long abandonedCount = 0;
    Totals all = new Totals();
    for (TranscriptEvent e : report.items()) {
      if (e instanceof TranscriptEvent.SessionHeader) {
        continue;
      }
      boolean act = isActive(e);
      if (act) {
        activeCount++;
      } else {
        abandonedCount++;
      }
      ObjectNode step = step(e, act);
      if (step == null) {
        continue;
      }
      if (e instanceof Message m && m.role() == MessageRole.USER || turn == null) {
        if (turn != null) {
          turns.add(turn.finish());
        }
        turn = new Turn(turns.size());
      }
      if (e instanceof Message m) {
        if (m.role() == MessageRole.ASSISTANT) {
          Instant input = precedingInput(m, lastInput);
          if (input != null && m.meta().timestamp() != null) {
            long ms = Duration.between(input, m.meta().timestamp()).toMillis();
            step.put("latencyMs", ms);
            turn.totals.latencyMs += ms;
          } else {
            step.putNull("latencyMs");
          }
          CallCost cost = costs.apply(m).orElse(null);
          step.put("cost", cost == null ? null : cost.amount());
          step.put("costSource", cost == null ? null : cost.source().name().toLowerCase(Locale.ROOT));
          if (isInherited(m)) {
            step.put("inherited", true);
            turn.totals.inherited++;
            all.inherited++;
          } else {
            turn.totals.add(m, cost);
            all.add(m, cost);
          }
        } else if (m.role() == MessageRole.USER || m.role() == MessageRole.TOOL_RESULT) {
          lastInput = m.meta().timestamp();
        }
      }
      turn.add(step, e, act);
    }
    if (turn != null) {
      turns.add(turn.finish());
    }
    root.put("activeEvents", activeCount);
    root.put("abandonedEvents", abandonedCount);
    root.set("totals", all.json());
    root.set("sources", JsonViews.sources(report.sources()));
    root.set("warnings", JsonViews.warnings(report.warnings()));
    return root;
  }

  /** The timestamp of the user message or tool result this assistant message answers. */
  private Instant precedingInput(Message m, Instant fallback) {
    String cur = m.meta().parentId();
    int guard = 0;
    while (cur != null && guard++ < 10_000) {
      TranscriptEvent p = byId.get(cur);
      if (p == null) {
        break;
      }
      if (p instanceof Message pm && (pm.role() == MessageRole.USER || pm.role() == MessageRole.TOOL_RESULT)) {
        return pm.meta().timestamp();
      }
      cur = p.meta().parentId();
    }
    return fallback;
  }

  private static ObjectNode step(TranscriptEvent e, boolean act) {
    ObjectNode o = JsonViews.object();
    if (e instanceof Message m) {
      o.put("kind", EventTypes.roleName(m.role()));
      common(o, e, act);
      StringBuilder text = new StringBuilder();
      ArrayNode thinking = JsonViews.array();
      ArrayNode calls = JsonViews.array();
      for (ContentBlock b : m.content()) {
        if (b instanceof ContentBlock.Text t) {
          text.append(text.length() > 0 ? "\n" : "").append(t.text());
        } else if (b instanceof ContentBlock.Thinking t) {
          ObjectNode th = thinking.addObject();
          putText(th, "text", t.thinking());
          th.put("redacted", t.redacted());
        } else if (b instanceof ContentBlock.ToolCall c) {
          ObjectNode call = calls.addObject();
          call.put("id", c.id());
          call.put("name", c.name());
          putText(call, "arguments", c.argumentsJson());
        } else if (b instanceof ContentBlock.Image i) {
          text.append(text.length() > 0 ? "\n" : "").append("[image ").append(i.mimeType()).append(']');
        }
      }
      putText(o, "text", text.toString());
      if (m.role() == MessageRole.ASSISTANT) {
        o.set("thinking", thinking);
        o.set("toolCalls", calls);
        o.put("provider", m.provider());
        o.put("model", m.model());
        o.set("usage", m.usage() == null ? null : JsonViews.usage(m.usage()));
        o.put("recordedCost", m.usage() == null || m.usage().recordedCost() == null
            ? null : m.usage().recordedCost().total());
        o.put("stopReason", m.stopReason());
        o.put("errorMessage", m.errorMessage());
      } else if (m.role() == MessageRole.TOOL_RESULT) {
        o.put("toolCallId", m.toolCallId());
        o.put("toolName", m.toolName());
        o.put("isError", m.isError());
      }
      return o;
    }
    if (e instanceof TranscriptEvent.ModelChange mc) {
      o.put("kind", "model_change");
      common(o, e, act);
      o.put("provider", mc.provider());
      o.put("model", mc.modelId());
      return o;
    }
    if (e instanceof TranscriptEvent.Compaction c) {
      o.put("kind", "compaction");
      common(o, e, act);
      putText(o, "text", c.summary());
      o.put("tokensBefore", c.tokensBefore());
      return o;
    }
    if (e instanceof TranscriptEvent.BranchSummary b) {
      o.put("kind", "branch_summary");
      common(o, e, act);
      putText(o, "text", b.summary());
      o.put("fromId", b.fromId());
      return o;
    }
    return null;
  }

  private static void common(ObjectNode o, TranscriptEvent e, boolean act) {
    o.put("id", e.meta().id());
    o.put("parentId", e.meta().parentId());
    o.put("timestamp", JsonViews.instant(e.meta().timestamp()));
    o.put("active", act);
  }

  private static void putText(ObjectNode o, String name, String text) {
    if (text == null) {
      o.putNull(name);
    } else if (text.length() > MAX_TEXT) {
      o.put(name, text.substring(0, MAX_TEXT));
      o.put(name + "Truncated", true);
    } else {
      o.put(name, text);
    }
  }

  /** One turn being built. */
  private static final class Turn {
    final ObjectNode node = JsonViews.object();
    final ArrayNode steps;
    final Totals totals = new Totals();
    Instant first;
    Instant last;
    boolean anyActive;

    Turn(int index) {
      node.put("index", index);
      steps = JsonViews.array();
    }

    void add(ObjectNode step, TranscriptEvent e, boolean act) {
      steps.add(step);
      anyActive |= act;
      Instant t = e.meta().timestamp();
      if (t != null) {
        first = first == null || t.isBefore(first) ? t : first;
        last = last == null || t.isAfter(last) ? t : last;
      }
    }

    ObjectNode finish() {
      node.put("active", anyActive);
      node.put("startedAt", JsonViews.instant(first));
      node.put("endedAt", JsonViews.instant(last));
      node.put("durationMs", first == null ? null : Duration.between(first, last).toMillis());
      node.setAll(totals.json());
      node.put("latencyMs", totals.latencyMs);
      node.set("steps", steps);
      return node;
    }
  }

  /** Sums of assistant messages. */
  private static final class Totals {
    long calls;
    long errors;
    long toolCalls;
    long unrecorded;
    long latencyMs;
    TokenCounts tokens = TokenCounts.ZERO;
    BigDecimal recorded = BigDecimal.ZERO;
    BigDecimal cost = BigDecimal.ZERO;
    CostSource costSource;
    long unpriced;
    long inherited;

    void add(Message m, CallCost c) {
      if (c != null) {
        cost = cost.add(c.amount());
        // as in a usage row: a call with zero tokens and no cost is a known $0 and changes no source
        boolean free = (m.usage() == null || m.usage().isZero()) && c.amount().signum() == 0;
        if (!free) {
          costSource = costSource == null ? c.source() : costSource.plus(c.source());
          if (c.source() == CostSource.UNKNOWN) {
            unpriced++;
          }
        }
      }
      CallClassifier.Kind kind = CallClassifier.classify(m);
      if (m.usage() != null && kind != CallClassifier.Kind.NOT_A_CALL) {
        tokens = tokens.plus(TokenCounts.of(m.usage()));
        if (m.usage().recordedCost() != null && m.usage().recordedCost().total() != null) {
          recorded = recorded.add(m.usage().recordedCost().total());
        } else if (!m.usage().isZero()) {
          unrecorded++;
        }
      }
      // as usage counts them: OpenClaw's synthetic rows are neither, a failed call with tokens is a call
      switch (kind) {
        case CALL -> calls++;
        case ERROR -> errors++;
        case NOT_A_CALL -> { }
      }
      toolCalls += m.content().stream().filter(b -> b instanceof ContentBlock.ToolCall).count();
    }

    ObjectNode json() {
      ObjectNode o = JsonViews.object();
      o.put("calls", calls);
      o.put("errors", errors);
      o.put("toolCalls", toolCalls);
      o.set("tokens", JsonViews.tokens(tokens));
      o.put("recordedCost", recorded);
      o.put("callsWithoutRecordedCost", unrecorded);
      o.put("cost", cost.signum() == 0 ? BigDecimal.ZERO : cost.stripTrailingZeros());
      // as a usage row: only free or failed calls are "recorded" (a known $0); no call at all is "unknown"
      CostSource source =
          costSource != null ? costSource : calls + errors > 0 ? CostSource.RECORDED : CostSource.UNKNOWN;
      o.put("costSource", source.name().toLowerCase(Locale.ROOT));
      o.put("unpricedCalls", unpriced);
      o.put("inheritedMessages", inherited);
      return o;
    }
  }
}
