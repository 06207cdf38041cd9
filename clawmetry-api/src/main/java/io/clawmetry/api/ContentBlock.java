package io.clawmetry.api;

/** One block of a message's content. */
public sealed interface ContentBlock {

  /** Plain text. */
  record Text(String text) implements ContentBlock {}

  /** Model reasoning; {@code redacted} when the provider withheld it. */
  record Thinking(String thinking, boolean redacted) implements ContentBlock {}

  /** A tool call; {@code argumentsJson} is the arguments object as JSON text. */
  record ToolCall(String id, String name, String argumentsJson) implements ContentBlock {}

  /** An image; its data is not kept, only its type and encoded length. */
  record Image(String mimeType, long dataLength) implements ContentBlock {}

  /** A block type this release does not know. */
  record Unknown(String type) implements ContentBlock {}
}
