package io.clawmetry.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.clawmetry.core.view.JsonViews;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writing responses: every body goes through here, with a length and a content type. */
final class Responses {

  static final String JSON = "application/json; charset=utf-8";
  static final String TEXT = "text/plain; charset=utf-8";
  static final String HTML = "text/html; charset=utf-8";

  private Responses() {}

  /** Sends {@code body} with {@code status} and {@code contentType}, and closes the exchange. */
  static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
    Headers h = ex.getResponseHeaders();
    h.set("Content-Type", contentType);
    h.set("Cache-Control", "no-store");
    boolean head = "HEAD".equals(ex.getRequestMethod());
    ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
    ex.close();
  }

  /** Sends a JSON tree (compact) with status 200. */
  static void json(HttpExchange ex, JsonNode node) throws IOException {
    json(ex, 200, node);
  }

  /** Sends a JSON tree (compact). */
  static void json(HttpExchange ex, int status, JsonNode node) throws IOException {
    send(ex, status, JSON, JsonViews.write(node, false).getBytes(StandardCharsets.UTF_8));
  }

  /** Sends {@code {"error": message}} with {@code status}; the message must not hold secrets or stack traces. */
  static void error(HttpExchange ex, int status, String message) throws IOException {
    ObjectNode o = JsonViews.object();
    o.put("error", message);
    json(ex, status, o);
  }

  /** Sends plain text. */
  static void text(HttpExchange ex, int status, String contentType, String body) throws IOException {
    send(ex, status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }
}
