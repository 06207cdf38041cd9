package io.clawmetry.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.api.UsagePeriod;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageReport;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.ClawMetryBuilder;
import io.clawmetry.core.discovery.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A timestamp that parses as an instant but lies beyond what epoch milliseconds hold (year ±1,000,000,000, the ends of
 * {@link Instant}) is an unreadable time like any other: the line takes {@code message.timestamp}, else none, and the
 * lines after it are read. Before, the dedup key's {@code toEpochMilli} overflowed and the rest of the file was dropped
 * with an UNREADABLE warning.
 */
class OutOfRangeTimestampsTest {

  @TempDir Path tmp;

  private static String assistant(String id, String entryTime, String messageTime, long in) {
    return "{\"type\":\"message\",\"id\":\"" + id + "\",\"parentId\":null"
        + (entryTime == null ? "" : ",\"timestamp\":\"" + entryTime + "\"")
        + ",\"message\":{\"role\":\"assistant\",\"content\":[],\"provider\":\"anthropic\","
        + "\"model\":\"claude-sonnet-4-5\",\"usage\":{\"input\":" + in + ",\"output\":0,\"cacheRead\":0,"
        + "\"cacheWrite\":0,\"totalTokens\":" + in + ",\"cost\":{\"total\":0.001}},\"stopReason\":\"stop\""
        + (messageTime == null ? "" : ",\"timestamp\":\"" + messageTime + "\"") + "}}";
  }

  private static final List<String> LINES = List.of(
      "{\"type\":\"session\",\"version\":3,\"id\":\"s\",\"timestamp\":\"2026-03-08T00:00:00Z\",\"cwd\":\"/w\"}",
      assistant("a1", "2026-03-08T12:00:00Z", null, 1),
      assistant("a2", "+1000000000-12-31T23:59:59Z", "2026-03-08T13:00:00Z", 2),
      assistant("a3", "2026-03-08T14:00:00Z", null, 4),
      assistant("a4", "-1000000000-01-01T00:00:00Z", null, 8),
      assistant("a5", "2026-03-08T15:00:00Z", null, 16));

  @Test
  void anInstantBeyondEpochMillisIsUnreadableEveryWay() {
    ParseWays ways = new ParseWays(LINES);
    for (List<TranscriptEvent> events : List.of(ways.normal, ways.fromBytes, ways.fromText)) {
      assertEquals(Instant.parse("2026-03-08T13:00:00Z"), events.get(2).meta().timestamp(), "message.timestamp");
      assertNull(events.get(4).meta().timestamp());
      assertEquals(Instant.parse("2026-03-08T15:00:00Z"), events.get(5).meta().timestamp());
    }
  }

  @Test
  void theLinesAfterItAreCounted() throws Exception {
    Path home = tmp.resolve("home");
    Path sessions = Files.createDirectories(home.resolve("agents/main/sessions"));
    Files.writeString(sessions.resolve("s.jsonl"), String.join("\n", LINES) + "\n");
    try (ClawMetry cm =
        ClawMetryBuilder.create().environment(Environment.of(Map.of(), tmp.resolve("u"))).stateDir(home).build()) {
      UsageReport daily = cm.usage(UsageQuery.daily(ZoneId.of("UTC")));
      assertEquals(1, daily.rows().size());
      assertEquals("2026-03-08", daily.rows().get(0).key());
      assertEquals(1 + 2 + 4 + 16, daily.totals().tokens().input(), "a4 has no readable time: left out of days");
      assertTrue(daily.warnings().stream().noneMatch(w -> w.kind() == WarningKind.UNREADABLE), daily.warnings()
          .toString());
      UsageReport sessionsReport = cm.usage(UsageQuery.daily(ZoneId.of("UTC")).withPeriod(UsagePeriod.SESSION));
      assertEquals(1 + 2 + 4 + 8 + 16, sessionsReport.totals().tokens().input());
    }
  }
}
