package io.clawmetry.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.ContentBlock;
import io.clawmetry.api.EventOrigin;
import io.clawmetry.api.MessageRole;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.api.Warning;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.source.RawRecord;
import io.clawmetry.core.warn.Warnings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The line variants of FORMATS §4.2–4.3 and §4.8. */
class EventParserTest {

  private final Warnings warnings = new Warnings();
  private final EventParser parser = new EventParser(warnings);
  private long line = 1;

  private Optional<TranscriptEvent> parse(StreamState state, String json) {
    return parser.parse(
        new RawRecord(json, new EventOrigin(SourceKind.JSONL_TRANSCRIPT, "f.jsonl", line++), null), state);
  }

  private List<TranscriptEvent> parseAll(StreamState state, String... lines) {
    List<TranscriptEvent> out = new ArrayList<>();
    for (String l : lines) {
      parse(state, l).ifPresent(out::add);
    }
    return out;
  }

  @Test
  void v3SessionTakesIdFromHeaderNotName() {
    StreamState s = new StreamState("name-id");
    List<TranscriptEvent> ev =
        parseAll(
            s,
            "{\"type\":\"session\",\"version\":3,\"id\":\"hdr\",\"timestamp\":\"2026-01-31T11:07:47.906Z\","
                + "\"cwd\":\"/w\",\"parentSession\":\"old\"}",
            "{\"type\":\"message\",\"id\":\"a1\",\"parentId\":null,\"timestamp\":\"2026-01-31T11:07:50.000Z\","
                + "\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],"
                + "\"provider\":\"p\",\"model\":\"m\",\"api\":\"anthropic-messages\",\"stopReason\":\"stop\","
                + "\"usage\":{\"input\":1,\"output\":2},\"timestamp\":1769857669000}}");
    TranscriptEvent.SessionHeader h = assertInstanceOf(TranscriptEvent.SessionHeader.class, ev.get(0));
    assertEquals(3, h.version());
    assertEquals("old", h.parentSession());
    assertEquals("hdr", s.sessionId());
    TranscriptEvent.Message m = assertInstanceOf(TranscriptEvent.Message.class, ev.get(1));
    assertEquals("hdr", m.meta().sessionId());
    assertEquals(Instant.parse("2026-01-31T11:07:50Z"), m.meta().timestamp());
    assertEquals("a1|1769857669000", m.meta().dedupKey(), "message.timestamp wins for the key");
    assertEquals("p", m.provider());
    assertEquals(3, m.usage().total());
    assertTrue(warnings.isEmpty());
  }

  @Test
  void v1WithoutIdsAndV2HookMessage() {
    StreamState s = new StreamState("f");
    List<TranscriptEvent> ev =
        parseAll(
            s,
            "{\"type\":\"session\",\"id\":\"v1\",\"timestamp\":\"2025-11-01T00:00:00Z\"}",
            "{\"type\":\"message\",\"timestamp\":\"2025-11-01T00:00:01Z\",\"message\":{\"role\":\"user\","
                + "\"content\":\"hello\"}}",
            "{\"type\":\"message\",\"timestamp\":\"2025-11-01T00:00:01Z\",\"message\":{\"role\":\"user\","
                + "\"content\":\"hello\"}}",
            "{\"type\":\"message\",\"message\":{\"role\":\"hookMessage\",\"content\":\"x\"}}",
            "{\"type\":\"compaction\",\"summary\":\"s\",\"firstKeptEntryIndex\":4,\"tokensBefore\":99}");
    assertEquals(1, ((TranscriptEvent.SessionHeader) ev.get(0)).version());
    TranscriptEvent.Message u1 = (TranscriptEvent.Message) ev.get(1);
    TranscriptEvent.Message u2 = (TranscriptEvent.Message) ev.get(2);
    assertNull(u1.meta().id());
    assertEquals(List.of(new ContentBlock.Text("hello")), u1.content());
    assertTrue(u1.meta().dedupKey().startsWith("v1#"));
    assertNotEquals(u1.meta().dedupKey(), u2.meta().dedupKey(), "identical id-less lines stay two events");
    assertEquals(MessageRole.CUSTOM, ((TranscriptEvent.Message) ev.get(3)).role());
    assertNull(ev.get(3).meta().timestamp());
    TranscriptEvent.Compaction c = (TranscriptEvent.Compaction) ev.get(4);
    assertEquals("4", c.firstKeptEntryId());
    assertEquals(99, c.tokensBefore());
    // the same lines read again as a copy of the same session give the same keys
    StreamState copy = new StreamState("other-name");
    List<TranscriptEvent> again =
        parseAll(
            copy,
            "{\"type\":\"session\",\"id\":\"v1\",\"timestamp\":\"2025-11-01T00:00:00Z\"}",
            "{\"type\":\"message\",\"timestamp\":\"2025-11-01T00:00:01Z\",\"message\":{\"role\":\"user\","
                + "\"content\":\"hello\"}}");
    assertEquals(u1.meta().dedupKey(), again.get(1).meta().dedupKey());
  }

  @Test
  void bareE0LineAndClaudeStyle() {
    StreamState s = new StreamState("e0");
    TranscriptEvent.Message bare =
        (TranscriptEvent.Message)
            parse(
                    s,
                    "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],"
                        + "\"timestamp\":1764547200000,\"usage\":{\"input\":3,\"output\":4},\"model\":\"m0\"}")
                .orElseThrow();
    assertEquals(MessageRole.ASSISTANT, bare.role());
    assertEquals("e0", bare.meta().sessionId());
    assertEquals(Instant.ofEpochMilli(1764547200000L), bare.meta().timestamp());
    assertEquals(7, bare.usage().total());
    assertEquals("m0", bare.model());

    TranscriptEvent.Message claude =
        (TranscriptEvent.Message)
            parse(
                    s,
                    "{\"type\":\"assistant\",\"uuid\":\"u-2\",\"parentUuid\":\"u-1\",\"timestamp\":"
                        + "\"2026-02-01T10:00:00.000Z\",\"message\":{\"model\":\"claude\",\"content\":"
                        + "[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"Bash\",\"input\":{\"c\":1}}],"
                        + "\"usage\":{\"input_tokens\":10,\"cache_read_input_tokens\":90,\"output_tokens\":5}}}")
                .orElseThrow();
    assertEquals(MessageRole.ASSISTANT, claude.role());
    assertEquals("u-2", claude.meta().id());
    assertEquals("u-1", claude.meta().parentId());
    assertEquals(new ContentBlock.ToolCall("t1", "Bash", "{\"c\":1}"), claude.content().get(0));
    assertEquals(10, claude.usage().input());
    assertEquals(90, claude.usage().cacheRead());
    assertEquals(105, claude.usage().total());
  }

  @Test
  void entryLevelUsageAndProviderAreFallbacks() {
    TranscriptEvent.Message m =
        (TranscriptEvent.Message)
            parse(
                    new StreamState("s"),
                    "{\"type\":\"message\",\"id\":\"x\",\"provider\":\"ep\",\"usage\":{\"input\":2},"
                        + "\"message\":{\"role\":\"assistant\",\"content\":[],\"model\":\"mm\"}}")
                .orElseThrow();
    assertEquals("ep", m.provider());
    assertEquals("mm", m.model());
    assertEquals(2, m.usage().input());
    assertEquals("s#x", m.meta().dedupKey(), "an id without any time is keyed within its session");
  }

  @Test
  void imagesKeepOnlyTypeAndLengthAndBlocksAreTyped() {
    TranscriptEvent.Message m =
        (TranscriptEvent.Message)
            parse(
                    new StreamState("s"),
                    "{\"type\":\"message\",\"id\":\"i\",\"timestamp\":\"2026-03-01T00:00:00Z\",\"message\":"
                        + "{\"role\":\"toolResult\",\"toolCallId\":\"c1\",\"toolName\":\"read\",\"isError\":true,"
                        + "\"content\":[{\"type\":\"image\",\"mimeType\":\"image/png\",\"data\":\"QUJDRA==\"},"
                        + "{\"type\":\"thinking\",\"thinking\":\"t\",\"redacted\":true},{\"type\":\"audio\"}]}}")
                .orElseThrow();
    assertEquals(MessageRole.TOOL_RESULT, m.role());
    assertEquals("c1", m.toolCallId());
    assertTrue(m.isError());
    assertNull(m.usage());
    assertEquals(
        List.of(
            new ContentBlock.Image("image/png", 8),
            new ContentBlock.Thinking("t", true),
            new ContentBlock.Unknown("audio")),
        m.content());
  }

  @Test
  void otherEntryTypes() {
    StreamState s = new StreamState("s");
    List<TranscriptEvent> ev =
        parseAll(
            s,
            "{\"type\":\"model_change\",\"id\":\"1\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"provider\":\"p\","
                + "\"modelId\":\"m\"}",
            "{\"type\":\"thinking_level_change\",\"id\":\"2\",\"thinkingLevel\":\"high\"}",
            "{\"type\":\"branch_summary\",\"id\":\"3\",\"fromId\":\"1\",\"summary\":\"b\"}",
            "{\"type\":\"custom\",\"id\":\"4\",\"customType\":\"model-snapshot\",\"data\":{\"a\":1}}",
            "{\"type\":\"custom_message\",\"id\":\"5\",\"customType\":\"openclaw.runtime-context\",\"display\":false,"
                + "\"content\":[{\"type\":\"text\",\"text\":\"ctx\"}]}",
            "{\"type\":\"label\",\"id\":\"6\",\"targetId\":\"1\",\"label\":\"here\"}",
            "{\"type\":\"session_info\",\"id\":\"7\",\"name\":\"My chat\"}",
            "{\"type\":\"future_thing\",\"id\":\"8\",\"x\":1}");
    assertEquals(new TranscriptEvent.ModelChange(ev.get(0).meta(), "p", "m"), ev.get(0));
    assertEquals("high", ((TranscriptEvent.ThinkingLevelChange) ev.get(1)).thinkingLevel());
    assertEquals("1", ((TranscriptEvent.BranchSummary) ev.get(2)).fromId());
    assertEquals("{\"a\":1}", ((TranscriptEvent.Custom) ev.get(3)).dataJson());
    assertEquals("ctx", ((TranscriptEvent.CustomMessage) ev.get(4)).text());
    assertEquals("here", ((TranscriptEvent.Label) ev.get(5)).label());
    assertEquals("My chat", ((TranscriptEvent.SessionInfo) ev.get(6)).name());
    TranscriptEvent.Unknown u = assertInstanceOf(TranscriptEvent.Unknown.class, ev.get(7));
    assertEquals("future_thing", u.type());
    assertTrue(warnings.isEmpty(), "unknown types are not warnings");
  }

  @Test
  void malformedLinesAreCountedWithTheFirstPosition() {
    StreamState s = new StreamState("s");
    parse(s, "{\"type\":\"message\",\"id\":\"1\",\"message\":{\"role\":\"user\",\"content\":\"a\"}}");
    assertTrue(parse(s, "{not json").isEmpty());
    assertTrue(parse(s, "[1,2]").isEmpty());
    assertTrue(parse(s, "\"str\"").isEmpty());
    List<Warning> w = warnings.list();
    assertEquals(1, w.size());
    assertEquals(WarningKind.MALFORMED_LINE, w.get(0).kind());
    assertEquals(3, w.get(0).count());
    assertEquals("line 2", w.get(0).firstPosition());
    assertEquals("f.jsonl", w.get(0).source());
  }

  @Test
  void databaseHintWinsAndHeaderAndRowShareTheKey() {
    StreamState s = new StreamState("row-session");
    TranscriptEvent h =
        parser
            .parse(
                new RawRecord(
                    "{\"type\":\"session\",\"version\":4,\"id\":\"row-session\",\"timestamp\":\"2026-11-24T04:30:20.676Z\"}",
                    new EventOrigin(SourceKind.SQLITE_TRANSCRIPT, "db", 0),
                    "row-session"),
                s)
            .orElseThrow();
    assertEquals("row-session|" + Instant.parse("2026-11-24T04:30:20.676Z").toEpochMilli(), h.meta().dedupKey());
    assertEquals("row-session", h.meta().sessionId());
    assertEquals("seq 0", EventParser.position(h.meta().origin()));
  }

  @Test
  void aLineNestedTooDeeplyIsSaidToBeSo() {
    String line = "{\"type\":\"message\",\"id\":\"m1\",\"deep\":" + "[".repeat(1001) + "]".repeat(1001)
        + ",\"message\":{\"role\":\"assistant\",\"content\":[],\"usage\":{\"input\":4,\"output\":2}}}";
    byte[] b = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    EventOrigin o = new EventOrigin(SourceKind.JSONL_TRANSCRIPT, "f.jsonl", 3);
    for (int way = 0; way < 2; way++) {
      Warnings w = new Warnings();
      Optional<TranscriptEvent> e = way == 0
          ? new EventParser(w).parse(new RawRecord(line, o, null), new StreamState("s"))
          : new EventParser(w).parseWithoutContent(b, 0, b.length, o, new StreamState("s"), () -> line);
      assertTrue(e.isEmpty());
      Warning x = w.list().get(0);
      assertEquals(WarningKind.MALFORMED_LINE, x.kind());
      assertEquals("line 3", x.firstPosition());
      assertEquals(EventParser.TOO_DEEP, x.message());
    }
  }
}
