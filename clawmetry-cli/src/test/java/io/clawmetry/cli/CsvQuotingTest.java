package io.clawmetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code usage --csv} quotes what RFC 4180 says must be quoted, {@code --output} writes the same bytes, and the 1-hour
 * part of the cache writes has its own column.
 */
class CsvQuotingTest {

  @TempDir Path tmp;

  @Test
  void valuesWithCommasQuotesAndNewlinesAreQuoted() throws Exception {
    Path sessions = Files.createDirectories(tmp.resolve("home/agents/main/sessions"));
    Files.writeString(
        sessions.resolve("s1.jsonl"),
        "{\"type\":\"session\",\"version\":3,\"id\":\"s1\",\"timestamp\":\"2026-11-20T10:00:00.000Z\",\"cwd\":\"/w\"}\n"
            + "{\"type\":\"message\",\"id\":\"a1\",\"parentId\":null,\"timestamp\":\"2026-11-20T10:00:01.000Z\","
            + "\"message\":{\"role\":\"assistant\",\"content\":[],\"provider\":\"acme, inc\",\"model\":\"m\\\"1\\nx\","
            + "\"usage\":{\"input\":10,\"output\":5,\"cacheRead\":0,\"cacheWrite\":0,\"totalTokens\":15,"
            + "\"cost\":{\"total\":0.25}},\"stopReason\":\"stop\",\"timestamp\":1795687201000}}\n",
        StandardCharsets.UTF_8);
    Path home = tmp.resolve("home");
    CliRun r = CliRun.run(tmp, "usage", "model", "-z", "UTC", "--csv", "--home", home.toString());
    assertEquals(Main.OK, r.exitCode, r.err);
    String expected =
        "bucket,agentId,provider,model,inputTokens,outputTokens,cacheReadTokens,cacheWriteTokens,totalTokens,cost,"
            + "costSource,calls,unpricedCalls,errors,cacheWrite1hTokens\r\n"
            + "\"acme, inc/m\"\"1\nx\",,\"acme, inc\",\"m\"\"1\nx\",10,5,0,0,15,0.25,recorded,1,0,0,0\r\n";
    assertEquals(expected, r.out);

    Path file = tmp.resolve("out.csv");
    CliRun w =
        CliRun.run(tmp, "usage", "model", "-z", "UTC", "--csv", "-o", file.toString(), "--home", home.toString());
    assertEquals(Main.OK, w.exitCode, w.err);
    assertEquals("", w.out);
    assertEquals(expected, Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void oneHourCacheWritesHaveTheirOwnColumnAndJsonField() throws Exception {
    Path sessions = Files.createDirectories(tmp.resolve("home/agents/main/sessions"));
    String head =
        "{\"type\":\"session\",\"version\":3,\"id\":\"s1\",\"timestamp\":\"2026-11-20T10:00:00.000Z\","
            + "\"cwd\":\"/w\"}\n";
    // OpenClaw's camelCase counters with cacheWrite1h, then Anthropic's snake_case usage with cache_creation split
    String openclaw =
        "{\"type\":\"message\",\"id\":\"a1\",\"parentId\":null,\"timestamp\":\"2026-11-20T10:00:01.000Z\","
            + "\"message\":{\"role\":\"assistant\",\"content\":[],\"provider\":\"anthropic\","
            + "\"model\":\"claude-sonnet-4-5\",\"usage\":{\"input\":10,\"output\":5,\"cacheRead\":100,"
            + "\"cacheWrite\":1000,\"cacheWrite1h\":400,\"totalTokens\":1115,\"cost\":{\"total\":0.5}},"
            + "\"stopReason\":\"stop\"}}\n";
    String anthropic =
        "{\"type\":\"message\",\"id\":\"a2\",\"parentId\":\"a1\",\"timestamp\":\"2026-11-20T10:00:02.000Z\","
            + "\"message\":{\"role\":\"assistant\",\"content\":[],\"provider\":\"anthropic\","
            + "\"model\":\"claude-sonnet-4-5\",\"usage\":{\"input_tokens\":20,\"output_tokens\":7,"
            + "\"cache_read_input_tokens\":0,\"cache_creation\":{\"ephemeral_5m_input_tokens\":30,"
            + "\"ephemeral_1h_input_tokens\":70},\"cost\":{\"total\":0.25}},\"stopReason\":\"stop\"}}\n";
    Files.writeString(sessions.resolve("s1.jsonl"), head + openclaw + anthropic, StandardCharsets.UTF_8);
    Path home = tmp.resolve("home");

    CliRun csv = CliRun.run(tmp, "usage", "daily", "-z", "UTC", "--csv", "--home", home.toString());
    assertEquals(Main.OK, csv.exitCode, csv.err);
    assertEquals(
        "date,agentId,provider,model,inputTokens,outputTokens,cacheReadTokens,cacheWriteTokens,totalTokens,cost,"
            + "costSource,calls,unpricedCalls,errors,cacheWrite1hTokens\r\n"
            + "2026-11-20,,anthropic,claude-sonnet-4-5,30,12,100,1100,1242,0.75,recorded,2,0,0,470\r\n",
        csv.out);

    CliRun json = CliRun.run(tmp, "usage", "daily", "-z", "UTC", "--json", "--home", home.toString());
    assertEquals(Main.OK, json.exitCode, json.err);
    com.fasterxml.jackson.databind.JsonNode day =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out).path("daily").path(0);
    assertEquals(1100, day.path("cacheCreationTokens").asLong());
    assertEquals(470, day.path("cacheCreation1hTokens").asLong());
    assertEquals(470, day.path("modelBreakdowns").path(0).path("cacheCreation1hTokens").asLong());
  }
}
