package io.clawmetry.core.view;

import io.clawmetry.api.ContentBlock;
import io.clawmetry.api.MessageRole;
import io.clawmetry.api.TranscriptEvent;
import java.util.Locale;
import java.util.Set;

/**
 * OpenClaw's names for entry types and roles, and the type filter of {@code clawmetry transcript --type}: an event
 * matches a filter name if it is its entry type ({@code message}, {@code compaction}, ...), its role ({@code user},
 * {@code assistant}, {@code toolResult}, ...), or a content block it holds ({@code toolCall}, {@code thinking},
 * {@code text}, {@code image}).
 */
public final class EventTypes {

  /** Every name the filter accepts. */
  public static final Set<String> FILTER_NAMES =
      Set.of(
          "session", "message", "model_change", "thinking_level_change", "compaction", "branch_summary", "custom",
          "custom_message", "label", "session_info", "unknown", "user", "assistant", "toolResult", "bashExecution",
          "branchSummary", "compactionSummary", "other", "toolCall", "thinking", "text", "image");

  private EventTypes() {}

  /** The entry type as OpenClaw writes it. */
  public static String typeName(TranscriptEvent e) {
    if (e instanceof TranscriptEvent.SessionHeader) {
      return "session";
    } else if (e instanceof TranscriptEvent.Message) {
      return "message";
    } else if (e instanceof TranscriptEvent.ModelChange) {
      return "model_change";
    } else if (e instanceof TranscriptEvent.ThinkingLevelChange) {
      return "thinking_level_change";
    } else if (e instanceof TranscriptEvent.Compaction) {
      return "compaction";
    } else if (e instanceof TranscriptEvent.BranchSummary) {
      return "branch_summary";
    } else if (e instanceof TranscriptEvent.Custom) {
      return "custom";
    } else if (e instanceof TranscriptEvent.CustomMessage) {
      return "custom_message";
    } else if (e instanceof TranscriptEvent.Label) {
      return "label";
    } else if (e instanceof TranscriptEvent.SessionInfo) {
      return "session_info";
    }
    return "unknown";
  }

  /** The role as OpenClaw writes it. */
  public static String roleName(MessageRole r) {
    switch (r) {
      case TOOL_RESULT:
        return "toolResult";
      case BASH_EXECUTION:
        return "bashExecution";
      case BRANCH_SUMMARY:
        return "branchSummary";
      case COMPACTION_SUMMARY:
        return "compactionSummary";
      default:
        return r.name().toLowerCase(Locale.ROOT);
    }
  }

  /** Whether {@code e} matches any of the filter names (an empty filter matches everything). */
  public static boolean matches(TranscriptEvent e, Set<String> filter) {
    if (filter.isEmpty() || filter.contains(typeName(e))) {
      return true;
    }
    if (e instanceof TranscriptEvent.Message m) {
      if (filter.contains(roleName(m.role()))) {
        return true;
      }
      for (ContentBlock b : m.content()) {
        if (b instanceof ContentBlock.ToolCall && filter.contains("toolCall")
            || b instanceof ContentBlock.Thinking && filter.contains("thinking")
            || b instanceof ContentBlock.Text && filter.contains("text")
            || b instanceof ContentBlock.Image && filter.contains("image")) {
          return true;
        }
      }
    }
    return false;
  }
}
