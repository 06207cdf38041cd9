package io.clawmetry.core.gateway;

import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread naming for the gateway client, and the one {@link HttpClient} every gateway client shares. JDK 17's
 * HttpClient cannot be closed (its selector thread lives until the client is garbage), so one shared instance keeps
 * the thread count bounded however often clients are created; its executor is a cached pool of daemon threads.
 * Pinned {@code wss://} connections use separate clients on the same executor ({@link #http(String)}).
 */
final class GatewayThreads {

  /** Every thread one gateway client owns starts with this prefix (the shared HTTP pool uses {@code clawmetry-http-}). */
  static final String PREFIX = "clawmetry-gateway-";

  private static final ExecutorService HTTP_POOL = Executors.newCachedThreadPool(factory("clawmetry-http-", "pool"));
  private static final HttpClient HTTP =
      HttpClient.newBuilder().executor(HTTP_POOL).followRedirects(HttpClient.Redirect.NEVER).build();

  private GatewayThreads() {}

  static HttpClient http() {
    return HTTP;
  }

  /**
   * The client for a connection: the shared one (usual CA and host name checks) when {@code fingerprint} is null, else
   * the cached client pinned to it ({@link PinnedHttpClients}, same executor).
   */
  static HttpClient http(String fingerprint) {
    return fingerprint == null ? HTTP : PinnedHttpClients.get(fingerprint, HTTP_POOL);
  }

  static ThreadFactory factory(String role) {
    return factory(PREFIX, role);
  }

  private static ThreadFactory factory(String prefix, String role) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + role + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
