package io.clawmetry.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.RefreshStats;
import io.clawmetry.core.view.JsonViews;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Server-Sent Events at {@code /api/events}. One background thread calls {@link ClawMetry#refresh()} every
 * {@code interval} (it reads only appended bytes and new rows) and sends a {@code change} event when new transcript
 * events arrived; gateway events from the bridge are forwarded as {@code gateway} events; a comment line every
 * {@code heartbeat} keeps proxies from closing idle connections. Connections do not hold a request thread: the
 * response stays open and this hub writes to it. At most {@code maxClients} connections; more get 503.
 */
final class EventHub implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(EventHub.class.getName());

  private final ClawMetry cm;
  private final Clock clock;
  private final int maxClients;
  private final Duration interval;
  private final List<Client> clients = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService loop;
  private final AtomicLong seq = new AtomicLong();
  private final AutoCloseable bridgeSubscription;

  EventHub(ClawMetry cm, GatewayBridge bridge, Clock clock, Duration interval, Duration heartbeat, int maxClients) {
    this.cm = cm;
    this.clock = clock;
    this.maxClients = maxClients;
    this.interval = interval;
    this.loop =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "clawmetry-refresh");
              t.setDaemon(true);
              return t;
            });
    loop.scheduleWithFixedDelay(this::refreshOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    loop.scheduleWithFixedDelay(
        () -> broadcast(": heartbeat\n\n"), heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    this.bridgeSubscription =
        bridge.subscribe(
            e -> {
              ObjectNode o = JsonViews.object();
              o.put("event", e.event());
              o.put("payload", e.payloadJson());
              o.put("at", clock.instant().toString());
              loop.execute(() -> broadcast(frame("gateway", o)));
            });
  }

  /** Opens an event stream on {@code ex} (the handler returns; the stream stays open). */
  void open(HttpExchange ex) throws IOException {
    if (clients.size() >= maxClients) {
      throw new HttpFailure(503, "too many event streams");
    }
    ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.getResponseHeaders().set("X-Accel-Buffering", "no");
    ex.sendResponseHeaders(200, 0);
    Client c = new Client(ex, ex.getResponseBody());
    clients.add(c);
    ObjectNode hello = JsonViews.object();
    hello.put("at", clock.instant().toString());
    hello.put("refreshMs", interval.toMillis());
    send(c, "retry: 5000\n" + frame("hello", hello));
  }

  /** How many streams are open. */
  int clientCount() {
    return clients.size();
  }

  private void refreshOnce() {
    try {
      RefreshStats s = cm.refresh();
      if (s.newEvents() > 0 || s.fullRead()) {
        ObjectNode o = JsonViews.object();
        o.put("newEvents", s.newEvents());
        o.put("filesRead", s.filesRead());
        o.put("bytesRead", s.bytesRead());
        o.put("fullRead", s.fullRead());
        o.put("tookMs", s.took().toMillis());
        o.put("at", clock.instant().toString());
        broadcast(frame("change", o));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "refresh failed", e);
    }
  }

  private String frame(String event, ObjectNode data) {
    return "id: " + seq.incrementAndGet() + "\nevent: " + event + "\ndata: " + JsonViews.write(data, false) + "\n\n";
  }

  private void broadcast(String frame) {
    for (Client c : clients) {
      send(c, frame);
    }
  }

  private void send(Client c, String frame) {
    synchronized (c) {
      try {
        c.out.write(frame.getBytes(StandardCharsets.UTF_8));
        c.out.flush();
      } catch (IOException | RuntimeException e) {
        drop(c);
      }
    }
  }

  private void drop(Client c) {
    clients.remove(c);
    try {
      c.exchange.close();
    } catch (RuntimeException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    loop.shutdownNow();
    try {
      bridgeSubscription.close();
    } catch (Exception e) {
      LOG.log(Level.DEBUG, "bridge unsubscribe failed", e);
    }
    for (Client c : clients) {
      drop(c);
    }
  }

  private record Client(HttpExchange exchange, OutputStream out) {}
}
