package io.clawmetry.core.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;

/**
 * Whether a message's content is a heartbeat poll (FORMATS §4.3, §5: heartbeats run in the main session show up as
 * user rows {@code [OpenClaw heartbeat poll]}): the content is exactly that text, either as a string or as an array of
 * exactly one block with {@code type:"text"} and that {@code text} (other fields of the block do not matter). One rule,
 * decided from the whole content by the normal parse and from the bytes or tokens by the content-skipping parses,
 * which never materialise any other content: they put {@link #PRUNED} in the pruned message instead.
 */
final class HeartbeatPolls {

  /** The text of a heartbeat poll. */
  static final String POLL = "[OpenClaw heartbeat poll]";

  /**
   * What a content-skipping parse puts as the {@code content} of a pruned message whose content is a poll: recognised
   * by identity, so that the event still comes without content blocks.
   */
  static final TextNode PRUNED = new TextNode(POLL);

  private HeartbeatPolls() {}

  /** Whether {@code content} (a message's {@code content} node, or null) is a heartbeat poll. */
  static boolean isPoll(JsonNode content) {
    if (content == null) {
      return false;
    }
    if (content.isTextual()) {
      return POLL.equals(content.textValue());
    }
    if (!content.isArray() || content.size() != 1) {
      return false;
    }
    JsonNode block = content.get(0);
    return block.isObject()
        && "text".equals(JsonFields.text(block, "type"))
        && POLL.equals(JsonFields.text(block, "text"));
  }

  /**
   * Reads the content value whose first token {@code first} is the parser's current token, to its end, and returns
   * what a content-skipping parse keeps of it: {@link #PRUNED} for a poll, a cron prompt's {@link CronPrompts#tag},
   * else null. Only the strings of a first block are decoded (the poll's only when its length is the poll's).
   */
  static JsonNode readKept(JsonParser p, JsonToken first) throws IOException {
    if (first == JsonToken.VALUE_STRING) {
      return isPollText(p) ? PRUNED : cronTag(p);
    }
    if (first != JsonToken.START_ARRAY) {
      p.skipChildren();
      return null;
    }
    JsonToken t = p.nextToken();
    if (t == JsonToken.END_ARRAY) {
      return null;
    }
    JsonNode kept = t == JsonToken.VALUE_STRING ? notPoll(cronTag(p)) : readKeptBlock(p, t);
    t = p.nextToken();
    if (t == JsonToken.END_ARRAY) {
      return kept;
    }
    while (t != JsonToken.END_ARRAY) { // more than one block: not a poll, but maybe a prompt
      p.skipChildren();
      t = p.nextToken();
    }
    return notPoll(kept);
  }

  private static JsonNode notPoll(JsonNode kept) {
    return kept == PRUNED ? null : kept;
  }

  private static JsonNode readKeptBlock(JsonParser p, JsonToken first) throws IOException {
    if (first != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    boolean textType = false;
    boolean pollText = false;
    JsonNode cron = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) { // a later duplicate wins, as in the tree
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (v != JsonToken.VALUE_STRING) {
        p.skipChildren();
        textType &= !"type".equals(name);
        if ("text".equals(name)) {
          pollText = false;
          cron = null;
        }
      } else if ("type".equals(name)) {
        textType = p.getTextLength() == 4 && "text".equals(p.getText());
      } else if ("text".equals(name)) {
        pollText = isPollText(p);
        cron = cronTag(p);
      }
    }
    return !textType ? null : pollText ? PRUNED : cron;
  }

  private static boolean isPollText(JsonParser p) throws IOException {
    return p.getTextLength() == POLL.length() && POLL.equals(p.getText());
  }

  /**
   * The tag of the current string when it starts a cron prompt, else null (decoded without a String; nothing is made
   * for a string that does not start as a prompt does).
   */
  private static JsonNode cronTag(JsonParser p) throws IOException {
    char[] text = p.getTextCharacters();
    int offset = p.getTextOffset();
    if (p.getTextLength() <= CronPrompts.PREFIX.length() || text[offset] != '[') {
      return null;
    }
    String job = CronPrompts.jobId(java.nio.CharBuffer.wrap(text, offset, p.getTextLength()));
    return job == null ? null : CronPrompts.tag(job);
  }
}
