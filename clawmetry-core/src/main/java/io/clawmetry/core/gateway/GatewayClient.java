package io.clawmetry.core.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.gateway.ChatHistory;
import io.clawmetry.api.gateway.ConfigSnapshot;
import io.clawmetry.api.gateway.ConnectionState;
import io.clawmetry.api.gateway.CronRunMode;
import io.clawmetry.api.gateway.CronRunResult;
import io.clawmetry.api.gateway.CronServiceStatus;
import io.clawmetry.api.gateway.Gateway;
import io.clawmetry.api.gateway.GatewayErrorKind;
import io.clawmetry.api.gateway.GatewayEvent;
import io.clawmetry.api.gateway.GatewayEventListener;
import io.clawmetry.api.gateway.GatewayHealth;
import io.clawmetry.api.gateway.GatewayStatus;
import io.clawmetry.api.gateway.Hello;
import io.clawmetry.api.gateway.LiveCronJob;
import io.clawmetry.api.gateway.LiveCronRun;
import io.clawmetry.api.gateway.LiveModel;
import io.clawmetry.api.gateway.LiveSession;
import io.clawmetry.api.gateway.LiveTask;
import io.clawmetry.api.gateway.LogsTail;
import io.clawmetry.api.gateway.Page;
import io.clawmetry.api.gateway.PresenceEntry;
import io.clawmetry.api.gateway.ServerStatus;
import io.clawmetry.api.gateway.SessionsUsage;
import io.clawmetry.api.gateway.UsageCost;
import io.clawmetry.api.gateway.UsageLogEntry;
import io.clawmetry.api.gateway.UsageTimeseries;
import io.clawmetry.core.gateway.ConnectParams.AuthChoice;
import io.clawmetry.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The OpenClaw gateway client (protocol 3..4 on {@code java.net.http.WebSocket}): handshake with an Ed25519 device
 * identity, requests correlated by id with a timeout each, live events, a tick watchdog, and reconnection with
 * exponential backoff and jitter. Build one with {@link #builder(URI)} or {@link GatewayConnector}.
 *
 * <p>Calls never wait for a connection that is down: they fail at once with a {@link GatewayException} whose message
 * is one line for the user; {@link #status()} is always immediate. The first call on a client never connected
 * connects (bounded by the timeouts).
 */
public final class GatewayClient implements Gateway {

  /** The scopes requested by default: read only. */
  public static final List<String> READ_SCOPES = List.of("operator.read");
  /** The scopes requested for management commands. */
  public static final List<String> ADMIN_SCOPES = List.of("operator.read", "operator.admin");

  private final Builder cfg;
  private final String url;
  private final ScheduledThreadPoolExecutor timer;
  private final ExecutorService events;
  private final Backoff backoff;
  private final AtomicReference<GatewayStatus> status = new AtomicReference<>();
  private final List<GatewayEventListener> listeners = new CopyOnWriteArrayList<>();
  private final java.util.Set<String> messageSubscriptions = new java.util.concurrent.ConcurrentSkipListSet<>();
  private final AtomicLong ids = new AtomicLong();
  private final Object connectLock = new Object();
  private volatile WsSession session;
  private volatile Hello hello;
  private volatile boolean closed;
  private volatile ScheduledFuture<?> reconnectTask;
  private volatile DeviceIdentity device;

  private GatewayClient(Builder b) {
    this.cfg = b;
    this.url = b.uri.toString();
    this.timer = new ScheduledThreadPoolExecutor(2, GatewayThreads.factory("timer"));
    this.timer.setRemoveOnCancelPolicy(true);
    this.events = Executors.newSingleThreadExecutor(GatewayThreads.factory("events"));
    this.backoff = new Backoff(b.backoffBase, b.backoffMax, b.random);
    status.set(new GatewayStatus(ConnectionState.IDLE, url, "not connected yet", null, null, Instant.now(), null,
        null, List.of(), null));
  }

  /** A builder for a gateway at {@code ws://…} or {@code wss://…}. */
  public static Builder builder(URI url) {
    return new Builder(url);
  }

  // ---------------------------------------------------------------- connection

  /**
   * Connects now (or returns the current {@code hello-ok}); retries {@code UNAVAILABLE startup-sidecars} on a new
   * socket within the startup budget.
   *
   * @throws GatewayException with a one-line message when the gateway cannot be reached or refuses
   */
  public Hello connect() {
    synchronized (connectLock) {
      if (closed) {
        throw new GatewayException(GatewayErrorKind.CLOSED, "the gateway client is closed");
      }
      WsSession s = session;
      if (s != null && !s.isDead() && hello != null) {
        return hello;
      }
      setStatus(ConnectionState.CONNECTING, "connecting", null);
      try {
        Hello h = handshake();
        backoff.reset();
        return h;
      } catch (GatewayException e) {
        setStatus(ConnectionState.DOWN, e.getMessage(), e);
        throw e;
      }
    }
  }

  private Hello handshake() {
    if (cfg.refusal != null) { // before the device identity: a refused client touches no state
      throw new GatewayException(cfg.refusal.kind(), cfg.refusal.getMessage());
    }
    DeviceIdentity dev = deviceIdentity();
    long deadline = System.nanoTime() + cfg.startupRetryBudget.toNanos();
    boolean forceShared = false;
    while (true) {
      if (closed) {
        throw new GatewayException(GatewayErrorKind.CLOSED, "the gateway client is closed");
      }
      AuthChoice auth = chooseAuth(dev, forceShared);
      WsSession s = new WsSession(cfg.preAuthMaxIncoming, cfg.preAuthMaxOutgoing, timer, this::onEventFrame);
      try {
        return attempt(s, dev, auth);
      } catch (GatewayException e) {
        s.fail(e);
        long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (e.kind() == GatewayErrorKind.STARTING) {
          long delay = Math.max(100, Math.min(2000, e.retryAfterMs() == null ? 500 : e.retryAfterMs()));
          if (delay < remainingMs) {
            sleep(delay);
            continue;
          }
          throw new GatewayException(GatewayErrorKind.STARTING,
              e.getMessage() + " (still starting after " + cfg.startupRetryBudget.toSeconds() + " s)");
        }
        if (auth.kind() == AuthChoice.Kind.DEVICE_TOKEN && !forceShared && hasSharedSecret()
            && (e.kind() == GatewayErrorKind.AUTH_FAILED || e.kind() == GatewayErrorKind.PAIRING_REQUIRED)) {
          cfg.store.forgetToken(url, dev.deviceId());
          forceShared = true;
          continue;
        }
        throw e;
      }
    }
  }

  private Hello attempt(WsSession s, DeviceIdentity dev, AuthChoice auth) {
    String pin = cfg.tlsPin == null ? null : cfg.tlsPin.current();
    String advice = pin != null ? null
        : cfg.tlsPin != null && cfg.tlsPin.certificateFile() != null
            ? "the gateway's certificate " + cfg.tlsPin.certificateFile() + " could not be read to pin it; pin it"
                + " with --tls-fingerprint"
            : TlsFailures.PIN_ADVICE;
    s.open(GatewayThreads.http(pin), cfg.uri, cfg.connectTimeout, advice);
    JsonNode ch = s.awaitChallenge(cfg.challengeTimeout);
    String nonce = JsonReads.text(ch, "nonce");
    if (nonce == null) {
      throw new GatewayException(GatewayErrorKind.PROTOCOL_ERROR, "the gateway's connect.challenge has no nonce");
    }
    Long ts = JsonReads.lng(ch, "ts");
    ObjectNode params = ConnectParams.build(cfg.clientVersion, cfg.scopes, auth, dev, nonce,
        ts == null ? System.currentTimeMillis() : ts);
    JsonNode res = await(s.request(nextId(), "connect", params, cfg.handshakeTimeout), cfg.handshakeTimeout);
    if (!res.path("ok").asBoolean(false)) {
      GatewayException e = GatewayErrors.fromError(res.get("error"), "connect", dev == null ? null : dev.deviceId());
      s.close("connect refused");
      throw e;
    }
    JsonNode payload = res.path("payload");
    Hello h = HelloParser.parse(payload);
    if (h.protocol() < ConnectParams.MIN_PROTOCOL || h.protocol() > ConnectParams.MAX_PROTOCOL) {
      throw new GatewayException(GatewayErrorKind.PROTOCOL_MISMATCH,
          "the gateway chose protocol " + h.protocol() + "; ClawMetry speaks 3 to 4");
    }
    String issued = JsonReads.text(payload.path("auth"), "deviceToken");
    if (dev != null && issued != null) {
      try {
        cfg.store.saveToken(url, dev.deviceId(), issued, h.grantedScopes(), JsonReads.lng(payload.path("auth"),
            "issuedAtMs"));
      } catch (IOException e) {
        // the shared credential still works next time; the token is only a convenience
      }
    }
    s.applyPolicy(Math.min(h.maxPayload(), cfg.maxFrameBytes), h.tickIntervalMs());
    install(s, h);
    return h;
  }

  private void install(WsSession s, Hello h) {
    session = s;
    hello = h;
    DeviceIdentity d = device;
    status.set(new GatewayStatus(ConnectionState.CONNECTED, url, "connected", null, null, Instant.now(),
        h.serverVersion(), h.protocol(), h.grantedScopes(), d == null ? null : d.deviceId()));
    s.dead().thenAccept(reason -> onSessionDead(s, reason));
    dispatch(new GatewayEvent("clawmetry.connected", null, null));
    s.releaseEvents();
    if (!messageSubscriptions.isEmpty()) {
      timer.execute(this::resubscribe);
    }
  }

  private void resubscribe() {
    try {
      call("sessions.subscribe", Json.STRICT.createObjectNode());
      for (String key : messageSubscriptions) {
        call("sessions.messages.subscribe", Json.STRICT.createObjectNode().put("key", key));
      }
    } catch (GatewayException e) {
      // the connection dropped again: the next install re-subscribes
    }
  }

  @Override
  public void subscribeSessionMessages(String sessionKey) {
    boolean first = messageSubscriptions.isEmpty();
    messageSubscriptions.add(sessionKey);
    if (first) {
      call("sessions.subscribe", Json.STRICT.createObjectNode());
    }
    call("sessions.messages.subscribe", Json.STRICT.createObjectNode().put("key", sessionKey));
  }

  private void onSessionDead(WsSession s, GatewayException reason) {
    if (closed || s != session) {
      return;
    }
    session = null;
    dispatch(new GatewayEvent("clawmetry.disconnected", null, null));
    if (!cfg.autoReconnect) {
      setStatus(ConnectionState.DOWN, reason.getMessage(), reason);
      return;
    }
    scheduleReconnect(reason);
  }

  private void scheduleReconnect(GatewayException reason) {
    long delay = backoff.nextDelayMs();
    setStatus(ConnectionState.DOWN, reason.getMessage() + "; reconnecting in " + delay + " ms", reason);
    try {
      reconnectTask = timer.schedule(this::reconnectAttempt, delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closed meanwhile
    }
  }

  private void reconnectAttempt() {
    if (closed) {
      return;
    }
    try {
      connect();
    } catch (GatewayException e) {
      if (closed) {
        return;
      }
      switch (e.kind()) {
        case AUTH_FAILED, AUTH_REQUIRED, PROTOCOL_MISMATCH, CLOSED -> setStatus(ConnectionState.DOWN,
            e.getMessage() + " (not retrying)", e);
        default -> scheduleReconnect(e);
      }
    }
  }

  private DeviceIdentity deviceIdentity() {
    if (!cfg.useDevice) {
      return null;
    }
    DeviceIdentity d = device;
    if (d == null) {
      try {
        d = cfg.store.identity();
      } catch (IOException e) {
        throw new GatewayException(GatewayErrorKind.AUTH_FAILED,
            "cannot use ClawMetry's device key in " + cfg.store.dir() + ": " + e.getMessage());
      }
      device = d;
    }
    return d;
  }

  private boolean hasSharedSecret() {
    return cfg.token != null || cfg.password != null;
  }

  private AuthChoice chooseAuth(DeviceIdentity dev, boolean forceShared) {
    Optional<DeviceStore.StoredToken> stored =
        dev == null ? Optional.empty() : cfg.store.token(url, dev.deviceId());
    if (stored.isPresent() && !forceShared && stored.get().scopes().containsAll(cfg.scopes)) {
      return new AuthChoice(AuthChoice.Kind.DEVICE_TOKEN, stored.get().token());
    }
    if (cfg.token != null) {
      return new AuthChoice(AuthChoice.Kind.TOKEN, cfg.token);
    }
    if (cfg.password != null) {
      return new AuthChoice(AuthChoice.Kind.PASSWORD, cfg.password);
    }
    if (stored.isPresent()) {
      return new AuthChoice(AuthChoice.Kind.DEVICE_TOKEN, stored.get().token());
    }
    return new AuthChoice(AuthChoice.Kind.NONE, null);
  }

  // ---------------------------------------------------------------- requests

  /**
   * Calls a method and returns its {@code payload} (a {@code NullNode} when absent). Prefer the typed methods.
   *
   * @throws GatewayException when not connected, on timeout, or when the gateway answers an error
   */
  public JsonNode call(String method, JsonNode params) {
    WsSession s = session;
    if (s == null || s.isDead()) {
      GatewayStatus st = status.get();
      if (st.state() != ConnectionState.IDLE || closed) {
        GatewayErrorKind k = closed ? GatewayErrorKind.CLOSED
            : st.lastErrorKind() == null ? GatewayErrorKind.GATEWAY_DOWN : st.lastErrorKind();
        throw new GatewayException(k, "gateway not connected: " + st.reason());
      }
      connect();
      s = session;
      if (s == null) {
        throw new GatewayException(GatewayErrorKind.CONNECTION_LOST, "gateway not connected: " + status.get().reason());
      }
    }
    JsonNode res = await(s.request(nextId(), method, params, cfg.requestTimeout), cfg.requestTimeout);
    if (res.path("ok").asBoolean(false)) {
      JsonNode p = res.get("payload");
      return p == null ? Json.STRICT.getNodeFactory().nullNode() : p;
    }
    DeviceIdentity d = device;
    throw GatewayErrors.fromError(res.get("error"), method, d == null ? null : d.deviceId());
  }

  JsonNode call(String method) {
    return call(method, Json.STRICT.createObjectNode());
  }

  private static JsonNode await(CompletableFuture<JsonNode> f, Duration timeout) {
    try {
      return f.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(false);
      throw new GatewayException(GatewayErrorKind.TIMEOUT, "no answer from the gateway within " + timeout.toMillis()
          + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GatewayException(GatewayErrorKind.CLOSED, "interrupted while waiting for the gateway");
    } catch (ExecutionException e) {
      throw WsSession.unwrap(e.getCause());
    }
  }

  private String nextId() {
    return "cm-" + ids.incrementAndGet();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GatewayException(GatewayErrorKind.CLOSED, "interrupted");
    }
  }

  // ---------------------------------------------------------------- events and status

  private void onEventFrame(JsonNode frame) {
    String event = frame.path("event").asText();
    if ("tick".equals(event)) {
      return;
    }
    JsonNode payload = frame.get("payload");
    dispatch(new GatewayEvent(event, JsonReads.lng(frame, "seq"), payload == null ? null : JsonReads.raw(payload)));
  }

  private void dispatch(GatewayEvent e) {
    if (listeners.isEmpty()) {
      return;
    }
    try {
      events.execute(() -> {
        for (GatewayEventListener l : listeners) {
          try {
            l.onEvent(e);
          } catch (RuntimeException ignored) {
            // a failing listener must not stop the others
          }
        }
      });
    } catch (RejectedExecutionException ignored) {
      // closed
    }
  }

  private void setStatus(ConnectionState state, String reason, GatewayException error) {
    GatewayStatus old = status.get();
    Hello h = hello;
    DeviceIdentity d = device;
    status.set(new GatewayStatus(state, url, reason,
        error == null ? old.lastError() : error.getMessage(), error == null ? old.lastErrorKind() : error.kind(),
        Instant.now(), h == null ? null : h.serverVersion(), h == null ? null : h.protocol(),
        state == ConnectionState.CONNECTED && h != null ? h.grantedScopes() : List.of(),
        d == null ? null : d.deviceId()));
  }

  @Override
  public GatewayStatus status() {
    return status.get();
  }

  @Override
  public Optional<Hello> hello() {
    return Optional.ofNullable(hello);
  }

  /** This client's device id, once the identity was loaded (after the first connect), else null. */
  public String deviceId() {
    DeviceIdentity d = device;
    return d == null ? null : d.deviceId();
  }

  @Override
  public void addListener(GatewayEventListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(GatewayEventListener listener) {
    listeners.remove(listener);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    ScheduledFuture<?> r = reconnectTask;
    if (r != null) {
      r.cancel(false);
    }
    WsSession s = session;
    if (s != null) {
      s.close("client closed");
    }
    status.set(new GatewayStatus(ConnectionState.IDLE, url, "closed", status.get().lastError(),
        status.get().lastErrorKind(), Instant.now(), null, null, List.of(), deviceId()));
    timer.shutdownNow();
    events.shutdown();
    try {
      timer.awaitTermination(2, TimeUnit.SECONDS);
      events.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---------------------------------------------------------------- typed reads

  @Override
  public GatewayHealth health() {
    return Payloads.health(call("health"));
  }

  @Override
  public ServerStatus serverStatus() {
    return Payloads.serverStatus(call("status"));
  }

  @Override
  public Page<LiveSession> sessions(int limit, int offset) {
    ObjectNode p = Json.STRICT.createObjectNode();
    if (limit > 0) {
      p.put("limit", limit);
    }
    if (offset > 0) {
      p.put("offset", offset);
    }
    return Payloads.sessions(call("sessions.list", p));
  }

  /**
   * Every session, following {@code nextOffset}. When the connection lacks {@code operator.read} and a shared token
   * is configured, falls back to {@code POST /tools/invoke sessions_list} (see {@link GatewayHttp}).
   */
  @Override
  public List<LiveSession> allSessions() {
    try {
      return allSessionsWs();
    } catch (GatewayException e) {
      if (e.kind() != GatewayErrorKind.MISSING_SCOPE || !cfg.httpFallback || cfg.token == null) {
        throw e;
      }
      return new GatewayHttp(cfg.uri, cfg.token, cfg.requestTimeout,
          cfg.tlsPin == null ? null : cfg.tlsPin.current()).sessions();
    }
  }

  private List<LiveSession> allSessionsWs() {
    List<LiveSession> all = new ArrayList<>();
    int offset = 0;
    for (int pages = 0; pages < 1000; pages++) {
      Page<LiveSession> page = sessions(100, offset);
      all.addAll(page.items());
      if (!page.hasMore() || page.nextOffset() == null || page.nextOffset() <= offset) {
        break;
      }
      offset = page.nextOffset();
    }
    return all;
  }

  @Override
  public ChatHistory chatHistory(String sessionKey, int limit) {
    ObjectNode p = Json.STRICT.createObjectNode().put("sessionKey", sessionKey);
    if (limit > 0) {
      p.put("limit", Math.min(1000, limit));
    }
    return Payloads.chatHistory(call("chat.history", p));
  }

  @Override
  public SessionsUsage sessionsUsage(String range, String sessionKey) {
    ObjectNode p = Json.STRICT.createObjectNode();
    if (range != null) {
      p.put("range", range);
    }
    if (sessionKey != null) {
      p.put("key", sessionKey);
    }
    return Payloads.sessionsUsage(call("sessions.usage", p));
  }

  @Override
  public UsageTimeseries usageTimeseries(String sessionKey) {
    return Payloads.timeseries(call("sessions.usage.timeseries",
        Json.STRICT.createObjectNode().put("key", sessionKey)));
  }

  @Override
  public List<UsageLogEntry> usageLogs(String sessionKey, int limit) {
    ObjectNode p = Json.STRICT.createObjectNode().put("key", sessionKey);
    if (limit > 0) {
      p.put("limit", limit);
    }
    return Payloads.usageLogs(call("sessions.usage.logs", p));
  }

  @Override
  public UsageCost usageCost(int days) {
    ObjectNode p = Json.STRICT.createObjectNode();
    if (days > 0) {
      p.put("days", days);
    }
    return Payloads.usageCost(call("usage.cost", p));
  }

  @Override
  public CronServiceStatus cronStatus() {
    return Payloads.cronStatus(call("cron.status"));
  }

  @Override
  public List<LiveCronJob> cronJobs() {
    List<LiveCronJob> all = new ArrayList<>();
    int offset = 0;
    for (int pages = 0; pages < 1000; pages++) {
      ObjectNode p = Json.STRICT.createObjectNode().put("includeDisabled", true).put("limit", 200);
      if (offset > 0) {
        p.put("offset", offset);
      }
      Page<LiveCronJob> page = Payloads.cronJobs(call("cron.list", p));
      all.addAll(page.items());
      if (!page.hasMore() || page.nextOffset() == null || page.nextOffset() <= offset) {
        break;
      }
      offset = page.nextOffset();
    }
    return all;
  }

  @Override
  public Page<LiveCronRun> cronRuns(String jobId, int limit) {
    ObjectNode p = Json.STRICT.createObjectNode();
    if (jobId == null) {
      p.put("scope", "all");
    } else {
      p.put("id", jobId);
    }
    if (limit > 0) {
      p.put("limit", Math.min(200, limit));
    }
    return Payloads.cronRuns(call("cron.runs", p));
  }

  @Override
  public List<LiveTask> tasks() {
    return Payloads.tasks(call("tasks.list"));
  }

  @Override
  public LogsTail logsTail(Long cursor, int limit) {
    ObjectNode p = Json.STRICT.createObjectNode();
    if (cursor != null) {
      p.put("cursor", cursor);
    }
    if (limit > 0) {
      p.put("limit", Math.min(5000, limit));
    }
    return Payloads.logsTail(call("logs.tail", p));
  }

  @Override
  public ConfigSnapshot config() {
    return Payloads.config(call("config.get"));
  }

  @Override
  public List<LiveModel> models() {
    return Payloads.models(call("models.list"));
  }

  @Override
  public List<PresenceEntry> presence() {
    return Payloads.presence(call("system-presence"));
  }

  // ---------------------------------------------------------------- the only writes (operator.admin, on request)

  @Override
  public LiveCronJob cronSetEnabled(String jobId, boolean enabled) {
    ObjectNode p = Json.STRICT.createObjectNode().put("id", jobId);
    p.putObject("patch").put("enabled", enabled);
    return Payloads.cronJob(call("cron.update", p));
  }

  @Override
  public LiveCronJob cronUpdate(String jobId, String patchJson) {
    ObjectNode p = Json.STRICT.createObjectNode().put("id", jobId);
    p.set("patch", parseObject(patchJson, "patch"));
    return Payloads.cronJob(call("cron.update", p));
  }

  @Override
  public CronRunResult cronRun(String jobId, CronRunMode mode) {
    ObjectNode p = Json.STRICT.createObjectNode().put("id", jobId).put("mode", mode.wire());
    return Payloads.cronRunResult(call("cron.run", p));
  }

  @Override
  public LiveCronJob cronAdd(String jobJson) {
    JsonNode res = call("cron.add", parseObject(jobJson, "job"));
    return Payloads.cronJob(res.path("job").isObject() ? res.get("job") : res);
  }

  @Override
  public void cronRemove(String jobId) {
    call("cron.remove", Json.STRICT.createObjectNode().put("id", jobId));
  }

  private static JsonNode parseObject(String json, String what) {
    try {
      JsonNode n = Json.LENIENT.readTree(json);
      if (n == null || !n.isObject()) {
        throw new GatewayException(GatewayErrorKind.INVALID_REQUEST, "the " + what + " must be a JSON object");
      }
      return n;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new GatewayException(GatewayErrorKind.INVALID_REQUEST, "the " + what + " is not valid JSON: "
          + e.getOriginalMessage());
    }
  }

  // ---------------------------------------------------------------- builder

  /** Settings of a {@link GatewayClient}; every timeout is bounded. */
  public static final class Builder {
    private final URI uri;
    private String token;
    private String password;
    private List<String> scopes = READ_SCOPES;
    private DeviceStore store;
    private boolean useDevice = true;
    private String clientVersion = "0.1.0";
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration challengeTimeout = Duration.ofSeconds(5);
    private Duration handshakeTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(20);
    private Duration startupRetryBudget = Duration.ofSeconds(30);
    private Duration backoffBase = Duration.ofMillis(500);
    private Duration backoffMax = Duration.ofSeconds(30);
    private boolean autoReconnect = true;
    private boolean httpFallback = true;
    private long maxFrameBytes = HelloParser.DEFAULT_MAX_PAYLOAD;
    private long preAuthMaxIncoming = 256 * 1024;
    private long preAuthMaxOutgoing = 64 * 1024;
    private Random random = new Random();
    private TlsPinSource tlsPin;
    private GatewayException refusal;
    private java.util.function.Function<String, String> environment = System::getenv;

    private Builder(URI uri) {
      String scheme = uri.getScheme() == null ? "" : uri.getScheme();
      if (!scheme.equals("ws") && !scheme.equals("wss")) {
        throw new IllegalArgumentException("gateway URL must be ws:// or wss://, got " + uri);
      }
      this.uri = uri.getPath() == null || uri.getPath().isEmpty() ? URI.create(uri + "/") : uri;
    }

    /** The shared gateway token ({@code gateway.auth.token}); needed to pair a new device. */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    /** The gateway password ({@code gateway.auth.mode = password}). */
    public Builder password(String password) {
      this.password = password;
      return this;
    }

    /** Request {@code operator.read} and {@code operator.admin} (management commands only). */
    public Builder admin(boolean admin) {
      this.scopes = admin ? ADMIN_SCOPES : READ_SCOPES;
      return this;
    }

    /** Where the device key and tokens live (default {@code CLAWMETRY_HOME} or {@code ~/.clawmetry}). */
    public Builder deviceStore(DeviceStore store) {
      this.store = store;
      return this;
    }

    /** Whether to connect with a device identity (default true; without one, 2026.4+ grants no scope). */
    public Builder useDeviceIdentity(boolean use) {
      this.useDevice = use;
      return this;
    }

    /** ClawMetry's version, sent as {@code client.version} and in {@code clawmetry/<version>}. */
    public Builder clientVersion(String version) {
      this.clientVersion = version;
      return this;
    }

    /** Timeouts: socket connect, challenge wait, connect answer, each request. */
    public Builder timeouts(Duration connect, Duration challenge, Duration handshake, Duration request) {
      this.connectTimeout = connect;
      this.challengeTimeout = challenge;
      this.handshakeTimeout = handshake;
      this.requestTimeout = request;
      return this;
    }

    /** How long {@code UNAVAILABLE} (gateway starting) answers are retried (default 30 s). */
    public Builder startupRetryBudget(Duration budget) {
      this.startupRetryBudget = budget;
      return this;
    }

    /** Reconnect backoff: first delay and cap (±25 % jitter). */
    public Builder backoff(Duration base, Duration max) {
      this.backoffBase = base;
      this.backoffMax = max;
      return this;
    }

    /** Whether a lost connection is re-established in the background (default true). */
    public Builder autoReconnect(boolean on) {
      this.autoReconnect = on;
      return this;
    }

    /** Whether {@link #allSessions()} may use HTTP {@code /tools/invoke} when the read scope is missing (default on). */
    public Builder httpFallback(boolean on) {
      this.httpFallback = on;
      return this;
    }

    /** The largest frame accepted after hello (default and cap: the gateway policy, 25 MiB). */
    public Builder maxFrameBytes(long bytes) {
      this.maxFrameBytes = bytes;
      return this;
    }

    /** Frame limits before hello: incoming (default 256 KiB; hello-ok is ≈ 17 KB) and outgoing (64 KiB). */
    public Builder preAuthLimits(long incoming, long outgoing) {
      this.preAuthMaxIncoming = incoming;
      this.preAuthMaxOutgoing = outgoing;
      return this;
    }

    /**
     * Pins the gateway's TLS certificate (OpenClaw's {@code tlsFingerprint}): the {@code wss://} connection then
     * trusts exactly a server whose leaf certificate has this SHA-256 fingerprint, whatever its CA, validity dates and
     * host name, which is what pinning a self-signed certificate means; any other certificate fails the connection
     * with {@link GatewayErrorKind#TLS_UNTRUSTED}. Without a pin the usual CA and host name checks apply.
     *
     * @param fingerprint 64 hex digits or 32 colon-separated hex pairs, optionally prefixed {@code sha256:}
     * @throws IllegalArgumentException "Invalid TLS fingerprint; expected a SHA-256 certificate fingerprint"
     */
    public Builder tlsFingerprint(String fingerprint) {
      this.tlsPin = TlsPinSource.fixed(fingerprint);
      return this;
    }

    /**
     * Pins whatever certificate {@code file} (PEM, at most 64 KiB) holds, read again at each connection: the local
     * gateway's own {@code gateway.tls} certificate. While it cannot be read the usual CA validation applies.
     */
    public Builder tlsCertificateFile(Path file) {
      this.tlsPin = TlsPinSource.certificateFile(file);
      return this;
    }

    /** The TLS pin set, or null (tests). */
    TlsPinSource tlsPin() {
      return tlsPin;
    }

    /** The shared token set, or null (tests). */
    String token() {
      return token;
    }

    /** The shared password set, or null (tests). */
    String password() {
      return password;
    }

    /** The refusal every connection attempt gets ({@link #refuse}), or null (tests). */
    GatewayException refusal() {
      return refusal;
    }

    /** The jitter source (tests pass a seeded one). */
    public Builder random(Random random) {
      this.random = random;
      return this;
    }

    /**
     * The client, not yet connected.
     *
     * @throws IllegalArgumentException when a TLS pin is set for a {@code ws://} URL
     */
    /**
     * A client that never connects: every connection attempt fails with {@code kind} and {@code message}, and its
     * status says so (a configuration ClawMetry must not act on, such as an invalid TLS pin).
     */
    Builder refuse(GatewayErrorKind kind, String message) {
      this.refusal = new GatewayException(kind, message);
      return this;
    }

    /** Where {@link PlaintextWs#ALLOW_PRIVATE} is read (the process environment by default). */
    Builder environment(java.util.function.Function<String, String> lookup) {
      this.environment = lookup;
      return this;
    }

    public GatewayClient build() {
      if (tlsPin != null && !"wss".equals(uri.getScheme())) {
        throw new IllegalArgumentException("a TLS fingerprint needs a wss:// gateway URL, got " + uri);
      }
      String plaintext = PlaintextWs.refusal(uri, "1".equals(environment.apply(PlaintextWs.ALLOW_PRIVATE)));
      if (plaintext != null && refusal == null) {
        throw new IllegalArgumentException(plaintext);
      }
      if (store == null) {
        store = new DeviceStore(DeviceStore.defaultDir(io.clawmetry.core.discovery.Environment.system()));
      }
      return new GatewayClient(this);
    }
  }
}
