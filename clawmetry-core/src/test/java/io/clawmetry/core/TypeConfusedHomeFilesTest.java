package io.clawmetry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.TokenCounts;
import io.clawmetry.core.json.Json;
import io.clawmetry.core.testing.EveryReport;
import io.clawmetry.core.testing.TestHomes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Well-formed JSON with values of the wrong type never breaks a report: in one JSON file of the example home at a
 * time (configuration, model catalog, session index, cron jobs and runs, sub-agent runs, transcripts), a few values
 * picked by a seed are replaced by values of another type (a string for a number, an object for a string, null, an
 * empty array, a huge or negative number, ...). Every facade method then runs without an exception, and files that
 * hold no transcript leave the token totals as they are on the intact home.
 */
class TypeConfusedHomeFilesTest {

  private static final int SEEDS = 8;

  /** JSON files (whole documents) and JSONL files (one document per line), and whether model calls live in them. */
  private static final Map<String, Boolean> FILES =
      Map.ofEntries(
          Map.entry("openclaw.json", false),
          Map.entry("models.json5", false),
          Map.entry("agents/main/sessions/sessions.json", false),
          Map.entry("cron/jobs.json", false),
          Map.entry("cron/runs/e8c01ef2-8018-4477-aca3-c86a5940bf70.jsonl", false),
          Map.entry("subagents/runs.json", false),
          Map.entry("agents/main/sessions/45a53c73-86e3-43f0-8592-70a3c00ff81c.jsonl", true),
          Map.entry("agents/main/sessions/e746288a-bc8c-4492-8ecb-75eb8d7dd57c.jsonl", true));

  @TempDir Path tmp;

  private static TokenCounts intactTotals;

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    FILES.keySet().stream().sorted().forEach(f -> {
      for (long seed = 1; seed <= SEEDS; seed++) {
        out.add(Arguments.of(f, seed));
      }
    });
    return out.stream();
  }

  private TokenCounts everyReport(Path home) throws Exception {
    try (ClawMetry cm = EveryReport.open(home, tmp.resolve("user-home"))) {
      return EveryReport.run(cm);
    }
  }


  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void everyReportSurvivesValuesOfTheWrongType(String file, long seed) throws Exception {
    if (intactTotals == null) {
      intactTotals = everyReport(TestHomes.copyTree(TestHomes.exampleHome(), tmp.resolve("intact")));
    }
    Path home = TestHomes.copyTree(TestHomes.exampleHome(), tmp.resolve("home"));
    Path target = home.resolve(file);
    Random r = new Random(seed * 104_729 + file.hashCode());
    List<String> changes = new ArrayList<>();
    String text = Files.readString(target, StandardCharsets.UTF_8);
    String changed;
    if (file.endsWith(".jsonl")) {
      String[] lines = text.split("\n", -1);
      int line = r.nextInt(lines.length - 1);
      lines[line] = confuse(Json.STRICT.readTree(lines[line]), r, changes).toString();
      changes.add(0, "line " + (line + 1));
      changed = String.join("\n", lines);
    } else {
      changed = confuse(Json.LENIENT.readTree(text), r, changes).toPrettyString();
    }
    Files.writeString(target, changed, StandardCharsets.UTF_8);
    TokenCounts got;
    try {
      got = everyReport(home);
    } catch (Throwable t) {
      throw new AssertionError("seed " + seed + ", " + file + ": " + changes, t);
    }
    if (!FILES.get(file)) {
      assertEquals(intactTotals, got, () -> "seed " + seed + ", " + file + ": " + changes);
    }
  }

  /** Replaces 1–3 values anywhere in the tree by values of another type; says which in {@code changes}. */
  static JsonNode confuse(JsonNode root, Random r, List<String> changes) {
    int n = 1 + r.nextInt(3);
    for (int k = 0; k < n; k++) {
      List<String[]> paths = new ArrayList<>();
      List<JsonNode> parents = new ArrayList<>();
      collect(root, "", paths, parents);
      if (paths.isEmpty()) {
        break;
      }
      int pick = r.nextInt(paths.size());
      JsonNode parent = parents.get(pick);
      String key = paths.get(pick)[1];
      JsonNode replacement = otherValue(r);
      if (parent instanceof ObjectNode o) {
        o.set(key, replacement);
      } else {
        ((ArrayNode) parent).set(Integer.parseInt(key), replacement);
      }
      changes.add(paths.get(pick)[0] + " = " + replacement);
    }
    return root;
  }

  private static void collect(JsonNode node, String at, List<String[]> paths, List<JsonNode> parents) {
    if (node instanceof ObjectNode o) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String path = at + "." + e.getKey();
        paths.add(new String[] {path, e.getKey()});
        parents.add(o);
        collect(e.getValue(), path, paths, parents);
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        String path = at + "[" + i + "]";
        paths.add(new String[] {path, Integer.toString(i)});
        parents.add(a);
        collect(a.get(i), path, paths, parents);
      }
    }
  }

  private static JsonNode otherValue(Random r) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (r.nextInt(12)) {
      case 0:
        return f.nullNode();
      case 1:
        return f.textNode("");
      case 2:
        return f.textNode("not a number");
      case 3:
        return f.numberNode(-1);
      case 4:
        return f.numberNode(Long.MAX_VALUE);
      case 5:
        return f.numberNode(new java.math.BigDecimal("1e400"));
      case 6:
        return f.numberNode(0.5);
      case 7:
        return f.booleanNode(true);
      case 8:
        return f.arrayNode();
      case 9:
        return f.objectNode();
      case 10:
        return f.objectNode().put("x", 1);
      default:
        return f.arrayNode().add("a").add(2);
    }
  }
}
