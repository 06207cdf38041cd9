package io.clawmetry.core.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.core.json.Json;
import io.clawmetry.core.testing.TestHomes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The real frames recorded from OpenClaw 2026.9.6 ({@code testdata/openclaw-2026.9.6/ws-frames.json}). */
final class Recorded {

  private static volatile Recorded instance;

  /** One recorded request and its answer. */
  record Exchange(String variant, String method, JsonNode params, JsonNode res) {}

  final Map<String, List<JsonNode>> framesByVariant = new HashMap<>();
  final List<Exchange> exchanges = new ArrayList<>();

  static Recorded get() {
    Recorded r = instance;
    if (r == null) {
      synchronized (Recorded.class) {
        if (instance == null) {
          instance = new Recorded();
        }
        r = instance;
      }
    }
    return r;
  }

  private Recorded() {
    JsonNode root;
    try {
      root = Json.STRICT.readTree(TestHomes.testdata().resolve("openclaw-2026.9.6/ws-frames.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (JsonNode v : root.path("variants")) {
      String name = v.path("name").asText();
      List<JsonNode> frames = new ArrayList<>();
      Map<String, JsonNode> reqs = new HashMap<>();
      for (JsonNode f : v.path("frames")) {
        JsonNode frame = f.path("frame");
        frames.add(frame);
        if ("out".equals(f.path("dir").asText())) {
          reqs.put(frame.path("id").asText(), frame);
        } else if ("res".equals(frame.path("type").asText())) {
          JsonNode req = reqs.get(frame.path("id").asText());
          if (req != null) {
            exchanges.add(new Exchange(name, req.path("method").asText(), req.path("params"), frame));
          }
        }
      }
      framesByVariant.put(name, frames);
    }
  }

  /** The recorded answer to {@code method} in {@code variant} (same params preferred), or null. */
  Exchange exchange(String variant, String method, JsonNode params) {
    Exchange first = null;
    for (Exchange e : exchanges) {
      if (e.variant().equals(variant) && e.method().equals(method)) {
        if (params != null && e.params().equals(params)) {
          return e;
        }
        if (first == null) {
          first = e;
        }
      }
    }
    return first;
  }

  /** The answer to {@code method} from any variant, observer first. */
  Exchange anyExchange(String method, JsonNode params) {
    Exchange e = exchange("observer", method, params);
    if (e != null) {
      return e;
    }
    for (Exchange x : exchanges) {
      if (x.method().equals(method)) {
        return x;
      }
    }
    return null;
  }

  /** The recorded {@code connect.challenge} frame of a variant. */
  JsonNode challenge(String variant) {
    return framesByVariant.get(variant).get(0);
  }

  /** Every recorded event frame of a variant except the challenge, in order. */
  List<JsonNode> events(String variant) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode f : framesByVariant.get(variant)) {
      if ("event".equals(f.path("type").asText()) && !"connect.challenge".equals(f.path("event").asText())) {
        out.add(f);
      }
    }
    return out;
  }
}
