package io.clawmetry.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.EventMeta;
import io.clawmetry.api.MessageRole;
import io.clawmetry.api.TranscriptEvent;

/** Builds {@link TranscriptEvent.Message} from a message object and its enclosing entry. */
final class MessageEvents {

  private MessageEvents() {}

  /**
   * @param meta the entry's common fields
   * @param message the message object (the entry itself for E0 bare lines)
   * @param entry the enclosing entry, consulted for {@code provider}, {@code model}, {@code api}, {@code usage}
   * @param entryType the entry {@code type}, used as the role for Claude-style lines without {@code message.role}
   * @param state the stream's state: the turn the message belongs to (a heartbeat turn or not)
   * @param implausible told the name of each usage field whose value no call can have ({@link UsageNormalizer})
   */
  static TranscriptEvent.Message message(
      EventMeta meta,
      JsonNode message,
      JsonNode entry,
      String entryType,
      StreamState state,
      java.util.function.Consumer<String> implausible) {
    String roleName = JsonFields.text(message, "role");
    if (roleName == null && ("user".equals(entryType) || "assistant".equals(entryType))) {
      roleName = entryType;
    }
    MessageRole role = EventParser.role(roleName);
    boolean assistant = role == MessageRole.ASSISTANT;
    JsonNode content = message.get("content");
    boolean user = role == MessageRole.USER;
    boolean heartbeat =
        state.turn(
            user,
            user && (content == HeartbeatPolls.PRUNED || HeartbeatPolls.isPoll(content)),
            JsonFields.text(message.get("__openclaw"), "runId"));
    return new TranscriptEvent.Message(
        meta,
        role,
        content == HeartbeatPolls.PRUNED || (content instanceof CronPrompts.Tag && !user)
            ? java.util.List.of()
            : ContentBlocks.parse(content),
        JsonFields.text(message, entry, "provider"),
        JsonFields.text(message, entry, "model"),
        JsonFields.text(message, entry, "api"),
        assistant ? EventParser.usage(message, entry, implausible) : null,
        JsonFields.text(message, entry, "stopReason"),
        JsonFields.text(message, "errorMessage"),
        JsonFields.text(message, "toolCallId"),
        JsonFields.text(message, "toolName"),
        JsonFields.bool(message, "isError"),
        JsonFields.text(message, "customType"),
        heartbeat);
  }
}
