package io.clawmetry.core.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.gateway.GatewayErrorKind;
import io.clawmetry.core.json.Json;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One WebSocket connection to the gateway: frames in and out, requests correlated by id (many in flight, a timeout
 * each), events handed to a sink, a size limit per frame and a silence watchdog. When anything goes wrong the session
 * fails every pending request with the same {@link GatewayException} and reports it once to {@code onDead}.
 */
final class WsSession implements WebSocket.Listener {

  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final CompletableFuture<JsonNode> challenge = new CompletableFuture<>();
  private final CompletableFuture<GatewayException> dead = new CompletableFuture<>();
  private final FrameAssembler assembler;
  private final ScheduledExecutorService timer;
  private final Consumer<JsonNode> eventSink;
  private final Object sendLock = new Object();
  private CompletableFuture<?> sendChain = DONE;
  private volatile WebSocket ws;
  private volatile long lastFrameNanos = System.nanoTime();
  private volatile long maxOutgoing;
  private volatile ScheduledFuture<?> watchdog;
  private final java.util.List<JsonNode> held = new java.util.ArrayList<>();
  private boolean holding = true;

  WsSession(long maxIncoming, long maxOutgoing, ScheduledExecutorService timer, Consumer<JsonNode> eventSink) {
    this.assembler = new FrameAssembler(maxIncoming);
    this.maxOutgoing = maxOutgoing;
    this.timer = timer;
    this.eventSink = eventSink;
  }

  /**
   * Opens the socket, waiting at most {@code timeout}; {@code tlsAdvice}: what to do about an untrusted certificate
   * (null when {@code http} pins one).
   */
  void open(HttpClient http, URI uri, Duration timeout, String tlsAdvice) {
    CompletableFuture<WebSocket> f =
        http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(uri, this).toCompletableFuture();
    try {
      ws = f.get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      throw new GatewayException(GatewayErrorKind.CLOSED, "interrupted while connecting to " + uri);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new GatewayException(GatewayErrorKind.TIMEOUT, "no answer from the gateway at " + uri + " within "
          + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      throw openFailure(uri, e.getCause(), tlsAdvice);
    }
  }

  private static GatewayException openFailure(URI uri, Throwable cause, String tlsAdvice) {
    GatewayException tls = TlsFailures.explain(uri, cause, tlsAdvice);
    if (tls != null) {
      return tls;
    }
    Throwable c = cause;
    while (c != null) {
      if (c instanceof ConnectException || c instanceof UnresolvedAddressException) {
        return new GatewayException(GatewayErrorKind.GATEWAY_DOWN,
            "gateway down: nothing accepts connections at " + uri + " (connection refused)");
      }
      if (c instanceof HttpTimeoutException) {
        return new GatewayException(GatewayErrorKind.TIMEOUT, "gateway at " + uri + " did not answer in time");
      }
      if (c instanceof WebSocketHandshakeException h) {
        return new GatewayException(GatewayErrorKind.PROTOCOL_ERROR, "the server at " + uri
            + " refused the WebSocket upgrade (HTTP " + h.getResponse().statusCode() + "): is it an OpenClaw gateway?");
      }
      c = c.getCause();
    }
    return new GatewayException(GatewayErrorKind.GATEWAY_DOWN, "cannot connect to the gateway at " + uri + ": "
        + (cause == null ? "unknown error" : cause.getClass().getSimpleName() + " " + cause.getMessage()));
  }

  /** Waits for {@code connect.challenge}; returns its payload. */
  JsonNode awaitChallenge(Duration timeout) {
    try {
      return challenge.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      GatewayException g = new GatewayException(GatewayErrorKind.TIMEOUT,
          "the gateway sent no connect.challenge within " + timeout.toMillis() + " ms (not an OpenClaw gateway, or a"
              + " release older than 2026.1.30)");
      fail(g);
      throw g;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GatewayException(GatewayErrorKind.CLOSED, "interrupted");
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    }
  }

  /** Sends a request; the future completes with the whole {@code res} frame or fails with a GatewayException. */
  CompletableFuture<JsonNode> request(String id, String method, JsonNode params, Duration timeout) {
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    GatewayException d = dead.getNow(null);
    if (d != null) {
      f.completeExceptionally(d);
      return f;
    }
    ObjectNode frame = Json.STRICT.createObjectNode();
    frame.put("type", "req").put("id", id).put("method", method);
    if (params != null) {
      frame.set("params", params);
    }
    String text;
    try {
      text = Json.STRICT.writeValueAsString(frame);
    } catch (JsonProcessingException e) {
      f.completeExceptionally(new GatewayException(GatewayErrorKind.INVALID_REQUEST, method + ": " + e.getMessage()));
      return f;
    }
    long size = FrameAssembler.utf8Length(text);
    if (size > maxOutgoing) {
      f.completeExceptionally(new GatewayException(GatewayErrorKind.FRAME_TOO_LARGE,
          method + ": request of " + size + " bytes exceeds the gateway's limit of " + maxOutgoing + " bytes"));
      return f;
    }
    pending.put(id, f);
    ScheduledFuture<?> t = timer.schedule(() -> {
      if (pending.remove(id) != null) {
        f.completeExceptionally(new GatewayException(GatewayErrorKind.TIMEOUT,
            method + ": no answer from the gateway within " + timeout.toMillis() + " ms"));
      }
    }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    f.whenComplete((r, e) -> t.cancel(false));
    send(text).exceptionally(e -> {
      fail(new GatewayException(GatewayErrorKind.CONNECTION_LOST, "sending to the gateway failed: " + e.getMessage()));
      return null;
    });
    return f;
  }

  private CompletableFuture<?> send(String text) {
    synchronized (sendLock) {
      WebSocket w = ws;
      sendChain = sendChain.handle((r, e) -> null).thenCompose(x -> w.sendText(text, true));
      return sendChain;
    }
  }

  private void deliver(JsonNode frame) {
    synchronized (held) {
      if (holding) {
        held.add(frame);
        return;
      }
    }
    eventSink.accept(frame);
  }

  /** Events that arrive during the handshake are held until the session is installed; this releases them. */
  void releaseEvents() {
    synchronized (held) {
      holding = false;
      held.forEach(eventSink);
      held.clear();
    }
  }

  /** After hello: the policy's frame limit and the tick watchdog (2 silent ticks mean dead). */
  void applyPolicy(long maxPayload, long tickIntervalMs) {
    assembler.limit(maxPayload);
    maxOutgoing = maxPayload;
    long period = Math.max(20, tickIntervalMs / 4);
    watchdog = timer.scheduleWithFixedDelay(() -> {
      long silentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastFrameNanos);
      if (silentMs > 2 * tickIntervalMs) {
        fail(new GatewayException(GatewayErrorKind.CONNECTION_LOST, "the gateway went silent for " + silentMs
            + " ms (2 ticks of " + tickIntervalMs + " ms missed): connection declared dead"));
      }
    }, period, period, TimeUnit.MILLISECONDS);
  }

  /** Completes when the session dies, with the reason. */
  CompletableFuture<GatewayException> dead() {
    return dead;
  }

  boolean isDead() {
    return dead.isDone();
  }

  /** Fails everything pending with {@code reason} and drops the socket (idempotent: the first reason wins). */
  void fail(GatewayException reason) {
    if (!dead.complete(reason)) {
      return;
    }
    ScheduledFuture<?> w = watchdog;
    if (w != null) {
      w.cancel(false);
    }
    challenge.completeExceptionally(reason);
    for (String id : pending.keySet()) {
      CompletableFuture<JsonNode> f = pending.remove(id);
      if (f != null) {
        f.completeExceptionally(reason);
      }
    }
    WebSocket s = ws;
    if (s != null) {
      s.abort();
    }
  }

  /** Closes politely (close frame 1000), then drops the socket. */
  void close(String why) {
    WebSocket s = ws;
    if (s != null && !dead.isDone()) {
      try {
        s.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(500, TimeUnit.MILLISECONDS);
      } catch (RuntimeException ignored) {
        // closing anyway
      }
    }
    fail(new GatewayException(GatewayErrorKind.CLOSED, why));
  }

  // ---- WebSocket.Listener ----

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    lastFrameNanos = System.nanoTime();
    String whole;
    try {
      whole = assembler.append(data, last);
    } catch (GatewayException e) {
      fail(e);
      return null;
    }
    if (whole != null) {
      handle(whole);
    }
    if (!dead.isDone()) {
      webSocket.request(1);
    }
    return null;
  }

  private void handle(String text) {
    JsonNode frame;
    try {
      frame = Json.STRICT.readTree(text);
    } catch (JsonProcessingException e) {
      frame = null;
    }
    if (frame == null || !frame.isObject() || !frame.hasNonNull("type")) {
      String head = text.length() > 60 ? text.substring(0, 60) + "…" : text;
      fail(new GatewayException(GatewayErrorKind.PROTOCOL_ERROR,
          "the gateway sent a frame that is not a protocol frame: " + head.replaceAll("\\s+", " ")));
      return;
    }
    String type = frame.get("type").asText();
    if ("res".equals(type)) {
      CompletableFuture<JsonNode> f = pending.remove(frame.path("id").asText());
      if (f != null) {
        f.complete(frame);
      }
    } else if ("event".equals(type)) {
      String event = frame.path("event").asText();
      if ("connect.challenge".equals(event)) {
        challenge.complete(frame.path("payload"));
      } else {
        deliver(frame);
      }
    }
    // other frame types (a "req" from the gateway) are not for an operator client: ignored
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    fail(new GatewayException(GatewayErrorKind.PROTOCOL_ERROR, "the gateway sent a binary frame (text expected)"));
    return null;
  }

  @Override
  public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
    lastFrameNanos = System.nanoTime();
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
    lastFrameNanos = System.nanoTime();
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    fail(new GatewayException(GatewayErrorKind.CONNECTION_LOST, "the gateway closed the connection (" + statusCode
        + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")"));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    fail(new GatewayException(GatewayErrorKind.CONNECTION_LOST, "the connection to the gateway failed: "
        + error.getClass().getSimpleName() + (error.getMessage() == null ? "" : " " + error.getMessage())));
  }

  static GatewayException unwrap(Throwable t) {
    Throwable c = t;
    while (c != null) {
      if (c instanceof GatewayException g) {
        return g;
      }
      c = c.getCause();
    }
    return new GatewayException(GatewayErrorKind.CONNECTION_LOST, String.valueOf(t));
  }
}
