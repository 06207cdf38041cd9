package io.clawmetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code --csv} the warnings (malformed lines, a model with no price) go to stderr, one per line, never into the
 * CSV; with {@code --json} they are in the JSON and stderr stays empty; the table lists them under "Warnings".
 */
class MachineFormatWarningsTest {

  @TempDir Path tmp;
  Path home;
  Path transcript;

  @BeforeEach
  void homeWithAMalformedLineAndAnUnpricedModel() throws Exception {
    Path sessions = Files.createDirectories(tmp.resolve("home/agents/main/sessions"));
    transcript = sessions.resolve("s1.jsonl");
    Files.writeString(
        transcript,
        "{\"type\":\"session\",\"version\":3,\"id\":\"s1\",\"timestamp\":\"2026-11-20T10:00:00.000Z\",\"cwd\":\"/w\"}\n"
            + "this is not json\n"
            + "{\"type\":\"message\",\"id\":\"a1\",\"parentId\":null,\"timestamp\":\"2026-11-20T10:00:01.000Z\","
            + "\"message\":{\"role\":\"assistant\",\"content\":[],\"provider\":\"acme\",\"model\":\"zzz-unknown\","
            + "\"usage\":{\"input\":10,\"output\":5,\"cacheRead\":0,\"cacheWrite\":0,\"totalTokens\":15},"
            + "\"stopReason\":\"stop\"}}\n",
        StandardCharsets.UTF_8);
    home = tmp.resolve("home");
  }

  private String malformed() {
    return "clawmetry: warning: MALFORMED_LINE " + transcript
        + " (1 time, first at line 2): entries that are not JSON objects were skipped";
  }

  private void assertWarningsOnStderr(CliRun r) {
    List<String> lines = r.err.lines().toList();
    assertEquals(2, lines.size(), r.err);
    assertEquals(malformed(), lines.get(0));
    assertTrue(lines.get(1).startsWith("clawmetry: warning: MISSING pricing acme/zzz-unknown: no price known for "
        + "acme/zzz-unknown"), lines.get(1));
  }

  @Test
  void csvPrintsEveryWarningOnStderrAndOnlyCsvOnStdout() {
    CliRun r = CliRun.run(tmp, "usage", "-z", "UTC", "--csv", "--home", home.toString());
    assertEquals(Main.OK, r.exitCode, r.err);
    assertWarningsOnStderr(r);
    List<String> csv = r.out.lines().toList();
    assertEquals(2, csv.size(), r.out);
    assertTrue(csv.get(0).startsWith("date,agentId,provider,model,"), csv.get(0));
    assertTrue(csv.get(1).startsWith("2026-11-20,,acme,zzz-unknown,10,5,0,0,15,0,unknown,1,1,"), csv.get(1));
  }

  @Test
  void csvToAFileStillWarnsOnStderr() throws Exception {
    Path file = tmp.resolve("u.csv");
    CliRun r = CliRun.run(tmp, "usage", "model", "-z", "UTC", "--csv", "-o", file.toString(), "--home",
        home.toString());
    assertEquals(Main.OK, r.exitCode, r.err);
    assertEquals("", r.out);
    assertWarningsOnStderr(r);
    assertFalse(Files.readString(file).contains("warning"), "the CSV holds no warning");
  }

  @Test
  void jsonHasTheWarningsAndStderrStaysEmpty() throws Exception {
    CliRun r = CliRun.run(tmp, "usage", "-z", "UTC", "--json", "--home", home.toString());
    assertEquals(Main.OK, r.exitCode, r.err);
    assertEquals("", r.err);
    JsonNode w = Json.STRICT.readTree(r.out).path("warnings");
    assertEquals(2, w.size(), r.out);
    assertEquals("MALFORMED_LINE", w.get(0).path("kind").asText());
    assertEquals("MISSING", w.get(1).path("kind").asText());
  }

  @Test
  void theTableListsThemUnderWarnings() {
    CliRun r = CliRun.run(tmp, "usage", "-z", "UTC", "--home", home.toString());
    assertEquals(Main.OK, r.exitCode, r.err);
    assertEquals("", r.err);
    assertTrue(r.out.contains("\nWarnings (2)\n  - " + malformed().substring("clawmetry: warning: ".length())
        + "\n  - MISSING pricing acme/zzz-unknown: no price known for acme/zzz-unknown"), r.out);
  }
}
