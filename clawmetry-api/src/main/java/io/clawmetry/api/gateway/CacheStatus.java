package io.clawmetry.api.gateway;

import java.time.Instant;

/**
 * The state of the gateway's usage rollup cache. Values served while it is not {@code fresh} are provisional: right
 * after activity they are zeros, after a restart a stale rollup.
 *
 * @param status {@code fresh}, {@code refreshing}, ...; {@code null} when the gateway reported none (older releases
 *     compute synchronously)
 * @param cachedFiles files in the cache, or null
 * @param pendingFiles files waiting to be read, or null
 * @param staleFiles stale files, or null
 * @param refreshedAt when the cache was last refreshed, or null
 */
public record CacheStatus(
    String status, Integer cachedFiles, Integer pendingFiles, Integer staleFiles, Instant refreshedAt) {

  /** Whether values read with this status must not be presented as final. */
  public boolean provisional() {
    return status != null && !"fresh".equals(status);
  }
}
