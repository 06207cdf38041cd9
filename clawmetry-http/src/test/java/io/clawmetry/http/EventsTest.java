package io.clawmetry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.ClawMetry;
import io.clawmetry.core.json.Json;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The event stream: a change event after a line is appended to a transcript, gateway events, the client limit. */
@Timeout(60)
class EventsTest {

  static final String SUBAGENT_FILE = "agents/main/sessions/e2902a36-e80c-4b15-b7cb-22ff67544994.jsonl";

  /** A user line continuing the sub-agent transcript (its last entry is 1261d7fa). */
  static String userLine(String id, String text) {
    return "{\"type\":\"message\",\"id\":\"" + id + "\",\"parentId\":\"1261d7fa\",\"timestamp\":\"2026-11-20T17:59:00.000Z\","
        + "\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":" + quote(text) + "}],"
        + "\"timestamp\":1795283940000}}\n";
  }

  static String quote(String text) {
    try {
      return Json.STRICT.writeValueAsString(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void appendedLineBecomesAChangeEvent(@TempDir Path tmp) throws Exception {
    Path home = TestHomes.copyHome(tmp);
    try (ClawMetry cm = TestHomes.open(home, tmp.resolve("user"))) {
      cm.sessions(); // first full read happens here, not in the event loop
      cm.refresh();
      try (TestServer s =
          new TestServer(
              ClawMetryServer.builder().clawMetry(cm).refreshInterval(Duration.ofMillis(200)).heartbeat(Duration.ofMillis(300)))) {
        HttpResponse<InputStream> r =
            s.client.send(s.request("/api/events").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
          assertEquals("hello", nextEvent(in).event);
          boolean heartbeat = false;
          // nothing changed: only heartbeats until we append
          for (int i = 0; i < 2; i++) {
            String line = in.readLine();
            heartbeat |= line.startsWith(": heartbeat");
          }
          assertTrue(heartbeat, "heartbeat comments while idle");
          Files.writeString(home.resolve(SUBAGENT_FILE), userLine("evt00001", "one more thing"), StandardOpenOption.APPEND);
          Frame f = nextEvent(in);
          assertEquals("change", f.event);
          JsonNode d = Json.STRICT.readTree(f.data);
          assertEquals(1, d.get("newEvents").asLong(), f.data);
        }
      }
      assertEquals(1, cm.transcript("agent:main:subagent:9a01ba7b-b82e-4d83-a921-bbec33626deb").items().stream()
          .filter(e -> "evt00001".equals(e.meta().id())).count());
    }
  }

  @Test
  void gatewayEventsAreForwardedAndClientsAreBounded(@TempDir Path tmp) throws Exception {
    List<Consumer<GatewayBridge.GatewayEvent>> listeners = new CopyOnWriteArrayList<>();
    GatewayBridge bridge =
        new GatewayBridge() {
          @Override
          public GatewayStatus status() {
            return new GatewayStatus(true, null, null, null, List.of(), null);
          }

          @Override
          public CronActionResult cronAction(String jobId, CronAction action) {
            return new CronActionResult(false, "no", null);
          }

          @Override
          public AutoCloseable subscribe(Consumer<GatewayEvent> l) {
            listeners.add(l);
            return () -> listeners.remove(l);
          }
        };
    try (ClawMetry cm = TestHomes.open(TestHomes.exampleHome(), tmp.resolve("user"));
        TestServer s = new TestServer(ClawMetryServer.builder().clawMetry(cm).gateway(bridge).maxEventClients(1))) {
      HttpResponse<InputStream> r =
          s.client.send(s.request("/api/events").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
      try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
        assertEquals("hello", nextEvent(in).event);
        assertEquals(503, s.get("/api/events").statusCode(), "second stream over the limit");
        assertEquals(1, listeners.size());
        listeners.get(0).accept(new GatewayBridge.GatewayEvent("cron", "{\"jobId\":\"j1\",\"action\":\"finished\"}"));
        Frame f = nextEvent(in);
        assertEquals("gateway", f.event);
        JsonNode d = Json.STRICT.readTree(f.data);
        assertEquals("cron", d.get("event").asText());
        assertEquals("{\"jobId\":\"j1\",\"action\":\"finished\"}", d.get("payload").asText());
      }
    }
    assertTrue(listeners.isEmpty(), "closing the server unsubscribes");
  }

  record Frame(String event, String data) {}

  /** The next event frame, skipping comments. */
  static Frame nextEvent(BufferedReader in) throws Exception {
    String event = null;
    StringBuilder data = new StringBuilder();
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isEmpty()) {
        if (event != null) {
          return new Frame(event, data.toString());
        }
        continue;
      }
      if (line.startsWith("event: ")) {
        event = line.substring(7);
      } else if (line.startsWith("data: ")) {
        data.append(line.substring(6));
      }
    }
    throw new AssertionError("stream ended");
  }
}
