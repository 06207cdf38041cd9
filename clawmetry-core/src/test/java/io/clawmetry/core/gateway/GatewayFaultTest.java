package io.clawmetry.core.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.gateway.ConnectionState;
import io.clawmetry.api.gateway.CronRunMode;
import io.clawmetry.api.gateway.GatewayErrorKind;
import io.clawmetry.api.gateway.GatewayEvent;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Faults and errors: each ends in a one-line error or a reconnect, never a hang or a leaked thread. */
@Timeout(30)
class GatewayFaultTest {

  @TempDir Path tmp;

  @AfterEach
  void noClientThreadSurvives() throws Exception {
    assertTrue(GatewayTesting.eventually(3000, () -> GatewayTesting.clientThreads() == 0),
        "gateway client threads still alive: " + GatewayTesting.clientThreads());
  }

  private GatewayClient.Builder client(FakeGateway gw) {
    return GatewayTesting.client(gw, tmp.resolve("cm"));
  }

  @Test
  void gatewayDownIsOneClearLine() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (GatewayClient c = GatewayClient.builder(URI.create("ws://127.0.0.1:" + port))
        .deviceStore(new DeviceStore(tmp.resolve("cm"))).token("x")
        .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1))
        .build()) {
      GatewayException e = assertThrows(GatewayException.class, c::health);
      assertEquals(GatewayErrorKind.GATEWAY_DOWN, e.kind());
      assertEquals("gateway down: nothing accepts connections at ws://127.0.0.1:" + port + "/ (connection refused)",
          e.getMessage());
      assertEquals(ConnectionState.DOWN, c.status().state());
      // a second call does not wait: it fails at once with the same reason
      long t0 = System.nanoTime();
      GatewayException again = assertThrows(GatewayException.class, c::health);
      assertTrue(System.nanoTime() - t0 < 200_000_000L);
      assertTrue(again.getMessage().startsWith("gateway not connected: gateway down"), again.getMessage());
    }
  }

  @Test
  void challengeNeverSentTimesOut() throws Exception {
    ReplayScript script = new ReplayScript("read-only-cli");
    script.sendChallenge = false;
    try (FakeGateway gw = new FakeGateway(script); GatewayClient c = client(gw).build()) {
      long t0 = System.nanoTime();
      GatewayException e = assertThrows(GatewayException.class, c::connect);
      assertEquals(GatewayErrorKind.TIMEOUT, e.kind());
      assertTrue(e.getMessage().startsWith("the gateway sent no connect.challenge within 800 ms"), e.getMessage());
      assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) < 3000);
    }
  }

  @Test
  void startupSidecarsIsRetriedOnANewSocket() throws Exception {
    ReplayScript script = new ReplayScript("read-only-cli");
    script.unavailableConnects = 2;
    try (FakeGateway gw = new FakeGateway(script); GatewayClient c = client(gw).build()) {
      assertEquals(4, c.connect().protocol());
      assertEquals(3, script.connects.get());
      assertEquals(3, gw.connections());
    }
  }

  @Test
  void startupRetryGivesUpAfterTheBudget() throws Exception {
    ReplayScript script = new ReplayScript("read-only-cli");
    script.unavailableConnects = 1000;
    try (FakeGateway gw = new FakeGateway(script);
        GatewayClient c = client(gw).startupRetryBudget(Duration.ofMillis(600)).build()) {
      GatewayException e = assertThrows(GatewayException.class, c::connect);
      assertEquals(GatewayErrorKind.STARTING, e.kind());
      assertTrue(e.getMessage().startsWith("the gateway is unavailable (startup-sidecars)"), e.getMessage());
    }
  }

  @Test
  void wrongTokenSaysSo() throws Exception {
    try (FakeGateway gw = new FakeGateway(new ReplayScript("read-only-cli"));
        GatewayClient c = client(gw).token("wrong").build()) {
      GatewayException e = assertThrows(GatewayException.class, c::connect);
      assertEquals(GatewayErrorKind.AUTH_FAILED, e.kind());
      assertEquals("AUTH_TOKEN_MISMATCH", e.detailCode());
      assertTrue(e.getMessage().endsWith("check gateway.auth.token or pass --gateway-token"), e.getMessage());
    }
  }

  /** OpenClaw approves requests, not devices: the command names the refusal's request id when it has one. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      value = {
        "7f3c2a1e-9b4d-4c3a-8e2f-1a2b3c4d5e6f | run `openclaw devices approve 7f3c2a1e-9b4d-4c3a-8e2f-1a2b3c4d5e6f` on"
            + " the gateway host, then retry",
        "NULL | run `openclaw devices list` on the gateway host and approve its request with `openclaw devices approve"
            + " <requestId>`, then retry",
        "id`; rm -rf ~ | run `openclaw devices list` on the gateway host and approve its request with `openclaw"
            + " devices approve <requestId>`, then retry"
      },
      delimiter = '|',
      nullValues = "NULL")
  void pairingRequiredNamesTheApproveCommand(String requestId, String advice) throws Exception {
    ReplayScript script = new ReplayScript("read-only-cli");
    script.pairingRequired = true;
    script.pairingRequestId = requestId;
    try (FakeGateway gw = new FakeGateway(script); GatewayClient c = client(gw).build()) {
      GatewayException e = assertThrows(GatewayException.class, c::connect);
      assertEquals(GatewayErrorKind.PAIRING_REQUIRED, e.kind());
      String id = new DeviceStore(tmp.resolve("cm")).identity().deviceId();
      assertEquals("pairing required for device " + id + ": " + advice, e.getMessage());
    }
  }

  @Test
  void noCredentialAndNoDevice() throws Exception {
    try (FakeGateway gw = new FakeGateway(new ReplayScript("read-only-cli"));
        GatewayClient c = client(gw).token(null).useDeviceIdentity(false).build()) {
      GatewayException e = assertThrows(GatewayException.class, c::connect);
      assertEquals(GatewayErrorKind.AUTH_REQUIRED, e.kind());
    }
  }

  @Test
  void rejectedDeviceTokenFallsBackToTheSharedToken() throws Exception {
    ReplayScript script = new ReplayScript("read-only-cli");
    Path store = tmp.resolve("cm");
    try (FakeGateway gw = new FakeGateway(script)) {
      DeviceStore ds = new DeviceStore(store);
      ds.saveToken(gw.uri().toString(), ds.identity().deviceId(), "stale-token", List.of("operator.read"), null);
      try (GatewayClient c = client(gw).build()) {
        assertEquals("token", c.connect().authMethod());
      }
      assertEquals("stale-token", script.connectParams.get(0).path("auth").path("deviceToken").asText());
      assertEquals(ReplayScript.SHARED_TOKEN, script.connectParams.get(1).path("auth").path("token").asText());
      assertEquals(ReplayScript.DEVICE_TOKEN,
          ds.token(gw.uri().toString(), ds.identity().deviceId()).orElseThrow().token());
    }
  }

  @Test
  void missingScopeSaysWhichAndHow() throws Exception {
    try (FakeGateway gw = new FakeGateway(new ReplayScript("read-only-cli")); GatewayClient c = client(gw).build()) {
      c.connect();
      GatewayException e = assertThrows(GatewayException.class, () -> c.cronRun("73e9eb0b", CronRunMode.FORCE));
      assertEquals(GatewayErrorKind.MISSING_SCOPE, e.kind());
      assertTrue(e.getMessage().startsWith("cron.run: the gateway refused it: missing scope operator.admin."),
          e.getMessage());
      assertTrue(e.getMessage().endsWith("approve the upgrade request of device " + c.deviceId()
          + " (`openclaw devices list`, then `openclaw devices approve <requestId>`)."), e.getMessage());
      assertEquals(ConnectionState.CONNECTED, c.status().state(), "an error answer keeps the connection");
    }
  }

  @Test
  void protocolMismatchIsExplained() {
    JsonNode err = ReplayScript.error("1", "INVALID_REQUEST", "protocol mismatch",
        io.clawmetry.core.json.Json.STRICT.createObjectNode().put("code", "PROTOCOL_MISMATCH")
            .put("expectedProtocol", 5)).get("error");
    GatewayException e = GatewayErrors.fromError(err, "connect", null);
    assertEquals(GatewayErrorKind.PROTOCOL_MISMATCH, e.kind());
    assertEquals("the gateway speaks protocol 5; ClawMetry speaks 3 to 4 (upgrade ClawMetry or OpenClaw)",
        e.getMessage());
  }

  @Test
  void slowResponseTimesOutAndTheConnectionStaysUsable() throws Exception {
    ReplayScript script = new ReplayScript("read-only-cli");
    script.faults.put("models.list", ReplayScript.Fault.SILENT);
    try (FakeGateway gw = new FakeGateway(script); GatewayClient c = client(gw).build()) {
      c.connect();
      long t0 = System.nanoTime();
      GatewayException e = assertThrows(GatewayException.class, c::models);
      assertEquals(GatewayErrorKind.TIMEOUT, e.kind());
      assertEquals("models.list: no answer from the gateway within 2000 ms", e.getMessage());
      assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) < 3500);
      assertEquals(4, c.cronStatus().jobs());
    }
  }

  @Test
  void manyRequestsInFlightAreMatchedById() throws Exception {
    ReplayScript script = new ReplayScript("observer");
    script.fragment = true; // every answer arrives in 1000-byte continuation frames
    try (FakeGateway gw = new FakeGateway(script); GatewayClient c = client(gw).build()) {
      c.connect();
      List<CompletableFuture<String>> fs = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        int k = i;
        fs.add(CompletableFuture.supplyAsync(() -> switch (k % 4) {
          case 0 -> "health:" + c.health().ok();
          case 1 -> "cron:" + c.cronStatus().jobs();
          case 2 -> "models:" + c.models().size();
          default -> "tail:" + c.logsTail(null, 40).cursor();
        }));
      }
      for (int i = 0; i < fs.size(); i++) {
        String expected = switch (i % 4) {
          case 0 -> "health:true";
          case 1 -> "cron:4";
          case 2 -> "models:2";
          default -> "tail:41395";
        };
        assertEquals(expected, fs.get(i).get(10, TimeUnit.SECONDS));
      }
    }
  }

  @Test
  void droppedMidRequestFailsThePendingCallAndReconnects() throws Exception {
    ReplayScript script = new ReplayScript("read-only-cli");
    script.faults.put("tasks.list", ReplayScript.Fault.DROP);
    List<String> seen = new CopyOnWriteArrayList<>();
    try (FakeGateway gw = new FakeGateway(script); GatewayClient c = client(gw).build()) {
      c.addListener(ev -> seen.add(ev.event()));
      c.connect();
      GatewayException e = assertThrows(GatewayException.class, c::tasks);
      assertEquals(GatewayErrorKind.CONNECTION_LOST, e.kind());
      assertTrue(GatewayTesting.eventually(15_000, () -> gw.connections() == 2 && c.status().connected()),
          "reconnected: " + c.status());
      assertEquals(4, c.cronStatus().jobs());
      assertTrue(GatewayTesting.eventually(2000, () -> seen.equals(
          List.of("clawmetry.connected", "clawmetry.disconnected", "clawmetry.connected"))), seen.toString());
    }
  }

  @Test
  void garbageFrameDropsTheConnectionWithAClearReason() throws Exception {
    ReplayScript script = new ReplayScript("read-only-cli");
    script.faults.put("tasks.list", ReplayScript.Fault.GARBAGE);
    try (FakeGateway gw = new FakeGateway(script); GatewayClient c = client(gw).autoReconnect(false).build()) {
      c.connect();
      GatewayException e = assertThrows(GatewayException.class, c::tasks);
      assertEquals(GatewayErrorKind.PROTOCOL_ERROR, e.kind());
      assertEquals("the gateway sent a frame that is not a protocol frame: <html>this is not json</html>",
          e.getMessage());
      assertTrue(GatewayTesting.eventually(2000, () -> c.status().state() == ConnectionState.DOWN));
    }
  }

  @Test
  void frameOverTheLimitIsRefused() throws Exception {
    ReplayScript script = new ReplayScript("read-only-cli");
    script.faults.put("tasks.list", ReplayScript.Fault.HUGE);
    try (FakeGateway gw = new FakeGateway(script);
        GatewayClient c = client(gw).maxFrameBytes(100_000).autoReconnect(false).build()) {
      c.connect();
      GatewayException e = assertThrows(GatewayException.class, c::tasks);
      assertEquals(GatewayErrorKind.FRAME_TOO_LARGE, e.kind());
      assertTrue(e.getMessage().contains("> 100000"), e.getMessage());
    }
  }

  @Test
  void silentGatewayIsDeclaredDeadAfterTwoTicksAndReconnected() throws Exception {
    ReplayScript script = new ReplayScript("read-only-cli");
    script.tickIntervalMs = 150;
    try (FakeGateway gw = new FakeGateway(script); GatewayClient c = client(gw).build()) {
      c.connect();
      // a second connection and the error that caused it (under load the handshake itself may open a second
      // socket before any session went silent: wait for the declared death, not only for a count)
      assertTrue(
          GatewayTesting.eventually(5000, () -> gw.connections() >= 2 && c.status().lastError() != null),
          () -> "no reconnect after a declared death: " + c.status());
      String err = c.status().lastError();
      assertTrue(err != null && err.startsWith("the gateway went silent for "), String.valueOf(err));
      assertTrue(err.endsWith("(2 ticks of 150 ms missed): connection declared dead"), err);
    }
  }

  @Test
  void liveEventsReachListenersInOrderWithoutTicks() throws Exception {
    ReplayScript script = new ReplayScript("read-only-cli");
    List<JsonNode> recorded = Recorded.get().events("observer").stream()
        .filter(f -> !f.path("event").asText().equals("tick")).toList();
    assertEquals(26, recorded.size(), "the recording has 27 events besides the challenge, one of them a tick");
    List<JsonNode> withTick = new ArrayList<>();
    withTick.add(io.clawmetry.core.json.Json.STRICT.readTree("{\"type\":\"event\",\"event\":\"tick\",\"payload\":{}}"));
    withTick.addAll(Recorded.get().events("observer"));
    script.eventsAfterHello = withTick;
    List<GatewayEvent> got = new CopyOnWriteArrayList<>();
    try (FakeGateway gw = new FakeGateway(script); GatewayClient c = client(gw).build()) {
      c.addListener(got::add);
      c.connect();
      assertTrue(GatewayTesting.eventually(5000, () -> got.size() == recorded.size() + 1), "got " + got.size());
    }
    assertEquals("clawmetry.connected", got.get(0).event());
    List<String> names = got.subList(1, got.size()).stream().map(GatewayEvent::event).toList();
    assertEquals(recorded.stream().map(f -> f.path("event").asText()).toList(), names);
    assertTrue(names.contains("cron") && names.contains("task") && names.contains("sessions.changed"), names.toString());
    assertFalse(names.contains("tick"));
  }

  @Test
  void sessionMessageSubscriptionsAreReissuedAfterAReconnect() throws Exception {
    ReplayScript script = new ReplayScript("live-events");
    script.faults.put("tasks.list", ReplayScript.Fault.DROP);
    try (FakeGateway gw = new FakeGateway(script); GatewayClient c = client(gw).build()) {
      c.connect();
      c.subscribeSessionMessages("agent:main:lab-one");
      assertThrows(GatewayException.class, c::tasks);
      assertTrue(GatewayTesting.eventually(15_000, () -> gw.connections() == 2
          && gw.conns().get(1).received.stream().anyMatch(f ->
              f.path("method").asText().equals("sessions.messages.subscribe"))), "no re-subscribe");
      List<String> second = gw.conns().get(1).received.stream().map(f -> f.path("method").asText()).toList();
      assertEquals(List.of("connect", "sessions.subscribe", "sessions.messages.subscribe"), second);
      assertEquals("agent:main:lab-one",
          gw.conns().get(1).received.get(2).path("params").path("key").asText());
    }
  }

  @Test
  void repeatedFailuresLeakNoThreads() throws Exception {
    long before = Thread.activeCount();
    ReplayScript script = new ReplayScript("read-only-cli");
    script.sendChallenge = false;
    try (FakeGateway gw = new FakeGateway(script)) {
      for (int i = 0; i < 5; i++) {
        try (GatewayClient c = client(gw).timeouts(Duration.ofSeconds(1), Duration.ofMillis(100),
            Duration.ofSeconds(1), Duration.ofSeconds(1)).build()) {
          assertThrows(GatewayException.class, c::connect);
        }
      }
    }
    assertTrue(GatewayTesting.eventually(3000, () -> GatewayTesting.clientThreads() == 0));
    assertTrue(Thread.activeCount() <= before + 8, "threads before " + before + ", after " + Thread.activeCount());
  }

  @Test
  void closedClientRefusesCalls() throws IOException {
    GatewayClient c = GatewayClient.builder(URI.create("ws://127.0.0.1:9")).deviceStore(new DeviceStore(tmp)).build();
    c.close();
    GatewayException e = assertThrows(GatewayException.class, c::health);
    assertEquals(GatewayErrorKind.CLOSED, e.kind());
  }
}
