package io.clawmetry.core.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.gateway.ChatHistory;
import io.clawmetry.api.gateway.ConfigSnapshot;
import io.clawmetry.api.gateway.ConnectionState;
import io.clawmetry.api.gateway.CronRunMode;
import io.clawmetry.api.gateway.CronRunResult;
import io.clawmetry.api.gateway.GatewayHealth;
import io.clawmetry.api.gateway.Hello;
import io.clawmetry.api.gateway.LiveCronJob;
import io.clawmetry.api.gateway.LiveCronRun;
import io.clawmetry.api.gateway.LiveSession;
import io.clawmetry.api.gateway.LogsTail;
import io.clawmetry.api.gateway.Page;
import io.clawmetry.api.gateway.ServerStatus;
import io.clawmetry.api.gateway.SessionsUsage;
import io.clawmetry.api.gateway.UsageCost;
import io.clawmetry.api.gateway.UsageTimeseries;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The client against the recorded real frames of OpenClaw 2026.9.6: handshake, every read method, cron writes. */
@Timeout(30)
class GatewayReplayTest {

  @TempDir Path tmp;

  @Test
  void handshakeSendsWhatTheRealGatewayAcceptsAndReadsHelloOk() throws Exception {
    ReplayScript script = new ReplayScript("read-only-cli");
    try (FakeGateway gw = new FakeGateway(script);
        GatewayClient c = GatewayTesting.client(gw, tmp.resolve("cm")).build()) {
      Hello h = c.connect();
      assertEquals(4, h.protocol());
      assertEquals("2026.9.6", h.serverVersion());
      assertEquals(466, h.methods().size());
      assertEquals(64, h.events().size());
      assertEquals(List.of("operator.read"), h.grantedScopes());
      assertEquals(26_214_400L, h.maxPayload());
      assertEquals("main", h.defaultAgentId());
      assertNull(h.authMode(), "only the first hello of a run carried snapshot.authMode");
      assertEquals(52687L, h.uptimeMs());
      JsonNode p = script.connectParams.get(0);
      assertEquals(3, p.path("minProtocol").asInt());
      assertEquals(4, p.path("maxProtocol").asInt());
      assertEquals("cli", p.path("client").path("id").asText());
      assertEquals("cli", p.path("client").path("mode").asText());
      assertEquals("clawmetry/9.9.9-test", p.path("client").path("displayName").asText());
      assertEquals("clawmetry/9.9.9-test", p.path("userAgent").asText());
      assertEquals("operator", p.path("role").asText());
      assertEquals("[\"operator.read\"]", p.path("scopes").toString());
      assertEquals(ReplayScript.SHARED_TOKEN, p.path("auth").path("token").asText());
      // the fake verified the Ed25519 signature over the exact v3 string with the shared token in it
      assertEquals(1, script.verifiedSignatures.size());
      String signed = script.verifiedSignatures.get(0);
      assertTrue(signed.startsWith("v3|" + c.deviceId() + "|cli|cli|operator|operator.read|1795494674804|"
          + ReplayScript.SHARED_TOKEN + "|5a4b42c8-87c4-4054-8863-a9b2fcbd2a2e|"), signed);
      assertEquals(ConnectionState.CONNECTED, c.status().state());
      assertEquals(List.of("operator.read"), c.status().grantedScopes());
    }
  }

  @Test
  void deviceTokenIsStoredPrivatelyAndUsedOnTheNextConnect() throws Exception {
    ReplayScript script = new ReplayScript("read-only-cli");
    Path store = tmp.resolve("cm");
    try (FakeGateway gw = new FakeGateway(script)) {
      try (GatewayClient c = GatewayTesting.client(gw, store).build()) {
        c.connect();
      }
      DeviceStore ds = new DeviceStore(store);
      String deviceId = ds.identity().deviceId();
      assertEquals(ReplayScript.DEVICE_TOKEN, ds.token(gw.uri().toString(), deviceId).orElseThrow().token());
      if (Files.getFileStore(store).supportsFileAttributeView("posix")) {
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store)));
        assertEquals("rw-------", PosixFilePermissions.toString(
            Files.getPosixFilePermissions(store.resolve("device/ed25519.pkcs8"))));
        assertEquals("rw-------", PosixFilePermissions.toString(
            Files.getPosixFilePermissions(ds.tokenFile(gw.uri().toString(), deviceId))));
      }
      try (GatewayClient c = GatewayTesting.client(gw, store).build()) {
        Hello h = c.connect();
        assertEquals("device-token", h.authMethod());
        assertEquals(deviceId, c.deviceId());
      }
      JsonNode second = script.connectParams.get(1);
      assertEquals(ReplayScript.DEVICE_TOKEN, second.path("auth").path("deviceToken").asText());
      assertFalse(second.path("auth").has("token"));
      assertTrue(script.verifiedSignatures.get(1).contains("|" + ReplayScript.DEVICE_TOKEN + "|"));
    }
  }

  @Test
  void everyReadMethodMapsTheRecordedAnswer() throws Exception {
    try (FakeGateway gw = new FakeGateway(new ReplayScript("observer"));
        GatewayClient c = GatewayTesting.client(gw, tmp.resolve("cm")).build()) {
      c.connect();
      GatewayHealth health = c.health();
      assertTrue(health.ok());
      assertEquals(Instant.ofEpochMilli(1795494631354L), health.ts());
      assertEquals(1800, health.heartbeatSeconds());
      assertEquals(List.of(new GatewayHealth.AgentSessionCount("main", 1)), health.agents());
      assertEquals(Boolean.FALSE, health.eventLoopDegraded());

      ServerStatus st = c.serverStatus();
      assertEquals("2026.9.6", st.runtimeVersion());
      assertEquals(5, st.sessionCount());
      assertEquals(5L, st.tasksByStatus().get("succeeded"));
      assertEquals(3L, st.tasksByRuntime().get("cli"));

      List<LiveSession> sessions = c.allSessions();
      assertEquals(5, sessions.size());
      LiveSession one = sessions.stream().filter(s -> s.key().equals("agent:main:lab-one")).findFirst().orElseThrow();
      assertEquals(15445L, one.totalTokens());
      assertEquals(new BigDecimal("0.0456726"), one.estimatedCostUsd());
      assertEquals("done", one.status());

      ChatHistory hist = c.chatHistory("agent:main:lab-one", 50);
      assertEquals(9, hist.totalMessages());
      assertEquals(9, hist.messagesJson().size());
      assertFalse(hist.hasMore());

      UsageCost cost = c.usageCost(7);
      assertEquals(7, cost.daily().size());
      assertEquals("refreshing", cost.cacheStatus().status());
      assertEquals(5, cost.cacheStatus().pendingFiles());
      assertTrue(cost.provisional(), "refreshing zeros must be flagged provisional");

      SessionsUsage su = c.sessionsUsage("7d", null);
      assertTrue(su.provisional());
      assertEquals(5, su.sessions().size());

      UsageTimeseries ts = c.usageTimeseries("agent:main:lab-one");
      assertEquals(4, ts.points().size());
      assertEquals(14746, ts.points().get(0).input());
      assertEquals(new BigDecimal("0.044898"), ts.points().get(0).cost());
      assertEquals(60103, ts.points().get(3).cumulativeTokens());
      assertEquals(new BigDecimal("0.0905706"), ts.points().get(3).cumulativeCost());

      assertEquals(8, c.usageLogs("agent:main:lab-one", 50).size());
      assertEquals("Hello from the lab, first turn.", c.usageLogs("agent:main:lab-one", 50).get(0).content());

      assertEquals(4, c.cronStatus().jobs());
      assertEquals("sqlite", c.cronStatus().storage());
      assertEquals(Instant.ofEpochMilli(1795496387494L), c.cronStatus().nextWakeAt());

      List<LiveCronJob> jobs = c.cronJobs();
      assertEquals(4, jobs.size());
      LiveCronJob digest = jobs.stream().filter(j -> j.name().equals("lab-digest")).findFirst().orElseThrow();
      assertEquals("73e9eb0b-fe71-4e50-9141-5ebe8f038852", digest.id());
      assertTrue(digest.enabled());
      assertEquals("cron 0 9 * * * UTC", digest.schedule());
      assertEquals(Instant.ofEpochMilli(1795510800000L), digest.nextRunAt());
      assertEquals("ok", digest.lastStatus());
      assertEquals(0, digest.consecutiveErrors());
      assertEquals("every 30m", jobs.get(0).schedule());

      Page<LiveCronRun> runs = c.cronRuns(digest.id(), 0);
      assertEquals(1, runs.total());
      assertEquals("ok", runs.items().get(0).status());
      assertEquals(536L, runs.items().get(0).durationMs());
      assertEquals("lab-digest", runs.items().get(0).jobName());

      assertEquals(5, c.tasks().size());
      assertEquals("cron", c.tasks().get(0).runtime());
      assertEquals("73e9eb0b-fe71-4e50-9141-5ebe8f038852", c.tasks().get(0).sourceId());

      LogsTail tail = c.logsTail(null, 40);
      assertEquals(41395, tail.cursor());
      assertEquals(40, tail.lines().size());
      assertTrue(tail.truncated());
      assertFalse(tail.reset());

      ConfigSnapshot cfg = c.config();
      assertEquals("/home/labuser1/.openclaw/openclaw.json", cfg.path());
      assertEquals(Boolean.TRUE, cfg.valid());
      assertTrue(cfg.configJson().contains("__OPENCLAW_REDACTED__"), "redaction is kept");

      assertEquals(List.of("mock-1", "mock-2"), c.models().stream().map(m -> m.id()).toList());
      assertEquals(128000L, c.models().get(0).contextWindow());
      assertEquals("vm", c.presence().get(0).host());
      assertEquals(Instant.ofEpochMilli(1795494656558L), c.presence().get(0).ts());
    }
  }

  @Test
  void cronWritesMapTheRecordedAnswers() throws Exception {
    ReplayScript script = new ReplayScript("observer");
    try (FakeGateway gw = new FakeGateway(script);
        GatewayClient c = GatewayTesting.client(gw, tmp.resolve("cm")).admin(true).build()) {
      c.connect();
      assertEquals("[\"operator.read\",\"operator.admin\"]", script.connectParams.get(0).path("scopes").toString());
      LiveCronJob off = c.cronSetEnabled("73e9eb0b-fe71-4e50-9141-5ebe8f038852", false);
      assertFalse(off.enabled());
      LiveCronJob on = c.cronSetEnabled("73e9eb0b-fe71-4e50-9141-5ebe8f038852", true);
      assertTrue(on.enabled());
      CronRunResult r = c.cronRun("73e9eb0b-fe71-4e50-9141-5ebe8f038852", CronRunMode.FORCE);
      assertTrue(r.ok());
      assertTrue(r.enqueued());
      assertEquals("manual:73e9eb0b-fe71-4e50-9141-5ebe8f038852:1795494657708:2", r.runId());
      assertNull(r.reason());
    }
  }
}
