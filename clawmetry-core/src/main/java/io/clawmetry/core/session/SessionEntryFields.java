package io.clawmetry.core.session;

import static io.clawmetry.core.json.JsonNodes.first;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.clawmetry.core.json.JsonNodes;
import java.io.IOException;
import java.time.Instant;

/**
 * The fields of one {@code SessionEntry} (FORMATS §5) that ClawMetry uses, read by streaming: big values such as
 * {@code skillsSnapshot} and {@code systemPromptReport} are skipped without being built. Run counters are not read;
 * the context gauges ({@code totalTokens}, {@code totalTokensFresh}, {@code contextTokens}) are.
 */
final class SessionEntryFields {

  String sessionId;
  String sessionFile;
  String status;
  String spawnedBy;
  String parentSessionKey;
  Integer spawnDepth;
  String label;
  String displayName;
  String modelProvider;
  String model;
  String providerOverride;
  String modelOverride;
  String channel;
  String legacyProvider;
  String lastChannel;
  String lastProvider;
  String originProvider;
  String originChatType;
  String deliveryChannel;
  String chatType;
  String createdVia;
  String previousSessionId;
  Instant sessionStartedAt;
  Instant createdAt;
  Instant startedAt;
  Instant updatedAt;
  Instant endedAt;
  Long totalTokens;
  Boolean totalTokensFresh;
  Long contextTokens;
  Long runtimeMs;

  /** The channel: {@code channel}, legacy {@code provider}, {@code lastChannel}, legacy {@code lastProvider}, origin. */
  String resolvedChannel() {
    return first(channel, legacyProvider, lastChannel, lastProvider, originProvider, deliveryChannel);
  }

  /** The chat type, else the origin's. */
  String resolvedChatType() {
    return first(chatType, originChatType);
  }

  /** The model provider, else the provider override. */
  String resolvedProvider() {
    return first(modelProvider, providerOverride);
  }

  /** The model, else the model override. */
  String resolvedModel() {
    return first(model, modelOverride);
  }

  /** When the session started: {@code sessionStartedAt}, else {@code createdAt}, else the last run's start. */
  Instant resolvedStartedAt() {
    return sessionStartedAt != null ? sessionStartedAt : createdAt != null ? createdAt : startedAt;
  }

  /**
   * How long the last run took: OpenClaw's recorded {@code runtimeMs}, else {@code endedAt − startedAt} of this entry
   * (the run's fields, not {@code sessionStartedAt}), else null.
   */
  Long resolvedRuntimeMs() {
    return RunTimes.runtimeMs(runtimeMs, startedAt, endedAt);
  }

  /** The current context size: {@code totalTokens} unless {@code totalTokensFresh} is {@code false}. */
  Long resolvedContextTokens() {
    return Boolean.FALSE.equals(totalTokensFresh) ? null : totalTokens;
  }

  /**
   * Reads one entry object. The parser must stand on its {@code START_OBJECT}; it is left on the matching {@code
   * END_OBJECT}.
   */
  static SessionEntryFields read(JsonParser p) throws IOException {
    SessionEntryFields f = new SessionEntryFields();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      switch (name) {
        case "sessionId" -> f.sessionId = text(p);
        case "sessionFile" -> f.sessionFile = text(p);
        case "status" -> f.status = text(p);
        case "spawnedBy" -> f.spawnedBy = text(p);
        case "parentSessionKey" -> f.parentSessionKey = text(p);
        case "spawnDepth" -> f.spawnDepth = t == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : null;
        case "label" -> f.label = text(p);
        case "displayName" -> f.displayName = text(p);
        case "modelProvider" -> f.modelProvider = text(p);
        case "model" -> f.model = text(p);
        case "providerOverride" -> f.providerOverride = text(p);
        case "modelOverride" -> f.modelOverride = text(p);
        case "channel" -> f.channel = text(p);
        case "provider" -> f.legacyProvider = text(p);
        case "lastChannel" -> f.lastChannel = text(p);
        case "lastProvider" -> f.lastProvider = text(p);
        case "chatType" -> f.chatType = text(p);
        case "createdVia" -> f.createdVia = text(p);
        case "previousSessionId" -> f.previousSessionId = text(p);
        case "sessionStartedAt" -> f.sessionStartedAt = instant(p);
        case "createdAt" -> f.createdAt = instant(p);
        case "startedAt" -> f.startedAt = instant(p);
        case "updatedAt" -> f.updatedAt = instant(p);
        case "endedAt" -> f.endedAt = instant(p);
        case "totalTokens" -> f.totalTokens = count(p);
        case "totalTokensFresh" -> f.totalTokensFresh = t.isBoolean() ? p.getBooleanValue() : null;
        case "contextTokens" -> f.contextTokens = count(p);
        case "runtimeMs" -> f.runtimeMs = count(p);
        case "origin" -> readOrigin(p, f);
        case "deliveryContext" -> readDeliveryContext(p, f);
        default -> p.skipChildren(); // skillsSnapshot, systemPromptReport, counters, anything unknown
      }
    }
    return f;
  }

  private static void readOrigin(JsonParser p, SessionEntryFields f) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "provider" -> f.originProvider = text(p);
        case "chatType" -> f.originChatType = text(p);
        default -> p.skipChildren();
      }
    }
  }

  private static void readDeliveryContext(JsonParser p, SessionEntryFields f) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (name.equals("channel")) {
        f.deliveryChannel = text(p);
      } else {
        p.skipChildren();
      }
    }
  }

  /** A string value (numbers and booleans as text), null for null; objects and arrays are skipped. */
  private static String text(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING || t.isNumeric() || t.isBoolean()) {
      String s = p.getText();
      return s.isEmpty() ? null : s;
    }
    p.skipChildren();
    return null;
  }

  /** A non-negative whole number (an integral float is accepted); anything else gives null. */
  private static Long count(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      long v = p.getLongValue();
      return v >= 0 ? v : null;
    }
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      double d = p.getDoubleValue();
      return d >= 0 && d == Math.rint(d) && d < 9e15 ? (long) d : null;
    }
    p.skipChildren();
    return null;
  }

  /** Epoch ms (number or digit string) or an ISO-8601 instant; anything else gives null. */
  private static Instant instant(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t.isNumeric()) {
      return Instant.ofEpochMilli(p.getValueAsLong());
    }
    if (t == JsonToken.VALUE_STRING) {
      return JsonNodes.parseInstant(p.getText());
    }
    p.skipChildren();
    return null;
  }
}
