package io.clawmetry.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.EventOrigin;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.core.source.RawRecord;
import io.clawmetry.core.warn.Warnings;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Which messages belong to a heartbeat turn ({@link TranscriptEvent.Message#heartbeat()}): a user message whose whole
 * content is {@code [OpenClaw heartbeat poll]} (FORMATS §4.3), and every message after it up to the next user
 * message. Each case is parsed the three ways (normal, content-skipping from bytes, content-skipping from text as
 * database rows are) with the same result, and the content-skipping ways still give no content.
 */
class HeartbeatTurnTest {

  private static final String POLL = "[OpenClaw heartbeat poll]";

  private static String user(String id, String content) {
    return "{\"type\":\"message\",\"id\":\"" + id + "\",\"parentId\":null,\"timestamp\":\"2026-06-29T18:29:57.000Z\","
        + "\"message\":{\"role\":\"user\",\"content\":" + content + ",\"timestamp\":1782757797000}}";
  }

  private static String assistant(String id) {
    return "{\"type\":\"message\",\"id\":\"" + id + "\",\"parentId\":null,\"timestamp\":\"2026-06-29T18:30:00.000Z\","
        + "\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"HEARTBEAT_OK\"}],"
        + "\"provider\":\"litellm\",\"model\":\"m\",\"usage\":{\"input\":1,\"output\":1,\"totalTokens\":2},"
        + "\"stopReason\":\"stop\",\"timestamp\":1782757800000}}";
  }

  /** A message of agent run {@code runId} ({@code message.__openclaw.runId}, FORMATS §4.3). */
  private static String inRun(String line, String runId) {
    return line.replace("\"message\":{", "\"message\":{\"__openclaw\":{\"runId\":\"" + runId + "\"},");
  }

  private static String toolResult(String id) {
    return "{\"type\":\"message\",\"id\":\"" + id + "\",\"parentId\":null,\"message\":{\"role\":\"toolResult\","
        + "\"toolCallId\":\"c\",\"toolName\":\"read\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],"
        + "\"isError\":false}}";
  }

  private static String textBlock(String text) {
    return "[{\"type\":\"text\",\"text\":\"" + text + "\"}]";
  }

  /** The heartbeat flags of the messages of {@code lines}, parsed as one stream, the same all three ways. */
  private static List<Boolean> flags(String... lines) {
    ParseWays ways = new ParseWays(List.of(lines));
    List<Boolean> slow = new ArrayList<>();
    List<Boolean> fast = new ArrayList<>();
    List<Boolean> fromText = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      boolean skips = lines[i].startsWith("{\"type\":\"message\",\"id\"");
      add(slow, ways.normal.get(i), false);
      add(fast, ways.fromBytes.get(i), skips);
      add(fromText, ways.fromText.get(i), skips);
    }
    assertEquals(slow, fast, "bytes");
    assertEquals(slow, fromText, "text");
    return slow;
  }

  private static void add(List<Boolean> out, TranscriptEvent e, boolean skipsContent) {
    if (java.util.Objects.requireNonNull(e) instanceof TranscriptEvent.Message m) {
      if (skipsContent) {
        assertTrue(m.content().isEmpty(), "no content on the fast path");
      }
      out.add(m.heartbeat());
    }
  }

  @Test
  void realHeartbeatSessionShape() {
    // the real healthcore transcript (2026.6): poll, runtime context (not a message), HEARTBEAT_OK, again
    String context = "{\"type\":\"custom_message\",\"customType\":\"openclaw.runtime-context\",\"content\":\"Read "
        + "HEARTBEAT.md if it exists\",\"display\":false,\"id\":\"cb36be99\",\"parentId\":\"66921b45\"}";
    assertEquals(List.of(true, true, true, true),
        flags(user("66921b45", textBlock(POLL)), context, assistant("0a9c6962"), user("232e31b2", textBlock(POLL)),
            assistant("77b72109")));
  }

  @Test
  void aTurnEndsAtTheNextUserMessage() {
    String toolResult = "{\"type\":\"message\",\"id\":\"t1\",\"parentId\":\"a1\",\"message\":{\"role\":\"toolResult\","
        + "\"toolCallId\":\"c\",\"toolName\":\"read\",\"content\":[{\"type\":\"text\",\"text\":\"" + POLL + "\"}],"
        + "\"isError\":false}}";
    assertEquals(List.of(false, false, true, true, true, true, false, false),
        flags(user("u0", "\"hello\""), assistant("a0"), user("u1", "\"" + POLL + "\""), assistant("a1"), toolResult,
            assistant("a2"), user("u2", textBlock("thanks")), assistant("a3")));
  }

  @Test
  void aTurnEndsWhenAnotherRunAppendsWithoutAUserMessage() {
    // a sub-agent announce run appends assistant rows with no user row before them (FORMATS §4.7): it answers the
    // sub-agent, not the poll (the 2026.9.6 lab-two transcript's announce run id)
    String announce = "announce:v1:agent:main:subagent:a209dce7-9246-4419-a043-f9eaf02dad25:815ed3b6";
    assertEquals(List.of(true, true, true, true, false, false, false, true, true, false),
        flags(user("u1", textBlock(POLL)), inRun(assistant("a1"), "r1"), inRun(toolResult("t1"), "r1"),
            inRun(assistant("a2"), "r1"), inRun(assistant("a3"), announce), inRun(toolResult("t2"), announce),
            assistant("a4"), inRun(user("u2", textBlock(POLL)), "r2"), inRun(assistant("a5"), "r2"),
            inRun(assistant("a6"), "r3")));
  }

  @Test
  void theRunOfATurnIsItsFirstMessageWithOne() {
    // the poll's own run id, when it has one, names the turn's run; messages without a run id stay in the turn
    assertEquals(List.of(true, true, true, false),
        flags(user("u1", textBlock(POLL)), assistant("a1"), inRun(assistant("a2"), "r1"), inRun(assistant("a3"), "r2")));
    assertEquals(List.of(true, false, false),
        flags(inRun(user("u1", textBlock(POLL)), "r0"), inRun(assistant("a1"), "r1"), assistant("a2")));
  }

  @Test
  void callsBeforeAnyUserMessageAreNotHeartbeats() {
    assertEquals(List.of(false), flags(assistant("a0")));
  }

  static Stream<Arguments> contents() {
    return Stream.of(
        Arguments.of("\"" + POLL + "\"", true),
        Arguments.of(textBlock(POLL), true),
        Arguments.of(" [ { \"text\" : \"" + POLL + "\" , \"type\" : \"text\" } ] ", true), // order and spaces
        Arguments.of("[{\"type\":\"text\",\"text\":\"" + POLL + "\",\"textSignature\":{\"v\":[1,\"x\"]}}]", true),
        Arguments.of("\"\\u005bOpenClaw heartbeat poll\\u005d\"", true), // escaped spelling
        Arguments.of("[{\"type\":\"t\\u0065xt\",\"text\":\"[OpenClaw\\u0020heartbeat poll]\"}]", true),
        Arguments.of("[{\"type\":\"text\",\"text\":\"x\",\"text\":\"" + POLL + "\"}]", true), // a later duplicate wins
        Arguments.of("[{\"type\":\"text\",\"text\":\"" + POLL + "\",\"text\":\"x\"}]", false),
        Arguments.of("[{\"type\":\"text\",\"text\":\"" + POLL + "\",\"type\":[\"text\"]}]", false),
        Arguments.of("[{\"type\":\"text\",\"text\":[\"" + POLL + "\"]}]", false),
        Arguments.of("\"" + POLL + " \"", false),
        Arguments.of("\"" + POLL + "\\n\"", false),
        Arguments.of("\"[OpenClaw heartbeat poll] do this too\"", false),
        Arguments.of("\"[openclaw heartbeat poll]\"", false),
        Arguments.of("[{\"type\":\"text\",\"text\":\"" + POLL + "\"},{\"type\":\"text\",\"text\":\"x\"}]", false),
        Arguments.of("[{\"type\":\"text\",\"text\":\"" + POLL + "\"},{\"type\":\"image\",\"data\":\"AAAA\"}]", false),
        Arguments.of("[{\"type\":\"image\",\"text\":\"" + POLL + "\"}]", false),
        Arguments.of("[{\"text\":\"" + POLL + "\"}]", false),
        Arguments.of("[\"" + POLL + "\"]", false),
        Arguments.of("[]", false),
        Arguments.of("{\"text\":\"" + POLL + "\"}", false),
        Arguments.of("null", false),
        Arguments.of("[[" + textBlock(POLL) + "]]", false),
        Arguments.of("\"" + POLL + "\",\"content\":\"x\"", false), // a later duplicate content wins
        Arguments.of("\"x\",\"content\":\"" + POLL + "\"", true));
  }

  @ParameterizedTest
  @MethodSource("contents")
  void userContent(String content, boolean poll) {
    assertEquals(List.of(poll, poll), flags(user("u1", content), assistant("a1")));
  }

  @Test
  void onlyUserMessagesStartATurn() {
    String assistantPoll = assistant("a0").replace("HEARTBEAT_OK", POLL);
    String rolesLast = "{\"type\":\"message\",\"id\":\"u1\",\"message\":{\"content\":\"" + POLL + "\",\"role\":\"x\","
        + "\"role\":\"user\"}}";
    assertEquals(List.of(false, true, true), flags(assistantPoll, rolesLast, assistant("a1")));
  }

  @Test
  void bareAndClaudeStyleLines() {
    String bare = "{\"role\":\"user\",\"content\":\"" + POLL + "\"}";
    String claude = "{\"type\":\"user\",\"uuid\":\"u2\",\"message\":{\"content\":" + textBlock(POLL) + "}}";
    assertEquals(List.of(true, true, false, true, true),
        flags(bare, assistant("a1"), user("u1", "\"hi\""), claude, assistant("a2")));
  }

  @Test
  void theTurnSurvivesARestoredState() {
    StreamState s = new StreamState("s");
    EventParser p = new EventParser(new Warnings());
    EventOrigin o = new EventOrigin(SourceKind.SQLITE_TRANSCRIPT, "db", 1);
    p.parseWithoutContent(new RawRecord(user("u1", textBlock(POLL)), o, "s"), s);
    p.parseWithoutContent(new RawRecord(inRun(assistant("a1"), "r1"), o, "s"), s);
    StreamState restored = StreamState.restore(s.fallbackSessionId(), s.headerSessionId(), s.parentSession(),
        s.version(), s.contentSeen(), s.heartbeatTurn(), s.heartbeatRun());
    assertEquals("r1", restored.heartbeatRun());
    TranscriptEvent.Message m = (TranscriptEvent.Message)
        p.parseWithoutContent(new RawRecord(inRun(assistant("a2"), "r1"), o, "s"), restored).orElseThrow();
    assertTrue(m.heartbeat());
    m = (TranscriptEvent.Message)
        p.parseWithoutContent(new RawRecord(inRun(assistant("a3"), "r2"), o, "s"), restored).orElseThrow();
    assertFalse(m.heartbeat());
  }
}
