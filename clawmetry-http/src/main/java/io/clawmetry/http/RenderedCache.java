package io.clawmetry.http;

import java.util.function.Function;

/**
 * Remembers the rendered bytes of the last few results by identity. The facade hands out the same result object for
 * the same query until its data changes (one per generation), so a result seen again renders to the same bytes: a
 * 90 KiB usage report is serialised once per change instead of once per request. Thread-safe; bounded.
 */
final class RenderedCache<T> {

  private final Object[] keys;
  private final byte[][] values;
  private int next;

  RenderedCache(int size) {
    keys = new Object[size];
    values = new byte[size][];
  }

  /** The bytes of {@code result}, rendered by {@code render} unless this very object was rendered before. */
  byte[] get(T result, Function<T, byte[]> render) {
    synchronized (this) {
      for (int i = 0; i < keys.length; i++) {
        if (keys[i] == result) {
          return values[i];
        }
      }
    }
    byte[] bytes = render.apply(result);
    synchronized (this) {
      keys[next] = result;
      values[next] = bytes;
      next = (next + 1) % keys.length;
    }
    return bytes;
  }
}
