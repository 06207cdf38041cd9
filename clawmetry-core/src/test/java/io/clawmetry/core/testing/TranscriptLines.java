package io.clawmetry.core.testing;

/** JSONL transcript lines for tests, shaped as OpenClaw writes them (no line end). */
public final class TranscriptLines {

  private TranscriptLines() {}

  /**
   * An assistant message of anthropic/claude-sonnet-4-5 answering "ok": {@code in} input and {@code out} output
   * tokens, no cache, a recorded total cost of {@code cost} (as written, e.g. {@code "0.5"}).
   */
  public static String assistant(String id, String ts, long in, long out, String cost) {
    return "{\"type\":\"message\",\"id\":\"" + id + "\",\"parentId\":null,\"timestamp\":\"" + ts + "\",\"message\":"
        + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],\"api\":\"anthropic-messages\","
        + "\"provider\":\"anthropic\",\"model\":\"claude-sonnet-4-5\",\"usage\":{\"input\":" + in + ",\"output\":"
        + out + ",\"cacheRead\":0,\"cacheWrite\":0,\"totalTokens\":" + (in + out) + ",\"cost\":{\"total\":" + cost
        + "}},\"stopReason\":\"stop\",\"timestamp\":\"" + ts + "\"}}";
  }
}
