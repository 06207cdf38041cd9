package io.clawmetry.core.usage;

import io.clawmetry.core.source.PrefixList;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An append-only store of calls in columns, about 40 bytes a call instead of ~220 for the objects: session id,
 * provider and model as numbers into per-store tables, the timestamp, token counters and recorded total as
 * primitives. {@link #get} decodes a new {@link Call} equal to the one added (every field exactly, nulls included).
 * Rows live in fixed-size chunks, so growing never copies a row, and {@link #prefix} is a cheap immutable view that
 * later appends do not disturb (a ledger that must read everything again starts a new store). One writer; a prefix
 * may be read by any thread once safely published.
 */
public final class CallColumns extends AbstractList<Call> implements PrefixList<Call>, RandomAccess {

  /** A provider and model, numbered together (a handful over millions of calls). */
  record Names(String provider, String model) {}

  private CallChunk[] chunks = new CallChunk[4];
  private final NameTable<String> sessions = new NameTable<>();
  private final NameTable<Names> names = new NameTable<>();
  private Names lastNames;
  private int size;

  /** An empty store. */
  public CallColumns() {}

  @Override
  public boolean add(Call c) {
    Objects.requireNonNull(c, "call");
    int chunk = size >>> CallChunk.SHIFT;
    if (chunk == chunks.length) {
      chunks = Arrays.copyOf(chunks, chunks.length * 2); // the old directory stays valid for older prefixes
    }
    if (chunks[chunk] == null) {
      chunks[chunk] = new CallChunk();
    }
    chunks[chunk].set(size & CallChunk.MASK, c, sessions.number(c.sessionId()), names.number(names(c)));
    size++;
    modCount++;
    return true;
  }

  private Names names(Call c) {
    Names n = lastNames;
    if (n == null || n.provider() != c.provider() || n.model() != c.model()) {
      n = new Names(c.provider(), c.model());
      lastNames = n;
    }
    return n;
  }

  @Override
  public Call get(int index) {
    Objects.checkIndex(index, size);
    return decode(chunks, sessions.values(), names.values(), index);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public List<Call> prefix(int n) {
    Objects.checkFromToIndex(0, n, size);
    return new Prefix(chunks, sessions.values(), names.values(), n);
  }

  private static Call decode(CallChunk[] chunks, Object[] sessions, Object[] names, int i) {
    return chunks[i >>> CallChunk.SHIFT].get(i & CallChunk.MASK, sessions, names);
  }

  /** The first rows of a store, with the directory and tables as they were when it was taken. */
  private static final class Prefix extends AbstractList<Call> implements RandomAccess {
    private final CallChunk[] chunks;
    private final Object[] sessions;
    private final Object[] names;
    private final int size;

    Prefix(CallChunk[] chunks, Object[] sessions, Object[] names, int size) {
      this.chunks = chunks;
      this.sessions = sessions;
      this.names = names;
      this.size = size;
    }

    @Override
    public Call get(int index) {
      Objects.checkIndex(index, size);
      return decode(chunks, sessions, names, index);
    }

    @Override
    public int size() {
      return size;
    }
  }
}
