package io.clawmetry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.UsagePeriod;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageRow;
import io.clawmetry.core.discovery.Environment;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A line over {@link io.clawmetry.core.source.LineReader#MAX_MATERIALISED_LINE} is streamed, never held: its message
 * still tells a cron prompt (a first text block {@code [cron:<jobId> <name>]} before a 5 MB image) and a heartbeat
 * poll (with a 5 MB field after its content) as a line of any length does, also when 5 MB come before the content.
 */
class LongLinePromptTest {

  @TempDir Path tmp;

  /** Stands for 5 MB of data inside a line; {@link #write} streams it, so the test holds no 5 MB string (-Xmx64m). */
  private static final String BIG = "\u0000BIG\u0000";

  private static final byte[] CHUNK = "A".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);

  /** Writes {@code text} with each {@link #BIG} replaced by 5 MB of 'A', streamed. */
  private static void write(Path file, String text) throws java.io.IOException {
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
      String[] parts = text.split(BIG, -1);
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          for (int k = 0; k < 80; k++) { // 80 × 64 KiB = 5 MiB
            out.write(CHUNK);
          }
        }
        out.write(parts[i].getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static String assistant(String id, String ts, long in) {
    return "{\"type\":\"message\",\"id\":\"" + id + "\",\"parentId\":null,\"timestamp\":\"" + ts + "\",\"message\":"
        + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],\"provider\":\"zai\","
        + "\"model\":\"glm-5\",\"usage\":{\"input\":" + in + ",\"output\":1,\"totalTokens\":" + (in + 1) + ","
        + "\"cost\":{\"total\":0.001}},\"stopReason\":\"stop\"}}\n";
  }

  @Test
  void aLongFirstPromptAndALongPollKeepTheirMeaning() throws Exception {
    Path sessions = Files.createDirectories(tmp.resolve("home/agents/main/sessions"));
    String cronId = "11111111-1111-4111-8111-111111111111";
    write(sessions.resolve(cronId + ".jsonl"),
        "{\"type\":\"session\",\"version\":3,\"id\":\"" + cronId + "\",\"timestamp\":\"2026-03-03T04:00:00.000Z\"}\n"
            + "{\"type\":\"message\",\"id\":\"u1\",\"parentId\":null,\"timestamp\":\"2026-03-03T04:00:01.000Z\","
            + "\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"[cron:job-7 Nightly] look\"},"
            + "{\"type\":\"image\",\"data\":\"" + BIG + "\",\"mimeType\":\"image/png\"}]}}\n"
            + assistant("a1", "2026-03-03T04:00:02.000Z", 10));
    String mainId = "22222222-2222-4222-8222-222222222222";
    write(sessions.resolve(mainId + ".jsonl"),
        "{\"type\":\"session\",\"version\":3,\"id\":\"" + mainId + "\",\"timestamp\":\"2026-03-03T04:00:00.000Z\"}\n"
            + "{\"type\":\"message\",\"id\":\"p1\",\"parentId\":null,\"timestamp\":\"2026-03-03T05:00:01.000Z\","
            + "\"message\":{\"role\":\"user\",\"content\":\"[OpenClaw heartbeat poll]\",\"attachmentLog\":\"" + BIG
            + "\"}}\n"
            + assistant("a2", "2026-03-03T05:00:02.000Z", 20)
            // and a poll made long by a second, big block: not a poll (two blocks), as at any length
            + "{\"type\":\"message\",\"id\":\"p2\",\"parentId\":null,\"timestamp\":\"2026-03-03T06:00:01.000Z\","
            + "\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"[OpenClaw heartbeat poll]\"},"
            + "{\"type\":\"image\",\"data\":\"" + BIG + "\"}]}}\n"
            + assistant("a3", "2026-03-03T06:00:02.000Z", 40));
    Map<String, Long> origin = tokensByOrigin(cronId);
    assertEquals(Map.of("cron", 11L, "heartbeat", 21L, "other", 41L), origin);
  }

  @Test
  void aPromptAfterFiveMegabytesOfOtherFieldsKeepsItsMeaning() throws Exception {
    Path sessions = Files.createDirectories(tmp.resolve("home/agents/main/sessions"));
    String cronId = "33333333-3333-4333-8333-333333333333";
    write(sessions.resolve(cronId + ".jsonl"),
        "{\"type\":\"session\",\"version\":3,\"id\":\"" + cronId + "\",\"timestamp\":\"2026-03-03T04:00:00.000Z\"}\n"
            + "{\"type\":\"message\",\"id\":\"u1\",\"pad\":\"" + BIG + "\",\"parentId\":null,"
            + "\"timestamp\":\"2026-03-03T04:00:01.000Z\",\"message\":{\"role\":\"user\",\"details\":{\"log\":\"" + BIG
            + "\"},\"content\":[{\"type\":\"text\",\"text\":\"[cron:job-9 Weekly] look\"}]}}\n"
            + assistant("a1", "2026-03-03T04:00:02.000Z", 100));
    String mainId = "44444444-4444-4444-8444-444444444444";
    write(sessions.resolve(mainId + ".jsonl"),
        "{\"type\":\"session\",\"version\":3,\"id\":\"" + mainId + "\",\"timestamp\":\"2026-03-03T04:00:00.000Z\"}\n"
            + "{\"type\":\"message\",\"id\":\"p1\",\"parentId\":null,\"timestamp\":\"2026-03-03T05:00:01.000Z\","
            + "\"message\":{\"role\":\"user\",\"attachmentLog\":\"" + BIG
            + "\",\"content\":\"[OpenClaw heartbeat poll]\"}}\n"
            + assistant("a2", "2026-03-03T05:00:02.000Z", 200)
            // a later content wins, as in the tree: this one is not a poll
            + "{\"type\":\"message\",\"id\":\"p2\",\"parentId\":null,\"timestamp\":\"2026-03-03T06:00:01.000Z\","
            + "\"message\":{\"role\":\"user\",\"content\":\"[OpenClaw heartbeat poll]\",\"attachmentLog\":\"" + BIG
            + "\",\"content\":\"what changed?\"}}\n"
            + assistant("a3", "2026-03-03T06:00:02.000Z", 400));
    Map<String, Long> origin = tokensByOrigin(cronId);
    assertEquals(Map.of("cron", 101L, "heartbeat", 201L, "other", 401L), origin);
  }

  /** The home's tokens by origin kind, after checking that session {@code cronId} is a cron run. */
  private Map<String, Long> tokensByOrigin(String cronId) throws Exception {
    Map<String, Long> origin = new TreeMap<>();
    try (ClawMetry cm = ClawMetryBuilder.create().environment(Environment.of(Map.of(), tmp.resolve("u")))
        .stateDir(tmp.resolve("home")).build()) {
      for (UsageRow r : cm.usage(UsageQuery.daily(ZoneId.of("UTC")).withPeriod(UsagePeriod.ORIGIN)).rows()) {
        origin.put(r.key(), r.tokens().total());
      }
      assertEquals("CRON_RUN", cm.sessions().items().stream()
          .filter(s -> s.sessionId().equals(cronId)).findFirst().orElseThrow().kind().name());
    }
    return origin;
  }
}
