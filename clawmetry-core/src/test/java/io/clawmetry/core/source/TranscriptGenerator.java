package io.clawmetry.core.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Seeded random transcripts: a header and a mix of entry types, as JSONL lines. */
final class TranscriptGenerator {

  private static final String[] WORDS = {"hi", "żółw", "naïve", "tab\\there", "quote\\\"d", "line\\nbreak", "日本",
      "emoji 🦀", "{json}", "back\\\\slash"};

  private final Random random;

  TranscriptGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** A transcript of {@code entries} lines after the header; {@code withIds} false gives a v1 file without ids. */
  List<String> transcript(String sessionId, int entries, boolean withIds) {
    List<String> lines = new ArrayList<>();
    long t = 1767225600000L + random.nextInt(1_000_000_000);
    lines.add(
        "{\"type\":\"session\","
            + (withIds ? "\"version\":" + (3 + random.nextInt(2)) + "," : "")
            + "\"id\":\""
            + sessionId
            + "\",\"timestamp\":\""
            + Instant.ofEpochMilli(t)
            + "\",\"cwd\":\"/w\"}");
    String parent = null;
    for (int i = 0; i < entries; i++) {
      t += 1 + random.nextInt(5000);
      String id = withIds ? new UUID(random.nextLong(), random.nextLong()).toString() : null;
      String head =
          "{\"type\":\"%s\","
              + (withIds ? "\"id\":\"" + id + "\",\"parentId\":" + (parent == null ? "null" : "\"" + parent + "\"") + ","
                  : "")
              + "\"timestamp\":\""
              + Instant.ofEpochMilli(t)
              + "\"";
      int kind = random.nextInt(10);
      String line;
      if (kind < 3) {
        line = String.format(head, "message")
            + ",\"message\":{\"role\":\"user\",\"content\":\"" + text() + "\",\"timestamp\":" + (t - 3) + "}}";
      } else if (kind < 7) {
        int in = random.nextInt(20000);
        int out = random.nextInt(500);
        int cr = random.nextInt(3) == 0 ? 0 : random.nextInt(30000);
        line = String.format(head, "message")
            + ",\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"" + text()
            + "\"}],\"provider\":\"p" + random.nextInt(3) + "\",\"model\":\"m\",\"usage\":{\"input\":" + in
            + ",\"output\":" + out + ",\"cacheRead\":" + cr + ",\"cacheWrite\":0,\"totalTokens\":" + (in + out + cr)
            + ",\"cost\":{\"total\":0.00" + random.nextInt(100000) + "}},\"stopReason\":\"stop\",\"timestamp\":"
            + (t - 1) + "}}";
      } else if (kind < 8) {
        line = String.format(head, "message")
            + ",\"message\":{\"role\":\"toolResult\",\"toolCallId\":\"c" + i + "\",\"toolName\":\"exec\","
            + "\"content\":[{\"type\":\"text\",\"text\":\"" + text() + "\"}],\"isError\":false}}";
      } else if (kind < 9) {
        line = String.format(head, "custom") + ",\"customType\":\"model-snapshot\",\"data\":{\"n\":" + i + "}}";
      } else {
        line = String.format(head, "model_change") + ",\"provider\":\"p\",\"modelId\":\"m" + i + "\"}";
      }
      lines.add(line);
      parent = id;
    }
    return lines;
  }

  /** A random line index in [0, bound). */
  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  private String text() {
    StringBuilder sb = new StringBuilder();
    int n = 1 + random.nextInt(6);
    for (int i = 0; i < n; i++) {
      sb.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
    }
    return sb.toString();
  }
}
