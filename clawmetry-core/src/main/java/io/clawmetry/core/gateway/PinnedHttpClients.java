package io.clawmetry.core.gateway;

import io.clawmetry.core.tls.PinningTrustManager;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * One {@link HttpClient} per pinned fingerprint, each trusting only that certificate ({@link PinningTrustManager}),
 * cached and sharing the gateway HTTP executor. JDK 17's HttpClient cannot be closed, so the cache keeps at most
 * {@link #MAX_CLIENTS}, least recently used dropped first; a dropped client still serves the connections that hold
 * it, and its selector thread ends once it is garbage.
 */
final class PinnedHttpClients {

  /** The most pinned clients kept. */
  static final int MAX_CLIENTS = 8;

  private static final Map<String, HttpClient> CLIENTS = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, HttpClient> eldest) {
      return size() > MAX_CLIENTS;
    }
  };

  private PinnedHttpClients() {}

  /** The client pinned to {@code fingerprint} (normalised), created on first use. */
  static synchronized HttpClient get(String fingerprint, Executor executor) {
    return CLIENTS.computeIfAbsent(fingerprint, fp -> HttpClient.newBuilder()
        .executor(executor)
        .followRedirects(HttpClient.Redirect.NEVER)
        .sslContext(PinningTrustManager.sslContext(fp))
        .build());
  }

  /** How many pinned clients are cached (tests). */
  static synchronized int size() {
    return CLIENTS.size();
  }
}
