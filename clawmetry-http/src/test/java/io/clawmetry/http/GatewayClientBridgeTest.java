package io.clawmetry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.gateway.ConnectionState;
import io.clawmetry.api.gateway.CronRunMode;
import io.clawmetry.api.gateway.CronRunResult;
import io.clawmetry.api.gateway.Gateway;
import io.clawmetry.api.gateway.GatewayEvent;
import io.clawmetry.api.gateway.GatewayEventListener;
import io.clawmetry.api.gateway.GatewayStatus;
import io.clawmetry.api.gateway.LiveCronJob;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The bridge maps the gateway client to the dashboard: status, cron actions on an admin connection, events. */
class GatewayClientBridgeTest {

  private final List<String> calls = new ArrayList<>();
  private final List<GatewayEventListener> listeners = new ArrayList<>();
  private final AtomicInteger adminClosed = new AtomicInteger();

  /** A stand-in client answering only what the bridge uses; anything else fails the test. */
  private Gateway stub(boolean admin) {
    return (Gateway) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Gateway.class},
        (p, m, args) -> {
          switch (m.getName()) {
            case "status":
              return new GatewayStatus(ConnectionState.CONNECTED, "ws://127.0.0.1:18789/", null, null, null, null,
                  "2026.9.6", 4, List.of("operator.read"), "dev1");
            case "hello":
              return Optional.empty();
            case "cronSetEnabled":
              calls.add((admin ? "admin " : "read ") + "enabled=" + args[1] + " " + args[0]);
              return new LiveCronJob((String) args[0], "job", null, null, (Boolean) args[1], "cron", "0 * * * *",
                  null, null, null, null, null, 0, "{}");
            case "cronRun":
              calls.add((admin ? "admin " : "read ") + "run " + args[1] + " " + args[0]);
              return new CronRunResult(true, true, "manual:j1:1", null);
            case "addListener":
              listeners.add((GatewayEventListener) args[0]);
              return null;
            case "removeListener":
              listeners.remove(args[0]);
              return null;
            case "close":
              adminClosed.incrementAndGet();
              return null;
            default:
              throw new AssertionError("unexpected call " + m.getName());
          }
        });
  }

  @Test
  void statusCronActionsAndEvents() throws Exception {
    GatewayClientBridge bridge = new GatewayClientBridge(stub(false), () -> stub(true));
    GatewayBridge.GatewayStatus s = bridge.status();
    assertTrue(s.connected());
    assertEquals("2026.9.6", s.version());
    assertEquals(List.of("operator.read"), s.scopes());

    assertTrue(bridge.cronAction("j1", GatewayBridge.CronAction.DISABLE).ok());
    GatewayBridge.CronActionResult run = bridge.cronAction("j1", GatewayBridge.CronAction.RUN);
    assertEquals("manual:j1:1", run.runId());
    assertEquals(List.of("admin enabled=false j1", "admin run " + CronRunMode.FORCE + " j1"), calls);
    assertEquals(2, adminClosed.get(), "each mutation's admin connection is closed");

    List<GatewayBridge.GatewayEvent> got = new ArrayList<>();
    AutoCloseable sub = bridge.subscribe(got::add);
    listeners.forEach(l -> l.onEvent(new GatewayEvent("cron", 7L, "{\"jobId\":\"j1\"}")));
    assertEquals(List.of(new GatewayBridge.GatewayEvent("cron", "{\"jobId\":\"j1\"}")), got);
    sub.close();
    assertFalse(!listeners.isEmpty(), "unsubscribed");
  }
}
