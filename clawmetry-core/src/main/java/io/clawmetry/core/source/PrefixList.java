package io.clawmetry.core.source;

import java.util.List;

/**
 * A list that only grows (a ledger starts a new one instead of clearing it) and can hand out an immutable view of its
 * first items cheaply: a view another thread reads while this list is appended to, without copying anything.
 *
 * @param <T> the items
 */
public interface PrefixList<T> extends List<T> {

  /**
   * The first {@code n} items, as an immutable list that later appends leave exactly as it is.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= n <= size()}
   */
  List<T> prefix(int n);
}
