package io.clawmetry.core.source;

import java.util.Arrays;

/**
 * Where a plain transcript file's assistant messages are, learnt by a full read, so that a later usage scan of the
 * unchanged file parses those lines only (plus the lines before the header, which set the stream's session id):
 * 12 bytes per line. Incomplete (unusable) when a line was too long to keep its bytes.
 */
final class AssistantLines {

  private static final int OFFSET_BITS = 40;
  private static final long LENGTH_MASK = (1L << (64 - OFFSET_BITS)) - 1;

  private long[] ranges = new long[16];
  private int[] numbers = new int[16];
  private int size;
  private boolean complete = true;

  /** Records one line (its byte offset, length without terminator, and 1-based number). */
  void add(long offset, int length, long number) {
    if (offset >= 1L << OFFSET_BITS || length > LENGTH_MASK || number > Integer.MAX_VALUE) {
      complete = false;
      return;
    }
    if (size == ranges.length) {
      ranges = Arrays.copyOf(ranges, size * 2);
      numbers = Arrays.copyOf(numbers, size * 2);
    }
    ranges[size] = offset << (64 - OFFSET_BITS) | length;
    numbers[size] = (int) number;
    size++;
  }

  /** Marks the record unusable (a line's bytes were not available). */
  void incomplete() {
    complete = false;
  }

  /** Whether every wanted line was recorded. */
  boolean complete() {
    return complete;
  }

  /** A compact copy. */
  AssistantLines trimmed() {
    AssistantLines t = new AssistantLines();
    t.ranges = Arrays.copyOf(ranges, size);
    t.numbers = Arrays.copyOf(numbers, size);
    t.size = size;
    t.complete = complete;
    return t;
  }

  int size() {
    return size;
  }

  long offset(int i) {
    return ranges[i] >>> (64 - OFFSET_BITS);
  }

  int length(int i) {
    return (int) (ranges[i] & LENGTH_MASK);
  }

  long number(int i) {
    return numbers[i];
  }

  /** The end of the last line (how many bytes must be read). */
  long end() {
    return size == 0 ? 0 : offset(size - 1) + length(size - 1);
  }
}
