import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/**
 * Writes a deterministic JSONL-era OpenClaw home for benchmarks: {@code <out>/agents/main/sessions/*.jsonl} plus a
 * few {@code .jsonl.reset.<ts>} archives and a {@code sessions.json}, shaped like testdata/real and examples/home
 * (session header, model_change, thinking_level_change, custom model-snapshot, then user / assistant (thinking, tool
 * calls, text, usage with cost) / toolResult messages). Same arguments, same bytes.
 *
 * <p>Usage: {@code java bench/GenCorpus.java OUT_DIR SIZE_MB [SESSIONS] [SEED]}. Never write into the repository.
 */
public final class GenCorpus {

  private static final String[] WORDS = {
    "the", "gateway", "session", "agent", "cron", "tool", "result", "check", "deploy", "config", "health", "disk",
    "memory", "token", "cache", "model", "provider", "error", "retry", "success", "✓", "—", "naïve", "日本語",
    "\"quoted\"", "path/to/file.py", "C:\\\\temp", "{json}", "[list]", "résumé", "OK", "fail", "42", "3.14", "tab\t",
    "newline\n", "emoji 🚀", "summary:", "**bold**", "`code`", "- item", "#heading", "https://example.com/x?y=1&z=2"
  };

  private record Model(String provider, String model, String api, double in, double out, double cr, double cw) {}

  private static final Model[] MODELS = {
    new Model("anthropic", "claude-sonnet-4-5", "anthropic-messages", 3, 15, 0.3, 3.75),
    new Model("openai", "gpt-5", "openai-responses", 1.25, 10, 0.125, 0),
    new Model("zai", "glm-5", "openai-completions", 0.6, 2.2, 0.11, 0),
    new Model("google", "gemini-2.5-pro", "google-generative-ai", 1.25, 10, 0.31, 0),
    new Model("anthropic", "claude-opus-4-1", "anthropic-messages", 15, 75, 1.5, 18.75),
  };

  private static final long START = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
  private static final long SPAN = 60L * 24 * 3600 * 1000; // 60 days

  private final Random rnd;
  private final StringBuilder sb = new StringBuilder(1 << 16);

  private GenCorpus(long seed) {
    this.rnd = new Random(seed);
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: java GenCorpus.java OUT_DIR SIZE_MB [SESSIONS] [SEED]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    long bytes = Long.parseLong(args[1]) * 1024 * 1024;
    int sessions = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 20261124L;
    new GenCorpus(seed).write(out, bytes, sessions);
  }

  private void write(Path out, long totalBytes, int sessions) throws IOException {
    Path dir = out.resolve("agents/main/sessions");
    Files.createDirectories(dir);
    long perSession = totalBytes / sessions;
    long written = 0;
    StringBuilder index = new StringBuilder("{\n");
    for (int s = 0; s < sessions; s++) {
      String id = new UUID(rnd.nextLong(), rnd.nextLong()).toString();
      long t = START + SPAN * s / sessions + rnd.nextInt(3_600_000);
      boolean archived = s % 50 == 49;
      String name =
          archived ? id + ".jsonl.reset." + Instant.ofEpochMilli(t + 86_400_000L).toString().replace(':', '-') : id + ".jsonl";
      Model m = MODELS[rnd.nextInt(MODELS.length)];
      long target = (long) (perSession * (0.33 + 0.88 * rnd.nextDouble())); // the last turn overshoots by ~15%
      Path file = dir.resolve(name);
      try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
        written += session(w, id, t, m, target);
      }
      if (!archived) {
        if (s > 0) {
          index.append(",\n");
        }
        String key = s % 7 == 0 ? "agent:main:cron:" + id : "agent:main:telegram:direct:" + (1000 + s);
        index
            .append("  \"")
            .append(key)
            .append("\": {\"sessionId\": \"")
            .append(id)
            .append("\", \"updatedAt\": ")
            .append(t + 600_000)
            .append(", \"chatType\": \"direct\", \"channel\": \"telegram\", \"sessionFile\": \"")
            .append(file.toAbsolutePath())
            .append("\", \"modelProvider\": \"")
            .append(m.provider())
            .append("\", \"model\": \"")
            .append(m.model())
            .append("\"}");
      }
    }
    index.append("\n}\n");
    Files.writeString(dir.resolve("sessions.json"), index.toString());
    System.err.printf("wrote %d sessions, %.1f MB of transcripts to %s%n", sessions, written / 1048576.0, dir);
  }

  /** One session file; returns its size in bytes. */
  private long session(Writer w, String id, long t, Model m, long target) throws IOException {
    long size = 0;
    String parent = null;
    size += line(w, "{\"type\":\"session\",\"version\":3,\"id\":\"" + id + "\",\"timestamp\":\"" + iso(t)
        + "\",\"cwd\":\"/root/.openclaw/workspace\"}");
    String mc = hex8();
    size += line(w, "{\"type\":\"model_change\",\"id\":\"" + mc + "\",\"parentId\":null,\"timestamp\":\"" + iso(t + 3)
        + "\",\"provider\":\"" + m.provider() + "\",\"modelId\":\"" + m.model() + "\"}");
    String tl = hex8();
    size += line(w, "{\"type\":\"thinking_level_change\",\"id\":\"" + tl + "\",\"parentId\":\"" + mc
        + "\",\"timestamp\":\"" + iso(t + 3) + "\",\"thinkingLevel\":\"low\"}");
    String cu = hex8();
    size += line(w, "{\"type\":\"custom\",\"customType\":\"model-snapshot\",\"data\":{\"timestamp\":" + (t + 4)
        + ",\"provider\":\"" + m.provider() + "\",\"modelApi\":\"" + m.api() + "\",\"modelId\":\"" + m.model()
        + "\"},\"id\":\"" + cu + "\",\"parentId\":\"" + tl + "\",\"timestamp\":\"" + iso(t + 4) + "\"}");
    parent = cu;
    long now = t + 10;
    long context = 2000 + rnd.nextInt(8000);
    while (size < target) {
      String u = hex8();
      size += line(w, "{\"type\":\"message\",\"id\":\"" + u + "\",\"parentId\":\"" + parent + "\",\"timestamp\":\""
          + iso(now) + "\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\""
          + text(40 + rnd.nextInt(400)) + "\"}],\"timestamp\":" + now + "}}");
      parent = u;
      int tools = rnd.nextInt(4);
      for (int k = 0; k <= tools && size < target + 4096; k++) {
        boolean last = k == tools;
        now += 1500 + rnd.nextInt(20_000);
        String a = hex8();
        String callId = "call_" + hex8() + hex8();
        StringBuilder content = new StringBuilder();
        content.append("[{\"type\":\"thinking\",\"thinking\":\"").append(text(60 + rnd.nextInt(1200)))
            .append("\",\"thinkingSignature\":\"reasoning_content\"}");
        if (last) {
          content.append(",{\"type\":\"text\",\"text\":\"").append(text(100 + rnd.nextInt(2000))).append("\"}");
        } else {
          content.append(",{\"type\":\"toolCall\",\"id\":\"").append(callId)
              .append("\",\"name\":\"exec\",\"arguments\":{\"command\":\"").append(text(20 + rnd.nextInt(200)))
              .append("\",\"timeout\":120}}");
        }
        content.append(']');
        long input = 50 + rnd.nextInt(4000);
        long output = 20 + rnd.nextInt(1500);
        long cacheRead = context;
        long cacheWrite = m.cw() > 0 && rnd.nextInt(4) == 0 ? 500 + rnd.nextInt(5000) : 0;
        context += input + output;
        size += line(w, "{\"type\":\"message\",\"id\":\"" + a + "\",\"parentId\":\"" + parent + "\",\"timestamp\":\""
            + iso(now) + "\",\"message\":{\"role\":\"assistant\",\"content\":" + content + ",\"api\":\"" + m.api()
            + "\",\"provider\":\"" + m.provider() + "\",\"model\":\"" + m.model() + "\",\"usage\":"
            + usage(m, input, output, cacheRead, cacheWrite) + ",\"stopReason\":\"" + (last ? "stop" : "toolUse")
            + "\",\"timestamp\":" + (now - 700) + "}}");
        parent = a;
        if (!last) {
          now += 50 + rnd.nextInt(3000);
          String r = hex8();
          String out = text(100 + (rnd.nextInt(10) == 0 ? rnd.nextInt(12_000) : rnd.nextInt(3000)));
          size += line(w, "{\"type\":\"message\",\"id\":\"" + r + "\",\"parentId\":\"" + parent
              + "\",\"timestamp\":\"" + iso(now) + "\",\"message\":{\"role\":\"toolResult\",\"toolCallId\":\""
              + callId + "\",\"toolName\":\"exec\",\"content\":[{\"type\":\"text\",\"text\":\"" + out
              + "\"}],\"details\":{\"status\":\"completed\",\"exitCode\":0,\"durationMs\":" + rnd.nextInt(5000)
              + ",\"cwd\":\"/root/.openclaw/workspace\"},\"isError\":false,\"timestamp\":" + now + "}}");
          parent = r;
        }
      }
      now += 60_000 + rnd.nextInt(3_600_000);
    }
    return size;
  }

  private String usage(Model m, long in, long out, long cr, long cw) {
    BigDecimal ci = cost(in, m.in());
    BigDecimal co = cost(out, m.out());
    BigDecimal ccr = cost(cr, m.cr());
    BigDecimal ccw = cost(cw, m.cw());
    BigDecimal total = ci.add(co).add(ccr).add(ccw);
    return "{\"input\":" + in + ",\"output\":" + out + ",\"cacheRead\":" + cr + ",\"cacheWrite\":" + cw
        + ",\"totalTokens\":" + (in + out + cr + cw) + ",\"cost\":{\"input\":" + plain(ci) + ",\"output\":"
        + plain(co) + ",\"cacheRead\":" + plain(ccr) + ",\"cacheWrite\":" + plain(ccw) + ",\"total\":"
        + plain(total) + "}}";
  }

  private static BigDecimal cost(long tokens, double perMillion) {
    return BigDecimal.valueOf(tokens).multiply(BigDecimal.valueOf(perMillion)).divide(BigDecimal.valueOf(1_000_000),
        12, RoundingMode.HALF_EVEN).stripTrailingZeros();
  }

  private static String plain(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.toPlainString();
  }

  /** JSON-escaped text of about {@code n} characters. */
  private String text(int n) {
    sb.setLength(0);
    while (sb.length() < n) {
      String word = WORDS[rnd.nextInt(WORDS.length)];
      for (int i = 0; i < word.length(); i++) {
        char c = word.charAt(i);
        switch (c) {
          case '"' -> sb.append("\\\"");
          case '\n' -> sb.append("\\n");
          case '\t' -> sb.append("\\t");
          default -> sb.append(c); // backslashes in WORDS are already escaped pairs
        }
      }
      sb.append(rnd.nextInt(12) == 0 ? "\\n" : " ");
    }
    return sb.toString();
  }

  private String hex8() {
    return String.format("%08x", rnd.nextInt());
  }

  private static String iso(long ms) {
    return Instant.ofEpochMilli(ms).toString();
  }

  private static long line(Writer w, String s) throws IOException {
    w.write(s);
    w.write('\n');
    return s.getBytes(StandardCharsets.UTF_8).length + 1L;
  }
}
