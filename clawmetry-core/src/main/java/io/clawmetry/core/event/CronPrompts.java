package io.clawmetry.core.event;

import com.fasterxml.jackson.databind.node.TextNode;
import io.clawmetry.api.ContentBlock;
import io.clawmetry.api.MessageRole;
import io.clawmetry.api.TranscriptEvent;

/**
 * The cron job a prompt names (FORMATS §4.3: the prompt of a cron run starts {@code [cron:<jobId> <name>]}): the text
 * after {@code [cron:} up to the first space or {@code ]}, when that is not empty. The text is a user message's first
 * content block when that is text (a string content is one text block). The content-skipping parses keep a prompt's
 * tag as the message's only content ({@link Tag}), so the transcript scan can tell an isolated cron run whose session
 * key is lost (its index entry and run log line pruned) by its first prompt.
 */
public final class CronPrompts {

  static final String PREFIX = "[cron:";

  private CronPrompts() {}

  /** The job {@code text} names when it starts a cron prompt, else null. */
  static String jobId(CharSequence text) {
    if (text == null || text.length() <= PREFIX.length()) {
      return null;
    }
    for (int k = 0; k < PREFIX.length(); k++) {
      if (text.charAt(k) != PREFIX.charAt(k)) {
        return null;
      }
    }
    int end = PREFIX.length();
    while (end < text.length() && text.charAt(end) != ' ' && text.charAt(end) != ']') {
      end++;
    }
    return end == PREFIX.length() ? null : text.subSequence(PREFIX.length(), end).toString();
  }

  /** The job a user message's prompt names, else null (also for any other role). */
  public static String jobId(TranscriptEvent.Message m) {
    if (m.role() != MessageRole.USER || m.content().isEmpty()) {
      return null;
    }
    return m.content().get(0) instanceof ContentBlock.Text t ? jobId(t.text()) : null;
  }

  /** What a content-skipping parse keeps of a cron prompt's content. */
  static TextNode tag(String jobId) {
    return new Tag(PREFIX + jobId + "]");
  }

  /** The kept tag of a cron prompt (dropped again unless the message turns out to be a user message). */
  static final class Tag extends TextNode {
    private static final long serialVersionUID = 1L;

    Tag(String text) {
      super(text);
    }
  }
}
