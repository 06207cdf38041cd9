package io.clawmetry.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.ContentBlock;
import io.clawmetry.api.EventOrigin;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.core.source.RawRecord;
import io.clawmetry.core.warn.Warnings;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cron job a message's prompt names ({@link CronPrompts}; FORMATS §4.3: cron prompts start {@code [cron:<jobId>
 * <name>]}), the same whichever way the line is parsed: normally, content-skipping from bytes, content-skipping from
 * text as database rows are. The content-skipping ways keep only the prompt's tag as content, and nothing of any
 * other content.
 */
class CronPromptTest {

  private static final String JOB = "44819451-6288-4ad9-a73c-3292e2c40c7f";

  private static String user(String content) {
    return "{\"type\":\"message\",\"id\":\"u1\",\"parentId\":null,\"timestamp\":\"2026-06-29T18:29:57.000Z\","
        + "\"message\":{\"role\":\"user\",\"content\":" + content + ",\"timestamp\":1782757797000}}";
  }

  private static String textBlock(String json) {
    return "[{\"type\":\"text\",\"text\":" + json + "}]";
  }

  /** The job id of {@code line}'s message, checked equal all three ways. */
  private static String jobId(String line) {
    EventOrigin o = new EventOrigin(SourceKind.JSONL_TRANSCRIPT, "f.jsonl", 1);
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    TranscriptEvent.Message slow = message(new EventParser(new Warnings()).parse(new RawRecord(line, o, null),
        new StreamState("s")).orElseThrow());
    TranscriptEvent.Message fast = message(new EventParser(new Warnings()).parseWithoutContent(b, 0, b.length, o,
        new StreamState("s"), () -> line).orElseThrow());
    TranscriptEvent.Message fromText = message(new EventParser(new Warnings()).parseWithoutContent(
        new RawRecord(line, o, null), new StreamState("s")).orElseThrow());
    // the byte walk itself decides (it never leaves these lines to the token parser)
    com.fasterxml.jackson.databind.node.ObjectNode pruned = new PrunedEntry().prune(b, 0, b.length);
    assertTrue(pruned != null, "accepted by the byte walk");
    String id = CronPrompts.jobId(slow);
    assertEquals(id, CronPrompts.jobId(fast), "bytes");
    assertEquals(id, CronPrompts.jobId(fromText), "text");
    for (TranscriptEvent.Message m : Arrays.asList(fast, fromText)) {
      if (id == null) {
        assertTrue(m.content().isEmpty(), "no content without a prompt: " + m.content());
      } else {
        assertEquals(java.util.List.of(new ContentBlock.Text("[cron:" + id + "]")), m.content());
      }
    }
    return id;
  }

  private static TranscriptEvent.Message message(TranscriptEvent e) {
    return (TranscriptEvent.Message) e;
  }

  static Stream<Arguments> contents() {
    String prompt = "\"[cron:" + JOB + " Health Check] Run health check: python3 health-check.py --fix.\\nThen "
        + "summarize.\"";
    return Stream.of(
        Arguments.of(textBlock(prompt), JOB), // the real 9erson run (2026.2)
        Arguments.of(prompt, JOB),
        Arguments.of("[" + prompt + "]", JOB), // a string block is a text block
        Arguments.of("[{\"type\":\"text\",\"text\":" + prompt + "},{\"type\":\"image\",\"data\":\"AAAA\"}]", JOB),
        Arguments.of("[{\"text\":" + prompt + ",\"type\":\"text\"}]", JOB), // field order
        Arguments.of("\"[cron:job-1]\"", "job-1"),
        Arguments.of("\"[cron:job-1\"", "job-1"),
        Arguments.of("\"[cron:job-1]x y\"", "job-1"),
        Arguments.of("\"\\u005bcron:job-1 Nightly]\"", "job-1"), // escaped spellings decode first
        Arguments.of("\"[cron:j\\u006fb-1 Nightly]\"", "job-1"),
        Arguments.of("\"[cron:job-1\\u0020Nightly]\"", "job-1"),
        Arguments.of("\"[cron:job\\u005d-1 Nightly]\"", "job"),
        Arguments.of("\"\\u005Bcron:job-1 Nightly]\"", "job-1"), // upper-case hex digits
        Arguments.of("\"[\\u0063ron\\u003ajob-1 Nightly]\"", "job-1"), // escapes inside the prefix
        Arguments.of("\"\\u001b[cron:job-1 N]\"", null), // an escape that spells another character
        Arguments.of("\"\\u005bcron\"", null),
        Arguments.of("\"\\\\u005bcron:job-1 N]\"", null), // an escaped backslash, then u005b as text
        Arguments.of("\"\\\"[cron:job-1 N]\"", null),
        Arguments.of("\"[cron:\\u0020x]\"", null),
        Arguments.of("\"[cron:job-1 Nightly] say \\\"hi\\\"\"", "job-1"), // escapes after the tag
        Arguments.of("\"[cron:j\\u00f6b Nightly]\"", "j\u00f6b"),
        Arguments.of("\"[cron:j\u00f6b Nightly]\"", "j\u00f6b"),
        Arguments.of("[{\"type\":\"text\",\"text\":\"x\",\"text\":\"[cron:job-1 N]\"}]", "job-1"), // last one wins
        Arguments.of("[{\"type\":\"text\",\"text\":\"[cron:job-1 N]\",\"text\":\"x\"}]", null),
        Arguments.of("[{\"type\":\"text\",\"text\":\"[cron:job-1 N]\",\"type\":\"thinking\"}]", null),
        Arguments.of("[{\"type\":\"thinking\",\"text\":\"[cron:job-1 N]\"}]", null),
        Arguments.of("[{\"text\":\"[cron:job-1 N]\"}]", null),
        Arguments.of("[{\"type\":\"text\",\"text\":[\"[cron:job-1 N]\"]}]", null),
        Arguments.of("[{\"type\":\"image\",\"data\":\"AAAA\"},{\"type\":\"text\",\"text\":\"[cron:job-1 N]\"}]", null),
        Arguments.of("\"[cron: Nightly]\"", null),
        Arguments.of("\"[cron:]\"", null),
        Arguments.of("\"[cron:\"", null),
        Arguments.of("\"[Cron:job-1 N]\"", null),
        Arguments.of("\" [cron:job-1 N]\"", null),
        Arguments.of("\"\\n[cron:job-1 N]\"", null),
        Arguments.of("\"Run [cron:job-1 N]\"", null),
        Arguments.of("\"[OpenClaw heartbeat poll]\"", null),
        Arguments.of("\"\"", null),
        Arguments.of("[]", null),
        Arguments.of("null", null),
        Arguments.of("{\"text\":\"[cron:job-1 N]\"}", null),
        Arguments.of("\"[cron:job-1 N]\",\"content\":\"x\"", null), // a later duplicate content wins
        Arguments.of("\"x\",\"content\":\"[cron:job-1 N]\"", "job-1"));
  }

  @ParameterizedTest
  @MethodSource("contents")
  void userContent(String content, String jobId) {
    assertEquals(jobId, jobId(user(content)));
  }

  @Test
  void onlyUserMessagesNameAJob() {
    String assistant = "{\"type\":\"message\",\"id\":\"a1\",\"parentId\":null,\"message\":{\"role\":\"assistant\","
        + "\"content\":[{\"type\":\"text\",\"text\":\"[cron:job-1 N] done\"}],\"provider\":\"p\",\"model\":\"m\"}}";
    assertEquals(null, jobId(assistant.replace("\"provider\"", "\"x\":1,\"provider\"")));
  }
}
