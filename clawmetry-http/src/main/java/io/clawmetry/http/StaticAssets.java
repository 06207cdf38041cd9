package io.clawmetry.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The page's files, bundled in the jar under {@code io/clawmetry/http/web/} and loaded once. */
final class StaticAssets {

  private static final Map<String, String> TYPES =
      Map.of(
          "index.html", Responses.HTML,
          "login.html", Responses.HTML,
          "app.js", "text/javascript; charset=utf-8",
          "app.css", "text/css; charset=utf-8",
          "favicon.svg", "image/svg+xml");

  private final Map<String, byte[]> files;

  StaticAssets() {
    java.util.HashMap<String, byte[]> m = new java.util.HashMap<>();
    for (String name : TYPES.keySet()) {
      try (InputStream in = StaticAssets.class.getResourceAsStream("web/" + name)) {
        if (in == null) {
          throw new IllegalStateException("missing bundled asset " + name);
        }
        m.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    files = Map.copyOf(m);
  }

  /** Whether {@code name} is a bundled file. */
  boolean has(String name) {
    return files.containsKey(name) || "index.html".equals(name);
  }

  /** The bytes of a bundled file. */
  byte[] bytes(String name) {
    return files.get(name);
  }

  /** Sends a bundled file. */
  void serve(HttpExchange ex, String name) throws IOException {
    Responses.send(ex, 200, TYPES.get(name), files.get(name));
  }
}
