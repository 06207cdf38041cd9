package io.clawmetry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.Warning;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.testing.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report of one agent lists the problems of that agent's files only; the report of all agents lists every one. */
class AgentReportWarningsTest {

  @TempDir Path tmp;

  private static List<String> fileWarnings(List<Warning> ws) {
    return ws.stream()
        .filter(w -> w.kind() == WarningKind.MALFORMED_LINE || w.kind() == WarningKind.INCOMPLETE_LINE)
        .map(w -> w.kind() + " " + w.source().replaceAll(".*/agents/", ""))
        .sorted()
        .toList();
  }

  @Test
  void anAgentsReportListsItsOwnFilesProblems() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    Path research = home.resolve("agents/research/sessions/9d8cdc9b-f707-4943-aef0-5e31a720a268.jsonl");
    Files.writeString(research, "not json\n", StandardOpenOption.APPEND);
    try (ClawMetry cm = ClawMetryBuilder.create().environment(Environment.of(Map.of(), tmp.resolve("u")))
        .stateDir(home).build()) {
      UsageQuery all = UsageQuery.daily(ZoneId.of("UTC"));
      assertEquals(
          List.of("INCOMPLETE_LINE main/sessions/45a53c73-86e3-43f0-8592-70a3c00ff81c.jsonl",
              "MALFORMED_LINE main/sessions/f1494495-0858-47bc-be0e-b540f9ac8b0a.jsonl",
              "MALFORMED_LINE research/sessions/9d8cdc9b-f707-4943-aef0-5e31a720a268.jsonl"),
          fileWarnings(cm.usage(all).warnings()));
      assertEquals(List.of("MALFORMED_LINE research/sessions/9d8cdc9b-f707-4943-aef0-5e31a720a268.jsonl"),
          fileWarnings(cm.usage(all.forAgent("research")).warnings()));
      assertEquals(
          List.of("INCOMPLETE_LINE main/sessions/45a53c73-86e3-43f0-8592-70a3c00ff81c.jsonl",
              "MALFORMED_LINE main/sessions/f1494495-0858-47bc-be0e-b540f9ac8b0a.jsonl"),
          fileWarnings(cm.usage(all.forAgent("main")).warnings()));
      assertEquals(List.of(), fileWarnings(cm.usage(all.forAgent("ops")).warnings()));
    }
  }
}
