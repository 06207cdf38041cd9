package io.clawmetry.api;

import java.util.List;

/**
 * One entry of a session transcript, whatever source it came from (JSONL of any version, archives, SQLite rows).
 * Unknown entry types become {@link Unknown}; nothing is dropped.
 */
public sealed interface TranscriptEvent {

  /** Common fields. */
  EventMeta meta();

  /** The transcript header: first line of a file, seq 0 in a database. */
  record SessionHeader(EventMeta meta, int version, String cwd, String parentSession) implements TranscriptEvent {}

  /**
   * A conversation message.
   *
   * @param role who spoke
   * @param content the blocks (a plain string content becomes one text block)
   * @param provider provider of an assistant message, else null
   * @param model model of an assistant message, else null
   * @param api the API used ({@code openai-completions}, ...), else null
   * @param usage normalised usage of an assistant message, else null
   * @param stopReason {@code stop|length|toolUse|error|aborted}, else null
   * @param errorMessage the error of a failed call, else null
   * @param toolCallId for a tool result, the call it answers
   * @param toolName for a tool result, the tool
   * @param isError for a tool result, whether it failed
   * @param customType for a custom message, its type
   * @param heartbeat whether the message belongs to a heartbeat turn: it is a user message whose whole content is the
   *     text {@code [OpenClaw heartbeat poll]} (a string, or exactly one text block; FORMATS §4.3), or it follows one
   *     in its transcript before the next user message (the assistant calls and tool results answering the poll)
   */
  record Message(
      EventMeta meta,
      MessageRole role,
      List<ContentBlock> content,
      String provider,
      String model,
      String api,
      Usage usage,
      String stopReason,
      String errorMessage,
      String toolCallId,
      String toolName,
      boolean isError,
      String customType,
      boolean heartbeat)
      implements TranscriptEvent {
    public Message {
      content = List.copyOf(content);
    }

    /** A message that is not part of a heartbeat turn. */
    public Message(
        EventMeta meta,
        MessageRole role,
        List<ContentBlock> content,
        String provider,
        String model,
        String api,
        Usage usage,
        String stopReason,
        String errorMessage,
        String toolCallId,
        String toolName,
        boolean isError,
        String customType) {
      this(meta, role, content, provider, model, api, usage, stopReason, errorMessage, toolCallId, toolName, isError,
          customType, false);
    }
  }

  /** The session switched model. */
  record ModelChange(EventMeta meta, String provider, String modelId) implements TranscriptEvent {}

  /** The thinking level changed. */
  record ThinkingLevelChange(EventMeta meta, String thinkingLevel) implements TranscriptEvent {}

  /** The context was compacted; entries before {@code firstKeptEntryId} were summarised. */
  record Compaction(EventMeta meta, String summary, String firstKeptEntryId, long tokensBefore)
      implements TranscriptEvent {}

  /** Summary of an abandoned branch starting at {@code fromId}. */
  record BranchSummary(EventMeta meta, String fromId, String summary) implements TranscriptEvent {}

  /** Extension state, not model context ({@code model-snapshot}, ...); {@code dataJson} may be null. */
  record Custom(EventMeta meta, String customType, String dataJson) implements TranscriptEvent {}

  /** Context injected into the model ({@code openclaw.runtime-context}, ...). */
  record CustomMessage(EventMeta meta, String customType, String text, boolean display) implements TranscriptEvent {}

  /** A bookmark on entry {@code targetId}. */
  record Label(EventMeta meta, String targetId, String label) implements TranscriptEvent {}

  /** A display name for the session. */
  record SessionInfo(EventMeta meta, String name) implements TranscriptEvent {}

  /** An entry type this release does not know, kept as JSON text. */
  record Unknown(EventMeta meta, String type, String json) implements TranscriptEvent {}
}
