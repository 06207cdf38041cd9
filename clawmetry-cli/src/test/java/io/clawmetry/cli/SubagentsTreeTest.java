package io.clawmetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clawmetry subagents} on a copy of the example home whose {@code agent:main:main} spawned a second sub-agent
 * (a run with no session): the tree is drawn with {@code ├}/{@code └} and a {@code │} guide below a non-last child.
 */
class SubagentsTreeTest {

  @TempDir Path tmp;

  private Path homeWithTwoChildren() throws IOException {
    Path src = CliRun.exampleHome();
    Path home = tmp.resolve("home");
    try (Stream<Path> files = Files.walk(src)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path to = home.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    Path runsFile = home.resolve("subagents/runs.json");
    ObjectMapper m = new ObjectMapper();
    ObjectNode runs = (ObjectNode) m.readTree(runsFile.toFile());
    ObjectNode ghost = ((ObjectNode) runs.get("runs")).putObject("ffff0000-0000-0000-0000-000000000001");
    ghost.put("runId", "ffff0000-0000-0000-0000-000000000001");
    ghost.put("childSessionKey", "agent:main:subagent:ghost-1111");
    ghost.put("requesterSessionKey", "agent:main:main");
    ghost.put("task", "Ghost task with no session");
    ghost.put("createdAt", 1794008500000L);
    ghost.put("startedAt", 1794008500150L); // ended − started = 10.000 s, ended − created = 10.150 s
    ghost.put("endedAt", 1794008510150L);
    ghost.putObject("outcome").put("status", "error");
    m.writerWithDefaultPrettyPrinter().writeValue(runsFile.toFile(), runs);
    return home;
  }

  @Test
  void twoChildrenAreDrawnWithBranchesAndAGuide() throws Exception {
    Path home = homeWithTwoChildren();
    CliRun r = CliRun.run(tmp, "subagents", "--home", home.toString());
    assertEquals(Main.OK, r.exitCode, r.err);
    CliRun.assertGolden("subagents-branches.txt", r.normalizedOut(home));
    List<String> keys = r.out.lines().map(l -> l.split("  ")[0]).toList();
    assertEquals(List.of(
        "SESSION",
        "agent:ops:main",
        "└ agent:ops:subagent:43d8ce88-9d5f-47b7-9893-eec9a52a0231",
        "agent:main:main",
        "├ agent:main:subagent:e3e1ff5d-61a7-444f-9ca9-49f98ea1865b",
        "│ └ agent:main:subagent:9a01ba7b-b82e-4d83-a921-bbec33626deb",
        "└ agent:main:subagent:ghost-1111"), keys.subList(0, 7));
  }
}
