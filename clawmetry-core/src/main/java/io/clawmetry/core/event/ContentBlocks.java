package io.clawmetry.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.ContentBlock;
import java.util.ArrayList;
import java.util.List;

/** Message content (a string or an array of blocks) as {@link ContentBlock}s; image data is reduced to its length. */
final class ContentBlocks {

  private ContentBlocks() {}

  static List<ContentBlock> parse(JsonNode content) {
    List<ContentBlock> out = new ArrayList<>();
    if (content == null || content.isNull()) {
      return out;
    }
    if (content.isTextual()) {
      out.add(new ContentBlock.Text(content.asText()));
      return out;
    }
    if (!content.isArray()) {
      out.add(new ContentBlock.Unknown(content.getNodeType().name().toLowerCase()));
      return out;
    }
    for (JsonNode b : content) {
      out.add(block(b));
    }
    return out;
  }

  /** The text blocks joined by newlines (for injected context). */
  static String text(JsonNode content) {
    StringBuilder sb = new StringBuilder();
    for (ContentBlock b : parse(content)) {
      if (b instanceof ContentBlock.Text t) {
        if (sb.length() > 0) {
          sb.append('\n');
        }
        sb.append(t.text());
      }
    }
    return sb.toString();
  }

  private static ContentBlock block(JsonNode b) {
    if (b.isTextual()) {
      return new ContentBlock.Text(b.asText());
    }
    String type = JsonFields.text(b, "type");
    if (type == null) {
      return new ContentBlock.Unknown("");
    }
    switch (type) {
      case "text":
        return new ContentBlock.Text(nullToEmpty(JsonFields.text(b, "text")));
      case "thinking":
        return new ContentBlock.Thinking(nullToEmpty(JsonFields.text(b, "thinking")), JsonFields.bool(b, "redacted"));
      case "redacted_thinking":
        return new ContentBlock.Thinking("", true);
      case "image":
        return image(b);
      case "toolCall":
        return new ContentBlock.ToolCall(
            JsonFields.text(b, "id"), JsonFields.text(b, "name"), json(b.get("arguments")));
      case "tool_use":
        return new ContentBlock.ToolCall(JsonFields.text(b, "id"), JsonFields.text(b, "name"), json(b.get("input")));
      default:
        return new ContentBlock.Unknown(type);
    }
  }

  private static ContentBlock image(JsonNode b) {
    JsonNode source = JsonFields.object(b, "source"); // Anthropic style {source:{media_type, data}}
    String mime = JsonFields.text(b, "mimeType");
    if (mime == null) {
      mime = JsonFields.text(source, "media_type");
    }
    String data = JsonFields.text(b, "data");
    if (data == null) {
      data = JsonFields.text(source, "data");
    }
    return new ContentBlock.Image(mime, data == null ? 0 : data.length());
  }

  private static String json(JsonNode n) {
    return n == null || n.isMissingNode() ? null : n.toString();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
