package io.clawmetry.http;

import io.clawmetry.api.gateway.ConnectionState;
import io.clawmetry.api.gateway.CronRunMode;
import io.clawmetry.api.gateway.CronRunResult;
import io.clawmetry.api.gateway.Gateway;
import io.clawmetry.api.gateway.GatewayEventListener;
import io.clawmetry.api.gateway.Hello;
import io.clawmetry.api.gateway.LiveCronJob;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The dashboard's bridge over a real gateway client: status and live events from the facade's read-only connection,
 * and each cron mutation on a short-lived connection that asks for {@code operator.admin} — the only writes ClawMetry
 * makes, and only after a user confirmed them in the page.
 */
public final class GatewayClientBridge implements GatewayBridge {

  private final Gateway read;
  private final Supplier<Gateway> admin;

  /**
   * @param read the facade's read connection ({@code ClawMetry.gateway()}); not closed by this bridge
   * @param admin opens a connection with {@code operator.admin}, closed after each mutation
   */
  public GatewayClientBridge(Gateway read, Supplier<Gateway> admin) {
    this.read = read;
    this.admin = admin;
  }

  @Override
  public GatewayStatus status() {
    io.clawmetry.api.gateway.GatewayStatus s = read.status();
    Long uptime = read.hello().map(Hello::uptimeMs).orElse(null);
    boolean connected = s.state() == ConnectionState.CONNECTED;
    String detail = connected ? "connected" : s.reason() != null ? s.reason() : s.state().name().toLowerCase();
    return new GatewayStatus(connected, s.url(), s.serverVersion(), uptime, s.grantedScopes(), detail);
  }

  @Override
  public CronActionResult cronAction(String jobId, CronAction action) {
    try (Gateway a = admin.get()) {
      switch (action) {
        case RUN:
          CronRunResult r = a.cronRun(jobId, CronRunMode.FORCE);
          return new CronActionResult(r.ok(), r.ok() ? "run: accepted" : "run refused: " + r.reason(), r.runId());
        case ENABLE:
        case DISABLE:
        default:
          LiveCronJob j = a.cronSetEnabled(jobId, action == CronAction.ENABLE);
          return new CronActionResult(true, (j.enabled() ? "enable" : "disable") + ": accepted", null);
      }
    } catch (RuntimeException e) {
      return new CronActionResult(false, e.getMessage(), null); // a one-line GatewayException message
    }
  }

  @Override
  public AutoCloseable subscribe(Consumer<GatewayEvent> listener) {
    GatewayEventListener l = e -> listener.accept(new GatewayEvent(e.event(), e.payloadJson()));
    read.addListener(l);
    return () -> read.removeListener(l);
  }
}
