package io.clawmetry.http;

import com.sun.net.httpserver.HttpServer;
import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.HealthQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ClawMetry dashboard: a single-page app, a JSON API, Server-Sent Events and Prometheus metrics over one
 * {@link ClawMetry} facade, on {@code com.sun.net.httpserver} with a bounded thread pool.
 *
 * <pre>{@code
 * try (ClawMetryServer server = ClawMetryServer.builder().clawMetry(cm).port(8900).build().start()) {
 *   System.out.println(server.url());
 *   ...
 * }
 * }</pre>
 *
 * <p>It binds {@code 127.0.0.1} by default. Bound to any other address, every route needs the token (bearer header or
 * the login form's cookie), and {@link Builder#build()} refuses to build without one.
 */
public final class ClawMetryServer implements AutoCloseable {

  private final Builder cfg;
  private final InetAddress address;
  private final boolean loopback;
  private HttpServer server;
  private ThreadPoolExecutor pool;
  private EventHub events;
  private Router router;

  private ClawMetryServer(Builder b, InetAddress address, boolean loopback) {
    this.cfg = b;
    this.address = address;
    this.loopback = loopback;
  }

  /** A builder with the defaults: port 8900, bind 127.0.0.1, no token, the system clock, no gateway. */
  public static Builder builder() {
    return new Builder();
  }

  /** Binds the port and starts serving; returns this server. */
  public synchronized ClawMetryServer start() {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress(address, cfg.port), 64);
      AtomicInteger n = new AtomicInteger();
      pool =
          new ThreadPoolExecutor(
              cfg.threads,
              cfg.threads,
              60,
              TimeUnit.SECONDS,
              new ArrayBlockingQueue<>(256),
              r -> {
                Thread t = new Thread(r, "clawmetry-http-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
              },
              new ThreadPoolExecutor.CallerRunsPolicy());
      s.setExecutor(pool);
      Auth auth = new Auth(cfg.token, !loopback, cfg.clock);
      events =
          new EventHub(cfg.clawMetry, cfg.gateway, cfg.clock, cfg.refreshInterval, cfg.heartbeat, cfg.maxEventClients);
      ApiRoutes api =
          new ApiRoutes(
              cfg.clawMetry,
              cfg.gateway,
              cfg.clock,
              cfg.diskWarnPercent,
              () -> s.getAddress().getPort());
      router = new Router(auth, loopback, api, events, new PrometheusMetrics(cfg.clawMetry), new StaticAssets());
      s.createContext("/", router);
      s.start();
      server = s;
      return this;
    } catch (IOException e) {
      if (events != null) {
        events.close();
      }
      if (pool != null) {
        pool.shutdownNow();
      }
      throw new UncheckedIOException("cannot listen on " + address.getHostAddress() + ":" + cfg.port, e);
    }
  }

  /** The port listened on (the real one when built with port 0). */
  public int port() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server.getAddress().getPort();
  }

  /** The page's URL, e.g. {@code http://127.0.0.1:8900/}. */
  public String url() {
    String host = address.getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + port() + "/";
  }

  /** Whether the server is bound to a loopback address (no token needed). */
  public boolean loopback() {
    return loopback;
  }

  /** Closes the event streams, waits up to two seconds for requests in flight, stops listening and the threads. */
  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    events.close();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (router.inFlight() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    server.stop(0);
    pool.shutdown();
    try {
      if (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
    server = null;
  }

  /** Configuration of a {@link ClawMetryServer}. */
  public static final class Builder {
    private ClawMetry clawMetry;
    private int port = 8900;
    private String bind = "127.0.0.1";
    private String token;
    private Clock clock = Clock.systemDefaultZone();
    private GatewayBridge gateway = GatewayBridge.disconnected();
    private Duration refreshInterval = Duration.ofSeconds(2);
    private Duration heartbeat = Duration.ofSeconds(15);
    private int threads = 8;
    private int maxEventClients = 16;
    private double diskWarnPercent = HealthQuery.DEFAULT_DISK_WARN_PERCENT;

    private Builder() {}

    /** The facade to serve (required). The server does not close it. */
    public Builder clawMetry(ClawMetry cm) {
      this.clawMetry = Objects.requireNonNull(cm);
      return this;
    }

    /** The port; 0 picks a free one (see {@link ClawMetryServer#port()}). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** The address to bind ({@code 127.0.0.1} by default; anything else needs a token). */
    public Builder bind(String address) {
      this.bind = Objects.requireNonNull(address);
      return this;
    }

    /** The access token (required off loopback); null or empty for none. */
    public Builder token(String token) {
      this.token = token == null || token.isEmpty() ? null : token;
      return this;
    }

    /** The clock: default time zone of the API, login cookie lifetimes, event times. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** The live gateway connection; {@link GatewayBridge#disconnected()} by default. */
    public Builder gateway(GatewayBridge bridge) {
      this.gateway = Objects.requireNonNull(bridge);
      return this;
    }

    /** How often the event loop calls {@link ClawMetry#refresh()} (2 s by default). */
    public Builder refreshInterval(Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("refresh interval must be positive");
      }
      this.refreshInterval = d;
      return this;
    }

    /** How often an idle event stream gets a heartbeat comment (15 s by default). */
    public Builder heartbeat(Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("heartbeat must be positive");
      }
      this.heartbeat = d;
      return this;
    }

    /** Request threads (8 by default). */
    public Builder threads(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("threads must be at least 1");
      }
      this.threads = n;
      return this;
    }

    /** The most event streams open at once (16 by default); more get 503. */
    public Builder maxEventClients(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxEventClients must be at least 1");
      }
      this.maxEventClients = n;
      return this;
    }

    /** Disk usage percentage from which health warns (85 by default; must be in (0, 100]). */
    public Builder diskWarnPercent(double pct) {
      this.diskWarnPercent = HealthQuery.defaults().withDiskWarnPercent(pct).diskWarnPercent();
      return this;
    }

    /**
     * Checks the configuration.
     *
     * @throws IllegalStateException without a facade, or bound off loopback without a token
     * @throws IllegalArgumentException when the bind address does not resolve
     */
    public ClawMetryServer build() {
      if (clawMetry == null) {
        throw new IllegalStateException("clawMetry(...) is required");
      }
      InetAddress addr;
      try {
        addr = InetAddress.getByName(bind);
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("unknown bind address: " + bind);
      }
      boolean lo = addr.isLoopbackAddress();
      if (!lo && token == null) {
        throw new IllegalStateException(
            "refusing to listen on " + bind + " without a token: set CLAWMETRY_TOKEN (or bind 127.0.0.1)");
      }
      return new ClawMetryServer(this, addr, lo);
    }
  }
}
