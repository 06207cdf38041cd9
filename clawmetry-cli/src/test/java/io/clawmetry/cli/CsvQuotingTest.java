package io.clawmetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code usage --csv} quotes what RFC 4180 says must be quoted, and {@code --output} writes the same bytes. */
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
            + "costSource,calls,unpricedCalls,errors\r\n"
            + "\"acme, inc/m\"\"1\nx\",,\"acme, inc\",\"m\"\"1\nx\",10,5,0,0,15,0.25,recorded,1,0,0\r\n";
    assertEquals(expected, r.out);

    Path file = tmp.resolve("out.csv");
    CliRun w =
        CliRun.run(tmp, "usage", "model", "-z", "UTC", "--csv", "-o", file.toString(), "--home", home.toString());
    assertEquals(Main.OK, w.exitCode, w.err);
    assertEquals("", w.out);
    assertEquals(expected, Files.readString(file, StandardCharsets.UTF_8));
  }
}
