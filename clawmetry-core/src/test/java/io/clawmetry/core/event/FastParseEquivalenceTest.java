package io.clawmetry.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.EventOrigin;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.core.source.RawRecord;
import io.clawmetry.core.warn.Warnings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The content-skipping parse gives exactly what the normal parse gives minus content blocks, for real lines, for
 * hand-made edge cases and for seeded random corruptions of real lines (truncations, stray bytes, invalid UTF-8):
 * same events, same dedup keys, same malformed-line warnings.
 */
class FastParseEquivalenceTest {

  private static final String ASSISTANT =
      "{\"type\":\"message\",\"id\":\"a1b2c3d4\",\"parentId\":null,\"timestamp\":\"2026-01-01T00:00:01.250Z\","
          + "\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"hi \\\"there\\\" \\u00e9 ✓\"}],"
          + "\"provider\":\"anthropic\",\"model\":\"claude-sonnet-4-5\",\"usage\":{\"input\":10,\"output\":5,"
          + "\"cacheRead\":2,\"cacheWrite\":0,\"totalTokens\":17,\"cost\":{\"total\":0.0041877500000000005}},"
          + "\"stopReason\":\"stop\",\"timestamp\":1767225601000}}";

  static List<String> realLines() {
    List<String> out = new ArrayList<>();
    for (Path root : List.of(testdata().resolve("real"), testdata().getParent().resolve("examples/home/agents"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f :
            files.filter(p -> p.toString().contains(".jsonl") && !p.toString().endsWith(".zst")).sorted().toList()) {
          out.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    out.add(ASSISTANT);
    return out;
  }

  private static Path testdata() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("testdata/real"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("testdata/ not found");
    }
    return dir.resolve("testdata");
  }

  /**
   * Parses {@code bytes} both ways (fresh parsers and states) and asserts the same outcome; true when the fast path
   * skipped content the normal parse kept.
   */
  private static boolean assertSame(byte[] bytes, String why) {
    String text = new String(bytes, StandardCharsets.UTF_8); // replacement characters, as LineReader decodes
    EventOrigin origin = new EventOrigin(SourceKind.JSONL_TRANSCRIPT, "f.jsonl", 7);
    Warnings slowWarnings = new Warnings();
    Warnings fastWarnings = new Warnings();
    Optional<TranscriptEvent> slow =
        new EventParser(slowWarnings).parse(new RawRecord(text, origin, null), new StreamState("s"));
    Optional<TranscriptEvent> fast =
        new EventParser(fastWarnings)
            .parseWithoutContent(bytes, 0, bytes.length, origin, new StreamState("s"), () -> text);
    Optional<TranscriptEvent> fromText =
        new EventParser(new Warnings()).parseWithoutContent(new RawRecord(text, origin, null), new StreamState("s"));
    assertEquals(slow.map(FastParseEquivalenceTest::withoutContent), fast.map(FastParseEquivalenceTest::withoutContent),
        why);
    assertEquals(slow.map(FastParseEquivalenceTest::withoutContent),
        fromText.map(FastParseEquivalenceTest::withoutContent), why);
    assertEquals(slowWarnings.list(), fastWarnings.list(), why);
    return fast.isPresent() && fast.get() instanceof TranscriptEvent.Message m && m.content().isEmpty()
        && slow.get() instanceof TranscriptEvent.Message s && !s.content().isEmpty();
  }

  private static TranscriptEvent withoutContent(TranscriptEvent e) {
    if (e instanceof TranscriptEvent.Message m) {
      return new TranscriptEvent.Message(
          m.meta(), m.role(), List.of(), m.provider(), m.model(), m.api(), m.usage(), m.stopReason(),
          m.errorMessage(), m.toolCallId(), m.toolName(), m.isError(), m.customType(), m.heartbeat());
    }
    return e;
  }

  @Test
  void realLinesParseTheSameAndMessagesSkipContent() {
    List<String> lines = realLines();
    assertEquals(235, lines.size(), "fixture lines");
    int skipped = 0;
    int cronTags = 0;
    for (String l : lines) {
      skipped += assertSame(l.getBytes(StandardCharsets.UTF_8), l) ? 1 : 0;
      byte[] b = l.getBytes(StandardCharsets.UTF_8);
      if (new EventParser(new Warnings()).parseWithoutContent(b, 0, b.length,
              new EventOrigin(SourceKind.JSONL_TRANSCRIPT, "f", 1), new StreamState("s"), () -> l).orElse(null)
          instanceof TranscriptEvent.Message m && CronPrompts.jobId(m) != null) {
        cronTags++; // only the tag of the prompt is kept (CronPromptTest)
      }
    }
    assertEquals(125, skipped, "messages whose content the fast path skipped");
    assertEquals(3, cronTags, "cron prompts (9erson's run, two in the example home)");
    byte[] a = ASSISTANT.getBytes(StandardCharsets.UTF_8);
    TranscriptEvent.Message m =
        (TranscriptEvent.Message)
            new EventParser(new Warnings())
                .parseWithoutContent(
                    a, 0, a.length, new EventOrigin(SourceKind.JSONL_TRANSCRIPT, "f", 1), new StreamState("s"), () -> "")
                .orElseThrow();
    assertTrue(m.content().isEmpty());
    assertEquals("a1b2c3d4|1767225601000", m.meta().dedupKey());
    assertEquals(17, m.usage().total());
  }

  /** A heartbeat poll as the real 2026.6 healthcore transcript has it. */
  private static final String POLL =
      "{\"type\":\"message\",\"id\":\"66921b45\",\"parentId\":\"6d012af3\",\"timestamp\":"
          + "\"2026-06-29T18:29:57.329Z\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"text\","
          + "\"text\":\"[OpenClaw heartbeat poll]\"}],\"timestamp\":1782757797322}}";

  @Test
  void heartbeatPollsAreFlaggedBothWaysWithoutContent() {
    assertTrue(assertSame(POLL.getBytes(StandardCharsets.UTF_8), POLL), "content skipped");
    assertTrue(fast(POLL).heartbeat());
    assertTrue(!fast(POLL.replace("poll]", "poll] ")).heartbeat());
  }

  /** Anthropic's split of the cache writes by lifetime, nested in the usage (and OpenClaw's own 1-hour count). */
  private static final String CACHE_CREATION =
      "\"cache_creation\":{\"ephemeral_1h_input_tokens\":1000,\"ephemeral_5m_input_tokens\":500}";

  private static final String SPLIT_ONLY =
      ASSISTANT.replace("\"cacheWrite\":0,\"totalTokens\":17,", CACHE_CREATION + ",");

  private static final String SPLIT_AND_1H =
      ASSISTANT.replace("\"cacheWrite\":0,", "\"cacheWrite\":1500,\"cacheWrite1h\":700," + CACHE_CREATION + ",");

  @Test
  void nestedCacheCreationReachesTheNormalizer() {
    // only the nested split: cacheWrite = 1000 + 500, of which 1000 in the 1-hour cache; total 10 + 5 + 2 + 1500
    TranscriptEvent.Message split = fast(SPLIT_ONLY);
    assertEquals(1500, split.usage().cacheWrite());
    assertEquals(1000, split.usage().cacheWrite1h());
    assertEquals(1517, split.usage().total());
    // OpenClaw's cacheWrite1h comes first
    TranscriptEvent.Message both = fast(SPLIT_AND_1H);
    assertEquals(1500, both.usage().cacheWrite());
    assertEquals(700, both.usage().cacheWrite1h());
    assertSame(SPLIT_ONLY.getBytes(StandardCharsets.UTF_8), SPLIT_ONLY);
    assertSame(SPLIT_AND_1H.getBytes(StandardCharsets.UTF_8), SPLIT_AND_1H);
  }

  private static TranscriptEvent.Message fast(String line) {
    byte[] a = line.getBytes(StandardCharsets.UTF_8);
    return (TranscriptEvent.Message)
        new EventParser(new Warnings())
            .parseWithoutContent(
                a, 0, a.length, new EventOrigin(SourceKind.JSONL_TRANSCRIPT, "f", 1), new StreamState("s"), () -> "")
            .orElseThrow();
  }

  static Stream<String> edgeCases() {
    String base = ASSISTANT;
    return Stream.of(
        SPLIT_ONLY,
        SPLIT_AND_1H,
        SPLIT_ONLY.replace("\"ephemeral_5m_input_tokens\":500", "\"ephemeral_5m_input_tokens\":{\"x\":[1.50]}"),
        base.replace("\"input\":10", "\"input\":010"), // leading zero
        base.replace("\"input\":10", "\"input\":-"),
        base.replace("\"input\":10", "\"input\":1."),
        base.replace("\"input\":10", "\"input\":.5"),
        base.replace("\"input\":10", "\"input\":1e5"),
        base.replace("\"input\":10", "\"input\":-0"),
        base.replace("\"input\":10", "\"input\":12345678901234567890123"),
        base.replace("\"input\":10", "\"input\":1.5E-3"),
        // exponents beyond BigDecimal's int scale: the normal parser decides (it rejects them)
        base.replace("\"input\":10", "\"input\":1e99999999999"),
        base.replace("\"input\":10", "\"input\":1.5E-2147483649"),
        base.replace("\"timestamp\":1767225601000", "\"timestamp\":1e2147483648"),
        base.replace("\"parentId\":null", "\"parentId\":nul"),
        base.replace("\"parentId\":null", "\"parentId\":nullx"),
        base.replace("\"parentId\":null", "\"parentId\":true"),
        base.replace("\"type\":\"message\"", "\"\\u0074ype\":\"message\""), // escaped name
        base.replace("\"id\":\"a1b2c3d4\"", "\"id\":\"a1b2\\u0063\\u0033d4\""), // escaped value
        base.replace("hi ", "hi \u0001"), // raw control character
        base.replace("hi ", "hi \\x"), // bad escape
        base.replace("hi ", "hi \\u12G4"),
        base + " ",
        base + " x",
        base + "}",
        "\uFEFF" + base,
        " \t" + base,
        base.substring(0, base.length() - 1),
        base.replace(",\"parentId\"", ",,\"parentId\""),
        base.replace("}}", ",}}"),
        base.replace("\"stopReason\":\"stop\"", "\"stopReason\":\"stop\",\"stopReason\":\"error\""),
        base.replace("\"message\":{", "\"message\":\"text\",\"message\":{"),
        base.replace("\"message\":{\"role\"", "\"message\":{},\"message\":{\"role\""),
        base.replace("\"text\":\"hi", "\"text\":" + "[".repeat(450) + "1" + "]".repeat(450) + ",\"x\":\"hi"),
        base.replace("\"timestamp\":\"2026-01-01T00:00:01.250Z\"", "\"timestamp\":\"2026-02-30T00:00:01.250Z\""),
        base.replace("\"timestamp\":\"2026-01-01T00:00:01.250Z\"", "\"timestamp\":\"2026-01-01T00:00:60Z\""),
        base.replace("\"timestamp\":\"2026-01-01T00:00:01.250Z\"", "\"timestamp\":\"2026-01-01T00:00:01+02:00\""),
        base.replace("\"timestamp\":1767225601000", "\"timestamp\":1767225601000.5"),
        base.replace("\"id\":\"a1b2c3d4\",", ""), // no id: the normal parser's hash key
        "[1,2]",
        "\"text\"",
        "",
        "{}",
        "{\"role\":\"assistant\",\"content\":\"bare\",\"usage\":{\"input\":1}}",
        "{\"type\":\"assistant\",\"uuid\":\"u1\",\"message\":{\"usage\":{\"input_tokens\":3}}}",
        // entries other than messages: their whole tree is built from the checked bytes
        "{\"type\":\"custom\",\"customType\":\"x\",\"data\":{\"a\":1.50,\"b\":0.0,\"c\":1e2,\"d\":-0.0,"
            + "\"e\":[1,2.5,{\"f\":\"g\\n\"},[],{}],\"h\":12345678901234567890,\"i\":\"日本 🚀\",\"a\":2,"
            + "\"j\":-9223372036854775808,\"k\":2147483648,\"l\":true,\"m\":null},\"id\":\"c1\",\"parentId\":null,"
            + "\"timestamp\":\"2026-01-01T00:00:00Z\"}",
        "{\"type\":\"compaction\",\"id\":\"k1\",\"summary\":\"s \\\"q\\\" ✓\",\"firstKeptEntryIndex\":3,"
            + "\"tokensBefore\":1200}",
        "{\"type\":\"session\",\"version\":3,\"id\":\"0b1c\",\"timestamp\":\"2026-01-01T00:00:00.000Z\","
            + "\"cwd\":\"C:\\\\temp\"}",
        "{\"type\":\"model_change\",\"id\":\"m1\",\"provider\":\"zai\",\"modelId\":\"glm-5\",\"x\":1E+400}",
        "{\"type\":\"weird\",\"id\":\"w1\",\"payload\":[1.0e-5,-0,0.000]}",
        "{\"type\":\"weird\",\"id\":\"w3\",\"payload\":[1e2147483648]}",
        // decimals read without text (at most 18 digits, no exponent) and those left to BigDecimal's parser
        "{\"type\":\"custom\",\"customType\":\"d\",\"id\":\"w2\",\"data\":{\"p\":[-0.50,100.0,"
            + "0.000000000000000001,99999999999999999.9,123456789012345678.5,-999999999999999999.0,1.10,-0.0,10.000]}}",
        base.replace("\"total\":0.0041877500000000005", "\"total\":0.00418775,\"input\":-1.20,\"output\":300.00"),
        // the same short values again: shared nodes must not leak between fields or lines
        base.replace("\"provider\":\"anthropic\"", "\"provider\":\"assistant\"").replace("\"api\"", "\"x\""),
        base.replace("\"model\":\"claude-sonnet-4-5\"", "\"model\":\"a\\u0062c\""),
        // heartbeat polls (HeartbeatTurnTest has the spellings): the flag is the same both ways, content still skipped
        POLL,
        POLL.replace("[{\"type\":\"text\",\"text\":\"[OpenClaw heartbeat poll]\"}]", "\"[OpenClaw heartbeat poll]\""),
        POLL.replace("heartbeat poll", "heartbeat\\u0020poll"),
        POLL.replace("\"}]", "\",\"x\":" + "[".repeat(450) + "1" + "]".repeat(450) + "}]"),
        POLL.replace("\"}]", "\"},{\"type\":\"text\",\"text\":\"x\"}]"),
        POLL.replace("poll]", "poll] "));
  }

  @ParameterizedTest
  @MethodSource("edgeCases")
  void edgeCasesParseTheSame(String line) {
    assertSame(line.getBytes(StandardCharsets.UTF_8), line);
  }

  @Test
  void invalidUtf8TakesTheNormalPath() {
    byte[] base = ASSISTANT.getBytes(StandardCharsets.UTF_8);
    int at = ASSISTANT.indexOf("hi ") + 3;
    byte[][] bad = {
      {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80,
        (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x9C}, {(byte) 0x80}
    };
    for (byte[] b : bad) {
      byte[] line = new byte[base.length + b.length];
      System.arraycopy(base, 0, line, 0, at);
      System.arraycopy(b, 0, line, at, b.length);
      System.arraycopy(base, at, line, at + b.length, base.length - at);
      assertSame(line, "invalid UTF-8 " + java.util.HexFormat.of().formatHex(b));
    }
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 300);
  }

  private static final byte[] STRAY = {
    '"', '\\', ',', ':', '{', '}', '[', ']', ' ', '\t', 1, (byte) 0xC3, (byte) 0xFF, (byte) 0x80, '0', 'e', '-', 'u', 'n'
  };

  @ParameterizedTest
  @MethodSource("seeds")
  void randomCorruptionsParseTheSame(long seed) {
    Random r = new Random(seed);
    List<String> lines = realLines();
    for (int k = 0; k < 60; k++) {
      byte[] b = lines.get(r.nextInt(lines.size())).getBytes(StandardCharsets.UTF_8);
      if (b.length < 2) {
        continue;
      }
      byte[] m;
      int at = r.nextInt(b.length);
      switch (r.nextInt(4)) {
        case 0 -> m = java.util.Arrays.copyOf(b, at); // truncated
        case 1 -> { // one byte deleted
          m = new byte[b.length - 1];
          System.arraycopy(b, 0, m, 0, at);
          System.arraycopy(b, at + 1, m, at, b.length - at - 1);
        }
        case 2 -> { // one stray byte inserted
          m = new byte[b.length + 1];
          System.arraycopy(b, 0, m, 0, at);
          m[at] = STRAY[r.nextInt(STRAY.length)];
          System.arraycopy(b, at, m, at + 1, b.length - at);
        }
        default -> { // one byte replaced
          m = b.clone();
          m[at] = STRAY[r.nextInt(STRAY.length)];
        }
      }
      assertSame(m, "seed " + seed + " case " + k + ": " + new String(m, StandardCharsets.UTF_8));
    }
  }
}
