package io.clawmetry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.CallCost;
import io.clawmetry.api.ContentBlock;
import io.clawmetry.api.CostSource;
import io.clawmetry.api.EventMeta;
import io.clawmetry.api.EventOrigin;
import io.clawmetry.api.MessageRole;
import io.clawmetry.api.RecordedCost;
import io.clawmetry.api.Report;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.api.Usage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Turns, latency and branches of the timeline on a hand-built transcript. */
class TimelineViewTest {

  static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  static EventMeta meta(String id, String parent, int sec) {
    return new EventMeta("s1", id, parent, T0.plusSeconds(sec), new EventOrigin(SourceKind.values()[0], "f", sec), id);
  }

  static TranscriptEvent user(String id, String parent, int sec, String text) {
    return new TranscriptEvent.Message(meta(id, parent, sec), MessageRole.USER, List.of(new ContentBlock.Text(text)),
        null, null, null, null, null, null, null, null, false, null);
  }

  static TranscriptEvent assistant(String id, String parent, int sec, long out, String cost, ContentBlock... blocks) {
    Usage u = new Usage(100, out, 0, 0, 100 + out, 0,
        cost == null ? null : new RecordedCost(null, null, null, null, new BigDecimal(cost)));
    return new TranscriptEvent.Message(meta(id, parent, sec), MessageRole.ASSISTANT, List.of(blocks), "anthropic",
        "claude", "x", u, "stop", null, null, null, false, null);
  }

  static TranscriptEvent toolResult(String id, String parent, int sec, String callId) {
    return new TranscriptEvent.Message(meta(id, parent, sec), MessageRole.TOOL_RESULT,
        List.of(new ContentBlock.Text("ok")), null, null, null, null, null, null, callId, "exec", false, null);
  }

  /** A stand-in for the facade's cost: the recorded cost, else an estimate of 0.005 (tests the sums, not prices). */
  static Optional<CallCost> cost(TranscriptEvent e) {
    if (!(e instanceof TranscriptEvent.Message m) || m.role() != MessageRole.ASSISTANT) {
      return Optional.empty();
    }
    RecordedCost r = m.usage().recordedCost();
    return Optional.of(r != null
        ? new CallCost(r.total(), CostSource.RECORDED)
        : new CallCost(new BigDecimal("0.005"), CostSource.ESTIMATED));
  }

  @Test
  void turnsLatencyAndBranches() {
    List<TranscriptEvent> events = new ArrayList<>();
    events.add(new TranscriptEvent.SessionHeader(meta("s1", null, 0), 3, "/", null));
    events.add(user("u1", null, 1, "hi"));
    events.add(assistant("a1", "u1", 4, 10, "0.01", new ContentBlock.Thinking("hmm", false),
        new ContentBlock.ToolCall("c1", "exec", "{\"cmd\":\"ls\"}")));
    events.add(toolResult("r1", "a1", 6, "c1"));
    events.add(assistant("a2", "r1", 9, 20, "0.02", new ContentBlock.Text("done")));
    // first try of the second question, abandoned
    events.add(user("u2", "a2", 20, "again?"));
    events.add(assistant("a3", "u2", 25, 30, null, new ContentBlock.Text("old answer")));
    // edited question from a2: the active branch
    events.add(user("u3", "a2", 40, "again, edited"));
    events.add(assistant("a4", "u3", 42, 40, "0.04", new ContentBlock.Text("new answer")));

    ObjectNode tl = TimelineView.build("k", new Report<>(events, List.of(), List.of()), TimelineViewTest::cost);
    JsonNode turns = tl.get("turns");
    assertEquals(3, turns.size());
    JsonNode t1 = turns.get(0);
    assertTrue(t1.get("active").asBoolean());
    assertEquals(2, t1.get("calls").asInt());
    assertEquals(1, t1.get("toolCalls").asInt());
    assertEquals(0, new BigDecimal("0.03").compareTo(t1.get("recordedCost").decimalValue()));
    assertEquals("0.03", t1.get("cost").decimalValue().toPlainString());
    assertEquals("recorded", t1.get("costSource").asText());
    JsonNode steps = t1.get("steps");
    assertEquals("user", steps.get(0).get("kind").asText());
    assertEquals(3000, steps.get(1).get("latencyMs").asLong(), "a1 - u1");
    assertEquals("hmm", steps.get(1).get("thinking").get(0).get("text").asText());
    assertEquals("exec", steps.get(1).get("toolCalls").get(0).get("name").asText());
    assertEquals("toolResult", steps.get(2).get("kind").asText());
    assertEquals(3000, steps.get(3).get("latencyMs").asLong(), "a2 - r1");
    assertEquals(6000, t1.get("latencyMs").asLong());
    assertEquals(8000, t1.get("durationMs").asLong());

    JsonNode abandoned = turns.get(1);
    assertFalse(abandoned.get("active").asBoolean());
    assertFalse(abandoned.get("steps").get(1).get("active").asBoolean());
    assertEquals(5000, abandoned.get("steps").get(1).get("latencyMs").asLong());
    assertEquals(1, abandoned.get("callsWithoutRecordedCost").asInt());
    assertEquals("0.005", abandoned.get("cost").decimalValue().toPlainString());
    assertEquals("estimated", abandoned.get("costSource").asText());
    assertEquals("estimated", abandoned.get("steps").get(1).get("costSource").asText());
    assertTrue(steps.get(0).get("cost") == null, "a user message has no cost");

    JsonNode current = turns.get(2);
    assertTrue(current.get("active").asBoolean());
    assertEquals(2000, current.get("steps").get(1).get("latencyMs").asLong());
    assertEquals("again, edited", current.get("steps").get(0).get("text").asText());

    assertEquals(2, tl.get("abandonedEvents").asInt());
    assertEquals(6, tl.get("activeEvents").asInt());
    assertEquals(4, tl.get("totals").get("calls").asInt());
    assertEquals(400 + 100, tl.get("totals").get("tokens").get("total").asLong());
    assertEquals("0.075", tl.get("totals").get("cost").decimalValue().toPlainString(), "0.01 + 0.02 + 0.005 + 0.04");
    assertEquals("mixed", tl.get("totals").get("costSource").asText());
    assertEquals(0, tl.get("totals").get("unpricedCalls").asInt());
    assertEquals(0, new BigDecimal("0.07").compareTo(tl.get("totals").get("recordedCost").decimalValue()));
  }

  /** As usage rows: an unpriced call next to a recorded one is mixed; a zero-token call with no cost changes nothing. */
  @Test
  void turnSourcesFollowUsageRows() {
    Usage zero = Usage.ZERO;
    List<TranscriptEvent> events = new ArrayList<>();
    events.add(user("u1", null, 1, "hi"));
    events.add(assistant("a1", "u1", 2, 10, "0.01"));
    events.add(new TranscriptEvent.Message(meta("a2", "a1", 3), MessageRole.ASSISTANT, List.of(), "anthropic",
        "claude", "x", zero, "stop", null, null, null, false, null));
    events.add(user("u2", "a2", 4, "again"));
    events.add(assistant("a3", "u2", 5, 10, "0.02"));
    events.add(assistant("a4", "a3", 6, 10, null));
    events.add(user("u3", "a4", 7, "and?"));
    events.add(new TranscriptEvent.Message(meta("a5", "u3", 8), MessageRole.ASSISTANT, List.of(), "anthropic",
        "claude", "x", zero, "stop", null, null, null, false, null));
    // display mode: no recorded cost is unknown, whatever the tokens
    ObjectNode tl = TimelineView.build("k", new Report<>(events, List.of(), List.of()), e -> {
      if (!(e instanceof TranscriptEvent.Message m) || m.role() != MessageRole.ASSISTANT) {
        return Optional.empty();
      }
      RecordedCost r = m.usage().recordedCost();
      return Optional.of(r != null
          ? new CallCost(r.total(), CostSource.RECORDED)
          : new CallCost(BigDecimal.ZERO, CostSource.UNKNOWN));
    });
    JsonNode turns = tl.get("turns");
    assertEquals("recorded", turns.get(0).get("costSource").asText());
    assertEquals(0, turns.get(0).get("unpricedCalls").asInt());
    assertEquals("mixed", turns.get(1).get("costSource").asText());
    assertEquals(1, turns.get(1).get("unpricedCalls").asInt());
    assertEquals("recorded", turns.get(2).get("costSource").asText());
    assertEquals(0, turns.get(2).get("unpricedCalls").asInt());
    assertEquals("mixed", tl.get("totals").get("costSource").asText());
    assertEquals(1, tl.get("totals").get("unpricedCalls").asInt());
  }

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp;

  @Test
  void aForksCopiedMessagesAreShownButCountedForTheParent() throws Exception {
    java.nio.file.Path parent = java.nio.file.Files.writeString(tmp.resolve("parent.jsonl"), "{}\n");
    List<TranscriptEvent> events = new ArrayList<>();
    // the fork was made at second 30; a1 (second 4) was copied from the parent, a2 (second 35) is its own
    events.add(new TranscriptEvent.SessionHeader(meta("s1", null, 30), 3, "/", parent.toString()));
    events.add(user("u1", null, 1, "hi"));
    events.add(assistant("a1", "u1", 4, 10, "0.01", new ContentBlock.Text("copied")));
    events.add(user("u2", "a1", 33, "next"));
    events.add(assistant("a2", "u2", 35, 20, "0.02", new ContentBlock.Text("own")));
    ObjectNode tl = TimelineView.build("k", new Report<>(events, List.of(), List.of()), TimelineViewTest::cost);
    JsonNode turns = tl.get("turns");
    assertTrue(turns.get(0).get("steps").get(1).get("inherited").asBoolean());
    assertEquals("0.01", turns.get(0).get("steps").get(1).get("cost").decimalValue().toPlainString(), "still shown");
    assertEquals(0, turns.get(0).get("calls").asInt());
    assertEquals(1, turns.get(0).get("inheritedMessages").asInt());
    assertTrue(turns.get(1).get("steps").get(1).get("inherited") == null);
    assertEquals(1, tl.get("totals").get("calls").asInt());
    assertEquals("0.02", tl.get("totals").get("cost").decimalValue().toPlainString());
    assertEquals(120, tl.get("totals").get("tokens").get("total").asLong());
    assertEquals(1, tl.get("totals").get("inheritedMessages").asInt());

    // without the parent's transcript, usage counts the copy for the fork: so does the timeline
    java.nio.file.Files.delete(parent);
    ObjectNode alone = TimelineView.build("k", new Report<>(events, List.of(), List.of()), TimelineViewTest::cost);
    assertEquals(2, alone.get("totals").get("calls").asInt());
    assertEquals("0.03", alone.get("totals").get("cost").decimalValue().toPlainString());
    assertEquals(0, alone.get("totals").get("inheritedMessages").asInt());
  }

  @Test
  void callsAndErrorsAreCountedAsUsageCountsThem() {
    List<TranscriptEvent> events = new ArrayList<>();
    events.add(user("u1", null, 1, "hi"));
    events.add(assistant("a1", "u1", 4, 10, "0.01", new ContentBlock.Text("answer")));
    // OpenClaw's synthetic copy of the reply for the channel: no model call, its tokens (if any) are not counted
    events.add(new TranscriptEvent.Message(meta("m1", "a1", 5), MessageRole.ASSISTANT,
        List.of(new ContentBlock.Text("answer")), "openclaw", "delivery-mirror", "x", new Usage(0, 7, 0, 0, 7, 0, null),
        "stop", null, null, null, false, null));
    events.add(user("u2", "m1", 10, "again"));
    // a failed call that still used tokens: usage counts it as a call (with its tokens), not as an error
    events.add(new TranscriptEvent.Message(meta("a2", "u2", 12), MessageRole.ASSISTANT, List.of(), "anthropic",
        "claude", "x", new Usage(50, 0, 0, 0, 50, 0, null), "error", "overloaded", null, null, false, null));
    // a failed call without usage: an error
    events.add(new TranscriptEvent.Message(meta("a3", "a2", 13), MessageRole.ASSISTANT, List.of(), "anthropic",
        "claude", "x", Usage.ZERO, "error", "overloaded", null, null, false, null));
    ObjectNode tl = TimelineView.build("k", new Report<>(events, List.of(), List.of()),
        e -> io.clawmetry.core.usage.CallClassifier.classify(e) == io.clawmetry.core.usage.CallClassifier.Kind.CALL
            ? cost(e) : Optional.empty());
    assertEquals(2, tl.get("totals").get("calls").asInt(), tl.get("totals").toString());
    assertEquals(1, tl.get("totals").get("errors").asInt(), tl.get("totals").toString());
    assertEquals(110 + 50, tl.get("totals").get("tokens").get("total").asLong());
    assertEquals(1, tl.get("turns").get(0).get("calls").asInt(), "the reply, not its mirror");
  }

  @Test
  void longTextIsCut() {
    String big = "x".repeat(TimelineView.MAX_TEXT + 5);
    ObjectNode tl = TimelineView.build(
        "k", new Report<>(List.of(user("u1", null, 1, big)), List.of(), List.of()), TimelineViewTest::cost);
    JsonNode step = tl.get("turns").get(0).get("steps").get(0);
    assertEquals(TimelineView.MAX_TEXT, step.get("text").asText().length());
    assertTrue(step.get("textTruncated").asBoolean());
  }
}
