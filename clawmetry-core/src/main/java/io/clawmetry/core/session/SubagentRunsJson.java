package io.clawmetry.core.session;

import static io.clawmetry.core.json.JsonNodes.first;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.SourceRef;
import io.clawmetry.api.SubagentRun;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.json.Json;
import io.clawmetry.core.json.JsonNodes;
import io.clawmetry.core.warn.Warnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the E2 sub-agent registry {@code <stateDir>/subagents/runs.json}: {@code {version:2, runs:{<runId>:
 * {childSessionKey, requesterSessionKey, task, label?, model?, createdAt, endedAt?, outcome?{status}}}}}. Depths are
 * left at 0 here; {@link SubagentRegistry} computes them.
 */
final class SubagentRunsJson {

  private SubagentRunsJson() {}

  static List<SubagentRun> read(Path file, String defaultAgentId, Warnings warnings) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    String path = file.toAbsolutePath().toString();
    JsonNode root;
    try {
      root = parse(file);
    } catch (IOException first) {
      try {
        Thread.sleep(50);
        root = parse(file);
      } catch (IOException | InterruptedException again) {
        if (again instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        warnings.add(again instanceof com.fasterxml.jackson.core.JsonProcessingException
                ? WarningKind.MALFORMED_LINE : WarningKind.UNREADABLE,
            path, "", "sub-agent registry could not be read (retried once): " + again.getMessage());
        return List.of();
      }
    }
    JsonNode runs = root.get("runs");
    if (runs == null || !runs.isObject()) {
      warnings.add(WarningKind.UNKNOWN_SCHEMA, path, "", "runs.json has no \"runs\" object (version "
          + JsonNodes.text(root, "version") + ")");
      return List.of();
    }
    SourceRef source = new SourceRef(SourceKind.SUBAGENT_REGISTRY_JSON, path);
    List<SubagentRun> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : runs.properties()) {
      JsonNode r = e.getValue();
      String child = JsonNodes.text(r, "childSessionKey");
      if (child == null) {
        warnings.add(WarningKind.MALFORMED_LINE, path, "run " + e.getKey(), "sub-agent run without childSessionKey");
        continue;
      }
      out.add(new SubagentRun(
          first(JsonNodes.text(r, "runId"), e.getKey()),
          child,
          JsonNodes.text(r, "requesterSessionKey"),
          SessionKeys.agentIdOf(child, defaultAgentId),
          0,
          JsonNodes.text(r, "task"),
          JsonNodes.text(r, "label"),
          JsonNodes.text(r, "model"),
          JsonNodes.text(JsonNodes.object(r, "outcome"), "status"),
          JsonNodes.instant(r, "createdAt"),
          JsonNodes.instant(r, "endedAt"),
          source,
          RunTimes.runtimeMs(
              first(JsonNodes.number(r, "runtimeMs"), JsonNodes.number(JsonNodes.object(r, "outcome"), "elapsedMs")),
              JsonNodes.instant(r, "startedAt"),
              JsonNodes.instant(r, "endedAt"))));
    }
    return out;
  }

  private static JsonNode parse(Path file) throws IOException {
    JsonNode root = Json.STRICT.readTree(file.toFile());
    if (root == null || !root.isObject()) {
      throw new com.fasterxml.jackson.core.JsonParseException(null, "runs.json is not a JSON object");
    }
    return root;
  }
}
