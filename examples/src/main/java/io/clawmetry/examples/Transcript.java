package io.clawmetry.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one session transcript entry by entry (the pi session format: version 3 with 8-hex ids, or the SQLite-era
 * version 4 with UUIDs) and reports every counted model call to the {@link Ledger} as it is written.
 */
final class Transcript {
  /** Version 3 (JSONL era) or version 4 (SQLite era). */
  enum Style {
    V3,
    V4
  }

  final String agentId;
  final String sessionKey;
  final String sessionId;
  final String source;
  final List<ObjectNode> entries = new ArrayList<>();
  private Style style;
  private final Ids ids;
  private final Ledger ledger;
  private String leaf;
  private Instant clock;
  private ModelPrice model;
  private String runId;
  private boolean counted = true;
  private Tokens lastTokens = Tokens.ZERO;
  private BigDecimal lastCost = BigDecimal.ZERO;

  /**
   * A transcript of session {@code sessionId}; calls are booked under {@code sessionKey} and {@code source}.
   */
  Transcript(Style style, Ids ids, Ledger ledger, String agentId, String sessionKey, String sessionId, String source) {
    this.style = style;
    this.ids = ids;
    this.ledger = ledger;
    this.agentId = agentId;
    this.sessionKey = sessionKey;
    this.sessionId = sessionId;
    this.source = source;
  }

  /** Continues the transcript in another style (an E2 session imported into SQLite and continued there). */
  Transcript continueAs(Style newStyle) {
    style = newStyle;
    return this;
  }

  /** Stops booking calls (for entries a reader must not count again). */
  Transcript uncounted() {
    counted = false;
    return this;
  }

  /** Writes the session header at {@code at}. */
  Transcript header(Instant at, String cwd, String parentSession) {
    clock = at;
    ObjectNode header = JsonOut.object();
    header.put("type", "session").put("version", style == Style.V3 ? 3 : 4).put("id", sessionId);
    header.put("timestamp", Times.iso(at)).put("cwd", cwd);
    if (parentSession != null) {
      header.put("parentSession", parentSession);
    }
    entries.add(header);
    return this;
  }

  /** Moves the clock forward to {@code at} (never back); the next entry is written shortly after. */
  Transcript at(Instant at) {
    if (at.isAfter(clock)) {
      clock = at;
    }
    return this;
  }

  /** The current time of the transcript. */
  Instant now() {
    return clock;
  }

  /** The model currently in use. */
  ModelPrice model() {
    return model;
  }

  /** Tokens of the last assistant call (what the index keeps as its last-run counters). */
  Tokens lastTokens() {
    return lastTokens;
  }

  /** Cost of the last assistant call. */
  BigDecimal lastCost() {
    return lastCost;
  }

  /** The id of the last appended entry (the leaf). */
  String leafId() {
    return leaf;
  }

  /** Appends the next entries as children of an older entry: the current branch is abandoned (but stays billed). */
  Transcript branchFrom(String entryId) {
    leaf = entryId;
    return this;
  }

  /** Appends entries copied unchanged from another transcript (a fork's copied path). */
  Transcript copy(List<ObjectNode> copied) {
    for (ObjectNode entry : copied) {
      entries.add(entry.deepCopy());
      leaf = entry.get("id").asText();
      clock = Instant.parse(entry.get("timestamp").asText());
    }
    return this;
  }

  /** Sets the current model without writing an entry (after {@link #copy} of entries that already switched it). */
  Transcript assumeModel(ModelPrice price) {
    model = price;
    return this;
  }

  /** {@code model_change}, {@code thinking_level_change} and the {@code model-snapshot} custom entry. */
  Transcript start(ModelPrice price, String thinkingLevel) {
    switchModel(price, false);
    ObjectNode thinking = JsonOut.object().put("thinkingLevel", thinkingLevel);
    append("thinking_level_change", thinking);
    snapshot();
    return this;
  }

  /** A model switch: {@code model_change} plus a fresh {@code model-snapshot}. */
  Transcript switchModel(ModelPrice price) {
    return switchModel(price, true);
  }

  private Transcript switchModel(ModelPrice price, boolean withSnapshot) {
    model = price;
    append("model_change", JsonOut.object().put("provider", price.provider()).put("modelId", price.model()));
    if (withSnapshot) {
      snapshot();
    }
    return this;
  }

  private void snapshot() {
    ObjectNode data = JsonOut.object();
    data.put("timestamp", tick().toEpochMilli()).put("provider", model.provider()).put("modelApi", model.api());
    data.put("modelId", model.model());
    custom("model-snapshot", data);
  }

  /** A {@code custom} entry (extension state, never model context). */
  ObjectNode custom(String customType, JsonNode data) {
    ObjectNode payload = JsonOut.object().put("customType", customType);
    payload.set("data", data);
    return append("custom", payload);
  }

  /** A user message. */
  ObjectNode user(String text) {
    Instant at = tick();
    ObjectNode message = JsonOut.object().put("role", "user");
    if (style == Style.V3) {
      message.set("content", JsonOut.array().add(text(text)));
      message.put("timestamp", at.toEpochMilli() - 4);
    } else {
      runId = ids.uuid();
      message.put("content", text).put("timestamp", at.toEpochMilli() - 180);
      message.put("idempotencyKey", runId + ":user");
      message.set("__openclaw", JsonOut.object().put("senderIsOwner", true));
    }
    return message(message);
  }

  /** A {@code text} content block. */
  static ObjectNode text(String text) {
    return JsonOut.object().put("type", "text").put("text", text);
  }

  /** A {@code thinking} content block. */
  ObjectNode thinking(String thinking) {
    return JsonOut.object().put("type", "thinking").put("thinking", thinking).put("thinkingSignature", "sig_" + ids.uuid());
  }

  /** A {@code toolCall} content block with a fresh call id. */
  ObjectNode toolCall(String name, ObjectNode arguments) {
    String id = model.api().equals("openai-responses")
        ? "call_" + ids.shortHex() + ids.shortHex() + "|fc_" + ids.shortHex() + ids.shortHex()
        : "toolu_" + ids.shortHex() + ids.shortHex() + ids.shortHex();
    ObjectNode block = JsonOut.object().put("type", "toolCall").put("id", id).put("name", name);
    block.set("arguments", arguments);
    return block;
  }

  /** An assistant message with usage in {@code usageStyle}; booked as a counted call. */
  ObjectNode assistant(List<ObjectNode> content, String stopReason, Tokens tokens, UsageStyle usageStyle) {
    Instant at = tick();
    long requestStart = at.toEpochMilli() - 1200;
    ObjectNode message = assistantShell(content, model.api(), model.provider(), model.model());
    BigDecimal cost = null;
    ObjectNode usage = JsonOut.object();
    switch (usageStyle) {
      case PI, PI_NO_COST -> {
        usage.put("input", tokens.input()).put("output", tokens.output()).put("cacheRead", tokens.cacheRead());
        usage.put("cacheWrite", tokens.cacheWrite());
        if (style == Style.V4) {
          usage.put("reasoningTokens", 0);
        }
        usage.put("totalTokens", tokens.total());
      }
      case SNAKE_CASE -> {
        usage.put("input_tokens", tokens.input()).put("output_tokens", tokens.output());
        usage.put("cache_read_input_tokens", tokens.cacheRead());
        usage.put("cache_creation_input_tokens", tokens.cacheWrite()).put("total_tokens", tokens.total());
      }
      case OPENAI -> {
        if (tokens.cacheWrite() != 0) {
          throw new IllegalArgumentException("OpenAI usage has no cache writes");
        }
        usage.put("prompt_tokens", tokens.input() + tokens.cacheRead()).put("completion_tokens", tokens.output());
        usage.put("cached_tokens", tokens.cacheRead()).put("total_tokens", tokens.total());
      }
      default -> throw new IllegalArgumentException(usageStyle.name());
    }
    if (usageStyle != UsageStyle.PI_NO_COST) {
      ObjectNode costNode = Costs.recorded(model, tokens);
      usage.set("cost", costNode);
      // the truth books the decimal pi-ai meant: the exact price x tokens, which the written double approximates
      // (readers drop the float noise by rounding to the 15 significant digits a double holds)
      cost = Costs.estimate(model, tokens);
      if (Costs.decimal(costNode.get("total").doubleValue()).round(new java.math.MathContext(15))
          .compareTo(cost) != 0) {
        throw new IllegalStateException("written cost " + costNode.get("total") + " does not round to " + cost);
      }
    }
    message.set("usage", usage);
    message.put("stopReason", stopReason).put("timestamp", requestStart);
    decorate(message);
    ObjectNode entry = message(message);
    lastTokens = tokens;
    lastCost = cost == null ? Costs.estimate(model, tokens) : cost;
    if (counted) {
      ledger.call(
          new Ledger.Call(agentId, sessionKey, sessionId, source, model.provider(), model.model(), at, tokens, cost),
          Instant.ofEpochMilli(requestStart));
      if (cost == null) {
        ledger.missingCosts.add(new Ledger.MissingCost(sessionId, model.ref(), tokens, Costs.estimate(model, tokens)));
      }
    }
    return entry;
  }

  /** An error row: no content, zero usage, {@code stopReason:"error"} and an {@code errorMessage}. */
  ObjectNode error(String errorMessage) {
    Instant at = tick();
    ObjectNode message = assistantShell(JsonOut.array(), model.api(), model.provider(), model.model());
    message.set("usage", zeroUsage());
    message.put("stopReason", "error").put("timestamp", at.toEpochMilli() - 900).put("errorMessage", errorMessage);
    ObjectNode entry = message(message);
    if (counted) {
      ledger.errors.add(new Ledger.ErrorRow(agentId, sessionId, source, at, model.ref(), errorMessage));
    }
    return entry;
  }

  /** A delivery-mirror row (the channel copy of a reply): provider openclaw, zero usage, not a model call. */
  ObjectNode deliveryMirror(String text) {
    Instant at = tick();
    ObjectNode message = assistantShell(List.of(text(text)), "openai-responses", "openclaw", "delivery-mirror");
    message.set("usage", zeroUsage());
    message.put("stopReason", "stop").put("timestamp", at.toEpochMilli() - 2);
    ObjectNode entry = message(message);
    if (counted) {
      ledger.deliveryMirrorRows++;
    }
    return entry;
  }

  /** A tool result answering {@code call}. */
  ObjectNode toolResult(ObjectNode call, String text, ObjectNode details) {
    Instant at = tick();
    ObjectNode message = JsonOut.object().put("role", "toolResult");
    message.put("toolCallId", call.get("id").asText()).put("toolName", call.get("name").asText());
    message.set("content", JsonOut.array().add(text(text)));
    if (details != null) {
      message.set("details", details);
    }
    message.put("isError", false).put("timestamp", at.toEpochMilli() - 3);
    decorate(message);
    return message(message);
  }

  private ObjectNode assistantShell(List<ObjectNode> content, String api, String provider, String modelId) {
    ObjectNode message = JsonOut.object().put("role", "assistant");
    ArrayNode blocks = JsonOut.array();
    content.forEach(blocks::add);
    message.set("content", blocks);
    message.put("api", api).put("provider", provider).put("model", modelId);
    return message;
  }

  private ObjectNode assistantShell(ArrayNode content, String api, String provider, String modelId) {
    List<ObjectNode> blocks = new ArrayList<>();
    content.forEach(node -> blocks.add((ObjectNode) node));
    return assistantShell(blocks, api, provider, modelId);
  }

  private ObjectNode zeroUsage() {
    ObjectNode usage = JsonOut.object().put("input", 0).put("output", 0).put("cacheRead", 0).put("cacheWrite", 0);
    usage.put("totalTokens", 0);
    usage.set("cost", Costs.recorded(model, Tokens.ZERO));
    return usage;
  }

  private void decorate(ObjectNode message) {
    if (style == Style.V4 && runId != null) {
      if ("assistant".equals(message.get("role").asText())) {
        message.put("responseId", "resp_" + ids.shortHex() + ids.shortHex());
      }
      message.set("__openclaw", JsonOut.object().put("runId", runId));
    }
  }

  private ObjectNode message(ObjectNode message) {
    ObjectNode entry = JsonOut.object().put("type", "message");
    String id = newId();
    entry.put("id", id);
    entry.put("parentId", leaf);
    entry.put("timestamp", Times.iso(clock));
    entry.set("message", message);
    entries.add(entry);
    leaf = id;
    return entry;
  }

  private ObjectNode append(String type, ObjectNode payload) {
    Instant at = tick();
    ObjectNode entry = JsonOut.object().put("type", type);
    String id = newId();
    if (style == Style.V3) {
      entry.put("id", id).put("parentId", leaf).put("timestamp", Times.iso(at));
      entry.setAll(payload);
    } else {
      entry.setAll(payload);
      entry.put("id", id).put("parentId", leaf).put("timestamp", Times.iso(at));
    }
    entries.add(entry);
    leaf = id;
    return entry;
  }

  private String newId() {
    return style == Style.V3 ? ids.shortHex() : ids.uuid();
  }

  private Instant tick() {
    clock = clock.plusMillis(ids.between(40, 2600));
    return clock;
  }
}
