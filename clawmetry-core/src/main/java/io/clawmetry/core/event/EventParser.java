package io.clawmetry.core.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.EventMeta;
import io.clawmetry.api.EventOrigin;
import io.clawmetry.api.MessageRole;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.api.Usage;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.json.Json;
import io.clawmetry.core.source.RawRecord;
import io.clawmetry.core.warn.Warnings;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns one {@link RawRecord} into a {@link TranscriptEvent}, whatever the source and format version: pi session v1
 * (no ids: a linear chain), v2 ({@code hookMessage}), v3, E3's v4, E0 bare {@code {role, content}} lines and
 * Claude-Code-style {@code {type:"user"|"assistant", uuid, parentUuid, message}} lines (FORMATS §4.2–4.3, §4.8).
 *
 * <ul>
 *   <li>{@code provider}, {@code model}, {@code api} and {@code usage} are read from {@code message}, else the entry.
 *   <li>The timestamp is the entry {@code timestamp} (ISO), else {@code message.timestamp} (ms or ISO), else null.
 *   <li>The session id is the record's hint (database rows), else the stream's header id, else the stream's fallback.
 *   <li>Unknown entry types become {@link TranscriptEvent.Unknown} without a warning; text that is not a JSON object
 *       becomes one {@link WarningKind#MALFORMED_LINE} warning per source (count and first position) and no event.
 *   <li>The dedup key is described in {@link DedupKeys}.
 * </ul>
 */
public final class EventParser {

  private static final ThreadLocal<PrunedEntry> PRUNERS = ThreadLocal.withInitial(PrunedEntry::new);

  private final Warnings warnings;

  /** @param warnings where malformed records are reported */
  public EventParser(Warnings warnings) {
    this.warnings = warnings;
  }

  /** Parses one record of the stream {@code state} belongs to; empty when the record is not a JSON object. */
  public Optional<TranscriptEvent> parse(RawRecord record, StreamState state) {
    JsonNode entry;
    boolean trailing = false;
    boolean tooDeep = false;
    try (com.fasterxml.jackson.core.JsonParser p = Json.STRICT.createParser(record.json())) {
      entry = Json.STRICT.readTree(p);
      trailing = entry != null && hasMore(p);
    } catch (IOException | RuntimeException e) {
      entry = null;
      tooDeep = e instanceof StreamConstraintsException && e.getMessage() != null
          && e.getMessage().contains("nesting depth");
    }
    if (trailing && entry.isObject()) {
      // e.g. a record appended to a file whose last line had no newline: the first object counts, the rest is said
      EventOrigin o = record.origin();
      warnings.add(WarningKind.MALFORMED_LINE, o.source(), position(record), TRAILING_TEXT);
    }
    if (entry == null || !entry.isObject()) {
      EventOrigin o = record.origin();
      warnings.add(
          WarningKind.MALFORMED_LINE,
          o.source(),
          position(record),
          tooDeep ? TOO_DEEP : "entries that are not JSON objects were skipped");
      return Optional.empty();
    }
    return Optional.of(toEvent(entry, record, state));
  }

  /** The message of a line whose JSON nests deeper than {@link Json#MAX_NESTING_DEPTH} levels (skipped). */
  public static final String TOO_DEEP = "entries nested deeper than " + Json.MAX_NESTING_DEPTH
      + " levels were skipped";

  /** The message of a line holding more than its JSON object (the object is read, the rest skipped). */
  public static final String TRAILING_TEXT = "text after a line's JSON object was skipped";

  private static boolean hasMore(com.fasterxml.jackson.core.JsonParser p) {
    try {
      return p.nextToken() != null;
    } catch (IOException | RuntimeException e) {
      return true; // not even a token: more all the same
    }
  }

  /**
   * The same event as {@link #parse(RawRecord, StreamState)} gives, except that a message's content blocks are skipped
   * unread ({@link TranscriptEvent.Message#content()} is empty): for readers that need no content (usage, session
   * summaries). Only {@code type:"message"} entries with an {@code id} take the fast path: {@link PrunedEntry} checks
   * the bytes strictly and copies out just the fields events are built from, which Jackson then reads; every other entry (headers, id-less lines whose dedup key hashes
   * the whole entry, Claude-style and bare lines, anything the fast path cannot read) is parsed by {@link #parse} from
   * {@code text}, so malformed lines are reported exactly as there.
   *
   * @param utf8 the buffer holding the entry as UTF-8 (bytes that are not well-formed UTF-8 leave the fast path, and
   *     {@code text} decides how they read)
   * @param offset where the entry starts
   * @param length how many bytes it has
   * @param origin where it was read
   * @param state the stream's state
   * @param text supplies the entry as text when the fast path does not apply
   */
  public Optional<TranscriptEvent> parseWithoutContent(
      byte[] utf8, int offset, int length, EventOrigin origin, StreamState state, Supplier<String> text) {
    PrunedEntry pruner = PRUNERS.get();
    ObjectNode entry = pruner.prune(utf8, offset, length);
    if (ContentSkipper.isIdentifiedMessage(entry)) {
      return Optional.of(toEvent(entry, new RawRecord(null, origin, null), state));
    }
    RawRecord record = new RawRecord(text.get(), origin, null);
    ObjectNode whole = entry == null ? null : pruner.tree(utf8, offset, length); // checked bytes: no second parser
    return whole != null ? Optional.of(toEvent(whole, record, state)) : parse(record, state);
  }

  /**
   * Finds the end of the JSONL line starting at {@code offset} while checking it, for {@link
   * #parseWithoutContent(byte[], int, int, EventOrigin, StreamState, Supplier)}: returns the index of its {@code '\n'}
   * when the line is an entry the fast path accepts (the work is then not done again when the same thread parses
   * exactly that line next), else -1 and the caller looks for the newline itself.
   *
   * @param utf8 the buffer
   * @param offset where the line starts
   * @param limit the end of what may be looked at
   */
  public static int lineEnd(byte[] utf8, int offset, int limit) {
    return PRUNERS.get().lineEnd(utf8, offset, limit);
  }

  /** {@link #parseWithoutContent(byte[], int, int, EventOrigin, StreamState, Supplier)} for a record given as text. */
  public Optional<TranscriptEvent> parseWithoutContent(RawRecord record, StreamState state) {
    ObjectNode entry;
    try (JsonParser p = Json.STRICT.getFactory().createParser(record.json())) {
      entry = ContentSkipper.prune(p);
    } catch (IOException | RuntimeException e) {
      entry = null;
    }
    if (ContentSkipper.isIdentifiedMessage(entry)) {
      return Optional.of(toEvent(entry, record, state));
    }
    return parse(record, state);
  }

  /** {@code line N} for files, {@code seq N} for database rows. */
  static String position(EventOrigin o) {
    return (o.kind() == SourceKind.SQLITE_TRANSCRIPT ? "seq " : "line ") + o.position();
  }

  /**
   * Where a warning about {@code record} points: {@link #position(EventOrigin)}, and for a database row its session
   * too ({@code session <id> seq N}), since every session numbers its rows from 0.
   */
  public static String position(RawRecord record) {
    EventOrigin o = record.origin();
    return o.kind() == SourceKind.SQLITE_TRANSCRIPT && record.sessionIdHint() != null
        ? "session " + record.sessionIdHint() + " " + position(o)
        : position(o);
  }

  private TranscriptEvent toEvent(JsonNode entry, RawRecord record, StreamState state) {
    String type = JsonFields.text(entry, "type");
    JsonNode message = JsonFields.object(entry, "message");
    if ("session".equals(type)) {
      state.header(
          JsonFields.text(entry, "id"),
          (int) JsonFields.number(entry, "version", 1),
          JsonFields.text(entry, "parentSession"));
    }
    EventMeta meta = meta(entry, message, record, state);
    if (type == null && message == null && entry.has("role")) {
      return MessageEvents.message(meta, entry, entry, null, state, implausible(record)); // E0 bare line
    }
    switch (type == null ? "" : type) {
      case "session":
        return new TranscriptEvent.SessionHeader(
            meta,
            (int) JsonFields.number(entry, "version", 1),
            JsonFields.text(entry, "cwd"),
            JsonFields.text(entry, "parentSession"));
      case "model_change":
        return new TranscriptEvent.ModelChange(
            meta, JsonFields.text(entry, "provider"), JsonFields.text(entry, "modelId"));
      case "thinking_level_change":
        return new TranscriptEvent.ThinkingLevelChange(meta, JsonFields.text(entry, "thinkingLevel"));
      case "compaction":
        return compaction(meta, entry);
      case "branch_summary":
        return new TranscriptEvent.BranchSummary(
            meta, JsonFields.text(entry, "fromId"), JsonFields.text(entry, "summary"));
      case "custom":
        JsonNode data = entry.get("data");
        return new TranscriptEvent.Custom(
            meta, JsonFields.text(entry, "customType"), data == null ? null : data.toString());
      case "custom_message":
        return new TranscriptEvent.CustomMessage(
            meta,
            JsonFields.text(entry, "customType"),
            ContentBlocks.text(entry.get("content")),
            JsonFields.bool(entry, "display"));
      case "label":
        return new TranscriptEvent.Label(meta, JsonFields.text(entry, "targetId"), JsonFields.text(entry, "label"));
      case "session_info":
        return new TranscriptEvent.SessionInfo(meta, JsonFields.text(entry, "name"));
      default:
        if (message != null) {
          return MessageEvents.message( // "message", Claude-style, any line with one
              meta, message, entry, type, state, implausible(record));
        }
        return new TranscriptEvent.Unknown(meta, type == null ? "" : type, record.json());
    }
  }

  private static TranscriptEvent compaction(EventMeta meta, JsonNode entry) {
    String firstKept = JsonFields.text(entry, "firstKeptEntryId");
    JsonNode index = entry.get("firstKeptEntryIndex"); // v1
    if (firstKept == null && index != null && index.isNumber()) {
      firstKept = Long.toString(index.longValue());
    }
    return new TranscriptEvent.Compaction(
        meta, JsonFields.text(entry, "summary"), firstKept, JsonFields.number(entry, "tokensBefore", 0));
  }

  private static EventMeta meta(JsonNode entry, JsonNode message, RawRecord record, StreamState state) {
    String sessionId = record.sessionIdHint() != null ? record.sessionIdHint() : state.sessionId();
    String id = JsonFields.text(entry, "id");
    String parentId = JsonFields.text(entry, "parentId");
    if (id == null) {
      id = JsonFields.text(entry, "uuid");
      parentId = JsonFields.text(entry, "parentUuid");
    }
    Instant entryTime = JsonFields.time(entry.get("timestamp"));
    Instant messageTime = message == null ? null : JsonFields.time(message.get("timestamp"));
    Instant timestamp = entryTime != null ? entryTime : messageTime;
    Instant keyTime = messageTime != null ? messageTime : entryTime;
    String dedupKey = DedupKeys.of(id, keyTime, sessionId, entry, state);
    return new EventMeta(sessionId, id, parentId, timestamp, record.origin(), dedupKey);
  }

  /** Role names as written, mapped to {@link MessageRole}. */
  static MessageRole role(String role) {
    if (role == null) {
      return MessageRole.OTHER;
    }
    switch (role) {
      case "user":
        return MessageRole.USER;
      case "assistant":
        return MessageRole.ASSISTANT;
      case "toolResult":
        return MessageRole.TOOL_RESULT;
      case "custom":
      case "hookMessage":
        return MessageRole.CUSTOM;
      case "bashExecution":
        return MessageRole.BASH_EXECUTION;
      case "branchSummary":
        return MessageRole.BRANCH_SUMMARY;
      case "compactionSummary":
        return MessageRole.COMPACTION_SUMMARY;
      default:
        return MessageRole.OTHER;
    }
  }

  /**
   * The usage of a message: {@code message.usage ?? entry.usage}, normalised; null when neither is an object.
   * {@code implausible} is told each field whose value no call can have (counted as 0, or a cost as not recorded).
   */
  static Usage usage(JsonNode message, JsonNode entry, java.util.function.Consumer<String> implausible) {
    JsonNode u = JsonFields.object(message, "usage");
    return UsageNormalizer.normalize(u != null ? u : JsonFields.object(entry, "usage"), implausible);
  }

  /** Reports usage values of {@code record} that no call can have, once per field and line. */
  private java.util.function.Consumer<String> implausible(RawRecord record) {
    return field ->
        warnings.add(
            WarningKind.IMPLAUSIBLE_VALUE,
            record.origin().source(),
            position(record) + " usage." + field,
            "usage values no model call can have (a negative, fractional, over 10^12 or non-numeric token count:"
                + " counted as 0; a recorded cost over $1,000,000: estimated instead)");
  }
}
