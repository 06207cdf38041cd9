package io.clawmetry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.core.gateway.FakeGateway;
import io.clawmetry.core.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake gateway for CLI tests answering with the recorded 2026.9.6 frames of the {@code observer} variant
 * ({@code testdata/openclaw-2026.9.6/ws-frames.json}): challenge, hello-ok (granting the requested scopes), and each
 * method's recorded answer (same params preferred) with the client's id.
 */
final class CliReplayGateway implements FakeGateway.Script {

  private final List<JsonNode[]> exchanges = new ArrayList<>();
  private JsonNode challenge;
  final List<JsonNode> requests = new CopyOnWriteArrayList<>();

  CliReplayGateway() throws IOException {
    JsonNode root = Json.STRICT.readTree(CliRun.repo().resolve("testdata/openclaw-2026.9.6/ws-frames.json").toFile());
    JsonNode observer = root.path("variants").get(0);
    java.util.Map<String, JsonNode> reqs = new java.util.HashMap<>();
    for (JsonNode f : observer.path("frames")) {
      JsonNode frame = f.path("frame");
      if (challenge == null && "connect.challenge".equals(frame.path("event").asText())) {
        challenge = frame;
      } else if ("out".equals(f.path("dir").asText())) {
        reqs.put(frame.path("id").asText(), frame);
      } else if ("res".equals(frame.path("type").asText()) && reqs.containsKey(frame.path("id").asText())) {
        exchanges.add(new JsonNode[] {reqs.get(frame.path("id").asText()), frame});
      }
    }
  }

  @Override
  public void onOpen(FakeGateway.Conn c) throws IOException {
    c.send(challenge);
  }

  @Override
  public void onText(FakeGateway.Conn c, JsonNode frame) throws IOException {
    requests.add(frame);
    String method = frame.path("method").asText();
    JsonNode params = frame.path("params");
    JsonNode[] hit = null;
    for (JsonNode[] e : exchanges) {
      if (e[0].path("method").asText().equals(method)) {
        if (e[0].path("params").equals(params)) {
          hit = e;
          break;
        }
        if (hit == null) {
          hit = e;
        }
      }
    }
    ObjectNode res;
    if (hit == null) {
      res = Json.STRICT.createObjectNode().put("type", "res").put("ok", false);
      res.putObject("error").put("code", "INVALID_REQUEST").put("message", "unknown method " + method);
    } else {
      res = hit[1].deepCopy();
    }
    res.put("id", frame.path("id").asText());
    if ("connect".equals(method)) {
      ObjectNode auth = (ObjectNode) res.path("payload").path("auth");
      auth.set("scopes", params.path("scopes").deepCopy());
      auth.put("deviceToken", "cli-test-device-token");
    }
    c.send(res);
  }

  /** The methods called after connect, in order. */
  List<String> methods() {
    List<String> out = new ArrayList<>();
    for (JsonNode r : requests) {
      if (!"connect".equals(r.path("method").asText())) {
        out.add(r.path("method").asText());
      }
    }
    return out;
  }
}
