package io.clawmetry.core.usage;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Distinct values numbered in the order they were first added (null is -1), for a column store that keeps an int per
 * row instead of a reference. Only grows: an array handed out by {@link #values()} keeps holding every value numbered
 * before, so a reader of an older prefix needs nothing else. One writer.
 *
 * @param <K> the values
 */
final class NameTable<K> {

  private final Map<K, Integer> numbers = new HashMap<>();
  private Object[] values = new Object[16];
  private K last;
  private int lastNumber = -1;

  /** The number of {@code k}, numbering it if it is new. */
  int number(K k) {
    if (k == null) {
      return -1;
    }
    if (k == last) {
      return lastNumber; // consecutive rows mostly share their session and model
    }
    Integer n = numbers.get(k);
    if (n == null) {
      n = numbers.size();
      if (n == values.length) {
        values = Arrays.copyOf(values, n * 2);
      }
      values[n] = k;
      numbers.put(k, n);
    }
    last = k;
    lastNumber = n;
    return n;
  }

  /** Every value numbered so far, at its number (the array may be longer). */
  Object[] values() {
    return values;
  }

  /** The value numbered {@code n} in {@code values}, or null for -1. */
  @SuppressWarnings("unchecked")
  static <K> K value(Object[] values, int n) {
    return n < 0 ? null : (K) values[n];
  }
}
