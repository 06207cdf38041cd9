package io.clawmetry.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clawmetry.api.TranscriptEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random transcripts of user, assistant and tool-result messages whose contents are built from the pieces a
 * cron prompt or a heartbeat poll is made of (brackets, {@code cron:}, spaces, escapes of any of them, unicode, several
 * blocks, duplicate fields) and whose messages carry random agent runs: the normal parse and both content-skipping
 * parses give the same cron job per message ({@link CronPrompts}) and the same heartbeat flag per message. The seed and
 * the lines are in the failure message.
 */
class PromptAndRunPropertyTest {

  private static final String[] PIECES = {
    "[", "]", " ", "cron:", "[cron:", "job-1", "j\\u006fb", "\\u005b", "\\u005d", "\\u0020", "\\n", "\\\"", "\\\\",
    "\u00f6", "\u30e2", "x", "Nightly", "[OpenClaw heartbeat poll]", "\\u005bOpenClaw heartbeat poll]", "\\t"
  };

  private static String text(Random r) {
    StringBuilder b = new StringBuilder("\"");
    int n = r.nextInt(6);
    String[] starts = {"[cron:", "\\u005bcron:", "[cr\\u006fn:", "\\u005B\\u0063ron\\u003a", "", ""};
    b.append(starts[r.nextInt(starts.length)]);
    for (int i = 0; i < n; i++) {
      b.append(PIECES[r.nextInt(PIECES.length)]);
    }
    return b.append('"').toString();
  }

  private static String block(Random r) {
    switch (r.nextInt(5)) {
      case 0:
        return text(r);
      case 1:
        return "{\"type\":\"text\",\"text\":" + text(r) + "}";
      case 2:
        return "{\"text\":" + text(r) + ",\"type\":\"" + (r.nextBoolean() ? "text" : "thinking") + "\"}";
      case 3:
        return "{\"type\":\"text\",\"text\":" + text(r) + ",\"text\":" + text(r) + "}";
      default:
        return "{\"type\":\"image\",\"data\":\"AAAA\"}";
    }
  }

  private static String content(Random r) {
    if (r.nextInt(6) == 0) { // a poll: its turn lasts until the next user message or another run
      return r.nextBoolean() ? "\"[OpenClaw heartbeat poll]\"" : "[{\"type\":\"text\",\"text\":\"[OpenClaw heartbeat poll]\"}]";
    }
    if (r.nextInt(3) == 0) {
      return text(r);
    }
    List<String> blocks = new ArrayList<>();
    for (int i = r.nextInt(3); i >= 0; i--) {
      blocks.add(block(r));
    }
    return "[" + String.join(",", blocks) + "]";
  }

  private static String line(Random r, int k) {
    String role = new String[] {"user", "user", "assistant", "toolResult"}[r.nextInt(4)];
    String run = r.nextInt(3) == 0 ? "" : "\"__openclaw\":{\"runId\":\"r" + r.nextInt(3) + "\"},";
    String usage = role.equals("assistant")
        ? ",\"provider\":\"p\",\"model\":\"m\",\"usage\":{\"input\":1,\"output\":1,\"totalTokens\":2}"
        : "";
    return "{\"type\":\"message\",\"id\":\"m" + k + "\",\"parentId\":null,\"timestamp\":\"2026-06-29T18:29:"
        + String.format("%02d", k % 60) + ".000Z\",\"message\":{" + run + "\"role\":\"" + role + "\",\"content\":"
        + content(r) + usage + "}}";
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyParseGivesTheSameJobAndTurn(long seed) {
    Random r = new Random(seed);
    List<String> lines = new ArrayList<>();
    for (int k = 0; k < 30; k++) {
      lines.add(line(r, k));
    }
    ParseWays ways = new ParseWays(lines);
    List<String> slow = ways.normal.stream().map(PromptAndRunPropertyTest::describe).toList();
    List<String> fast = ways.fromBytes.stream().map(PromptAndRunPropertyTest::describe).toList();
    List<String> fromText = ways.fromText.stream().map(PromptAndRunPropertyTest::describe).toList();
    String why = "seed " + seed + ":\n" + String.join("\n", lines);
    assertEquals(slow, fast, why);
    assertEquals(slow, fromText, why);
  }

  private static String describe(TranscriptEvent e) {
    TranscriptEvent.Message m = (TranscriptEvent.Message) java.util.Objects.requireNonNull(e);
    return m.role() + " job=" + CronPrompts.jobId(m) + " heartbeat=" + m.heartbeat();
  }
}
