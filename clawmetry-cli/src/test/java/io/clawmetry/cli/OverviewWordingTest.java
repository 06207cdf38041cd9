package io.clawmetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.core.discovery.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overview says "1 call" and "1 consecutive error", not "1 calls" and "1 consecutive errors"; an unknown zone gets
 * the hint {@code usage} gives.
 */
class OverviewWordingTest {

  @TempDir Path tmp;

  @Test
  void oneCallAndOneErrorAreSingular() throws Exception {
    Path home = tmp.resolve("home");
    Path sessions = Files.createDirectories(home.resolve("agents/main/sessions"));
    Files.writeString(sessions.resolve("0a1b2c3d-0000-4000-8000-000000000001.jsonl"),
        "{\"type\":\"session\",\"version\":3,\"id\":\"0a1b2c3d-0000-4000-8000-000000000001\","
            + "\"timestamp\":\"2026-11-20T10:00:00.000Z\",\"cwd\":\"/w\"}\n"
            + "{\"type\":\"message\",\"id\":\"m1\",\"parentId\":null,\"timestamp\":\"2026-11-20T10:00:01.000Z\","
            + "\"message\":{\"role\":\"assistant\",\"content\":[],\"provider\":\"openai\",\"model\":\"gpt-5\","
            + "\"usage\":{\"input\":100,\"output\":10,\"cacheRead\":0,\"cacheWrite\":0,\"totalTokens\":110,"
            + "\"cost\":{\"total\":0.5}}}}\n");
    Files.createDirectories(home.resolve("cron"));
    Files.writeString(home.resolve("cron/jobs.json"),
        "{\"version\":1,\"jobs\":[{\"id\":\"job-1\",\"agentId\":\"main\",\"name\":\"Nightly\",\"enabled\":true,"
            + "\"schedule\":{\"kind\":\"every\",\"everyMs\":86400000},\"payload\":{\"kind\":\"agentTurn\","
            + "\"message\":\"x\"},\"state\":{\"lastStatus\":\"error\",\"lastError\":\"boom\","
            + "\"consecutiveErrors\":1}}]}\n");
    CliRun r = CliRun.run(Environment.of(Map.of(), tmp), Terminal.NONE, CliRun.fixedClock("2026-11-24T21:00:00Z"),
        "overview", "-z", "UTC", "--home", home.toString());
    assertEquals(Main.OK, r.exitCode, r.err);
    assertTrue(r.out.contains("openai/gpt-5  $0.5000  1 call\n"), r.out);
    assertTrue(r.out.contains("Nightly (job-1): error, 1 consecutive error: boom\n"), r.out);
  }

  @Test
  void anUnknownZoneGetsTheSameHintAsInUsage() {
    for (String command : new String[] {"overview", "usage"}) {
      CliRun r = CliRun.run(tmp, command, "-z", "Mars/Olympus", "--home", CliRun.exampleHome().toString());
      assertEquals(Main.USAGE, r.exitCode, r.err);
      assertTrue(r.err.contains("unknown time zone 'Mars/Olympus' (use an IANA name like Europe/Paris)"), r.err);
    }
  }
}
