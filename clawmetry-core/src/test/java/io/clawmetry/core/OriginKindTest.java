package io.clawmetry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.UsagePeriod;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageRow;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.testing.TestHomes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The origin kind of each model call (FORMATS §4.3, §5, §7): a call answering an {@code [OpenClaw heartbeat poll]}
 * is {@code heartbeat} even in the main session, whose other calls stay {@code user}; an isolated cron run's
 * transcript that {@code sessions.json} does not know takes its session key from the cron run log and is {@code cron}.
 */
class OriginKindTest {

  private static final String MAIN_ID = "11111111-1111-4111-8111-111111111111";
  private static final String RUN_ID = "22222222-2222-4222-8222-222222222222";
  private static final String JOB = "33333333-3333-4333-8333-333333333333";
  private static final String OTHER_ID = "44444444-4444-4444-8444-444444444444";
  private static final String RUN_KEY = "agent:main:cron:" + JOB + ":run:" + RUN_ID;

  @TempDir Path tmp;

  private ClawMetry open(Path home) {
    return ClawMetryBuilder.create()
        .environment(Environment.of(Map.of(), tmp.resolve("u")))
        .stateDir(home)
        .build();
  }

  private static String header(String id) {
    return "{\"type\":\"session\",\"version\":3,\"id\":\"" + id + "\",\"timestamp\":\"2026-03-03T04:00:00.000Z\","
        + "\"cwd\":\"/w\"}\n";
  }

  private static String user(String id, String parent, String text, String at) {
    return "{\"type\":\"message\",\"id\":\"" + id + "\",\"parentId\":" + (parent == null ? "null" : "\"" + parent + "\"")
        + ",\"timestamp\":\"" + at + "\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\""
        + text + "\"}],\"timestamp\":1772510400000}}\n";
  }

  private static String assistant(String id, String parent, String text, long in, long out, long cr, String at) {
    return "{\"type\":\"message\",\"id\":\"" + id + "\",\"parentId\":\"" + parent + "\",\"timestamp\":\"" + at
        + "\",\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"" + text + "\"}],"
        + "\"api\":\"openai-completions\",\"provider\":\"zai\",\"model\":\"glm-5\",\"usage\":{\"input\":" + in
        + ",\"output\":" + out + ",\"cacheRead\":" + cr + ",\"cacheWrite\":0,\"totalTokens\":" + (in + out + cr)
        + ",\"cost\":{\"input\":0,\"output\":0,\"cacheRead\":0,\"cacheWrite\":0,\"total\":0}},"
        + "\"stopReason\":\"stop\",\"timestamp\":1772510401000}}\n";
  }

  private static String toolResult(String id, String parent, String at) {
    return "{\"type\":\"message\",\"id\":\"" + id + "\",\"parentId\":\"" + parent + "\",\"timestamp\":\"" + at
        + "\",\"message\":{\"role\":\"toolResult\",\"toolCallId\":\"c1\",\"toolName\":\"read\",\"content\":"
        + "[{\"type\":\"text\",\"text\":\"# HEARTBEAT.md\"}],\"isError\":false,\"timestamp\":1772510402000}}\n";
  }

  /**
   * Agent main: the main session (a user turn of 100+10+1000 tokens, then a heartbeat turn that reads a file: two
   * calls of 7+1+50 and 5+2+60 tokens, then a user turn of 3+4+0 tokens) and one isolated cron run (20+30+400 tokens)
   * that only the run log names.
   */
  private static Path home(Path dir) throws IOException {
    Path sessions = Files.createDirectories(dir.resolve("agents/main/sessions"));
    Files.writeString(sessions.resolve("sessions.json"),
        "{\"agent:main:main\":{\"sessionId\":\"" + MAIN_ID + "\",\"updatedAt\":1772510500000,\"chatType\":\"direct\","
            + "\"lastChannel\":\"webchat\"}}");
    Files.writeString(sessions.resolve(MAIN_ID + ".jsonl"),
        header(MAIN_ID)
            + user("u1", null, "What is on today?", "2026-03-03T04:00:01.000Z")
            + assistant("a1", "u1", "Nothing.", 100, 10, 1000, "2026-03-03T04:00:02.000Z")
            + user("u2", "a1", "[OpenClaw heartbeat poll]", "2026-03-03T04:30:00.000Z")
            + assistant("a2", "u2", "Reading HEARTBEAT.md", 7, 1, 50, "2026-03-03T04:30:01.000Z")
            + toolResult("t1", "a2", "2026-03-03T04:30:02.000Z")
            + assistant("a3", "t1", "HEARTBEAT_OK", 5, 2, 60, "2026-03-03T04:30:03.000Z")
            + user("u3", "a3", "[OpenClaw heartbeat poll] and also: thanks", "2026-03-03T05:00:00.000Z")
            + assistant("a4", "u3", "You are welcome.", 3, 4, 0, "2026-03-03T05:00:01.000Z"));
    Files.writeString(sessions.resolve(RUN_ID + ".jsonl"),
        header(RUN_ID)
            + user("r1", null, "[cron:" + JOB + " Health Check] Check the services.", "2026-03-03T04:40:00.000Z")
            + assistant("r2", "r1", "All OK.", 20, 30, 400, "2026-03-03T04:40:05.000Z"));
    Path runs = Files.createDirectories(dir.resolve("cron/runs"));
    Files.writeString(runs.resolve(JOB + ".jsonl"),
        "{\"ts\":1772512776509,\"jobId\":\"" + JOB + "\",\"action\":\"finished\",\"status\":\"ok\",\"sessionId\":\""
            + RUN_ID + "\",\"sessionKey\":\"" + RUN_KEY + "\",\"runAtMs\":1772512765994,\"model\":\"glm-5\","
            + "\"provider\":\"zai\",\"usage\":{\"input_tokens\":20,\"output_tokens\":30,\"total_tokens\":450}}\n"
            // a job's key that is not this run's own (no ":run:<sessionId>"; several ids share it) does not name the
            // transcript (it keeps session:<id>), but it was a run of the job: a cron session
            + "{\"ts\":1772512776600,\"jobId\":\"" + JOB + "\",\"action\":\"finished\",\"sessionId\":\"" + OTHER_ID
            + "\",\"sessionKey\":\"agent:main:cron:" + JOB + "\"}\n");
    Files.writeString(sessions.resolve(OTHER_ID + ".jsonl"),
        header(OTHER_ID)
            + user("o1", null, "Hello", "2026-03-03T04:50:00.000Z")
            + assistant("o2", "o1", "Hi.", 1, 1, 0, "2026-03-03T04:50:05.000Z"));
    return dir;
  }

  private static Map<String, List<Long>> rows(ClawMetry cm, UsagePeriod period) {
    Map<String, List<Long>> out = new LinkedHashMap<>();
    for (UsageRow r : cm.usage(UsageQuery.daily(ZoneId.of("UTC")).withPeriod(period)).rows()) {
      out.put(r.key(), List.of(r.tokens().input(), r.tokens().output(), r.tokens().cacheRead(), r.tokens().total(),
          r.calls()));
    }
    return out;
  }

  @Test
  void heartbeatTurnsAndRunLogCronRunsHaveTheirOwnOrigin() throws IOException {
    try (ClawMetry cm = open(home(tmp.resolve("home")))) {
      assertEquals(
          Map.of(
              "user", List.of(103L, 14L, 1000L, 1117L, 2L),
              "heartbeat", List.of(12L, 3L, 110L, 125L, 2L),
              "cron", List.of(21L, 31L, 400L, 452L, 2L)),
          rows(cm, UsagePeriod.ORIGIN));
      assertEquals(
          Map.of(
              "agent:main:main", List.of(115L, 17L, 1110L, 1242L, 4L),
              RUN_KEY, List.of(20L, 30L, 400L, 450L, 1L),
              "session:" + OTHER_ID, List.of(1L, 1L, 0L, 2L, 1L)),
          rows(cm, UsagePeriod.SESSION));
      assertEquals("cron_run".toUpperCase(), cm.sessions().items().stream()
          .filter(s -> s.sessionId().equals(RUN_ID)).findFirst().orElseThrow().kind().name());
      assertEquals("CRON", cm.sessions().items().stream()
          .filter(s -> s.sessionId().equals(OTHER_ID)).findFirst().orElseThrow().kind().name());
    }
  }

  /**
   * The run log's line pruned (OpenClaw caps run logs): the run's transcript is still cron, under the same key, by its
   * first prompt ({@code [cron:<jobId> <name>]}).
   */
  @Test
  void aCronRunWhoseRunLogLineIsGoneIsCronByItsPrompt() throws IOException {
    Path home = home(tmp.resolve("home"));
    Files.delete(home.resolve("cron/runs/" + JOB + ".jsonl"));
    try (ClawMetry cm = open(home)) {
      assertEquals(List.of(20L, 30L, 400L, 450L, 1L), rows(cm, UsagePeriod.ORIGIN).get("cron"));
      assertEquals(List.of(20L, 30L, 400L, 450L, 1L), rows(cm, UsagePeriod.SESSION).get(RUN_KEY));
      assertEquals("CRON_RUN", cm.sessions().items().stream()
          .filter(s -> s.sessionId().equals(RUN_ID)).findFirst().orElseThrow().kind().name());
    }
  }

  /**
   * A refresh that reads only appended lines names the calls as a cold read does: an isolated run whose first prompt
   * (no run log line names it) arrives after the first refresh, in a file new since then or appended to, is cron in
   * {@code usage origin} and {@code usage session}, as {@code sessions} says.
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aCronPromptReadByARefreshOfAppendedLinesNamesTheRunAsAColdReadDoes(boolean newFile) throws IOException {
    Path home = home(tmp.resolve("home"));
    Files.delete(home.resolve("cron/runs/" + JOB + ".jsonl"));
    Path run = home.resolve("agents/main/sessions/" + RUN_ID + ".jsonl");
    String text = Files.readString(run);
    String head = header(RUN_ID);
    if (newFile) {
      Files.delete(run);
    } else {
      Files.writeString(run, head);
    }
    try (ClawMetry cm = open(home)) {
      assertEquals(null, rows(cm, UsagePeriod.ORIGIN).get("cron"));
      if (newFile) {
        Files.writeString(run, text);
      } else {
        Files.writeString(run, text.substring(head.length()), java.nio.file.StandardOpenOption.APPEND);
      }
      cm.refresh();
      assertEquals("CRON_RUN", cm.sessions().items().stream()
          .filter(s -> s.sessionId().equals(RUN_ID)).findFirst().orElseThrow().kind().name());
      assertEquals(List.of(20L, 30L, 400L, 450L, 1L), rows(cm, UsagePeriod.ORIGIN).get("cron"));
      assertEquals(List.of(20L, 30L, 400L, 450L, 1L), rows(cm, UsagePeriod.SESSION).get(RUN_KEY));
      try (ClawMetry cold = open(home)) {
        assertEquals(rows(cold, UsagePeriod.ORIGIN), rows(cm, UsagePeriod.ORIGIN));
        assertEquals(rows(cold, UsagePeriod.SESSION), rows(cm, UsagePeriod.SESSION));
      }
    }
  }

  /** The real JSONL home: the glm-5 run of job 44819451 is cron, the healthcore heartbeat session is heartbeat. */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void realJsonlHome(boolean withRunLogs) throws IOException {
    Path home = TestHomes.realJsonlHome(tmp);
    if (!withRunLogs) { // the same by the run's first prompt
      try (java.util.stream.Stream<Path> logs = Files.list(home.resolve("cron/runs"))) {
        for (Path log : logs.toList()) {
          Files.delete(log);
        }
      }
    }
    try (ClawMetry cm = open(home)) {
      Map<String, List<Long>> origin = rows(cm, UsagePeriod.ORIGIN);
      // before: other 3902 / 416 / 37856 / 42180 tokens in 8 calls, user 0 tokens in 7 calls
      assertEquals(
          Map.of(
              "cron", List.of(3886L, 208L, 26048L, 30142L, 2L),
              "heartbeat", List.of(0L, 0L, 0L, 0L, 7L),
              "other", List.of(16L, 208L, 11808L, 12038L, 6L)),
          origin);
      assertEquals(List.of(3886L, 208L, 26048L, 30142L, 2L),
          rows(cm, UsagePeriod.SESSION).get(
              "agent:main:cron:44819451-6288-4ad9-a73c-3292e2c40c7f:run:e4008982-26e2-4ad1-bba9-0c9a9c3e25d9"));
    }
  }
}
