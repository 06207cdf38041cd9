package io.clawmetry.core.usage;

import io.clawmetry.api.RecordedCost;
import io.clawmetry.api.Usage;
import io.clawmetry.core.source.Binary;
import io.clawmetry.core.source.ItemCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * {@link Call}s in a ledger cache file: every field, the recorded cost as its exact total (the only part a call
 * keeps); session ids and names through the file's string table. Names are interned again when read, as {@link
 * Call#of} does.
 */
public final class CallCodec implements ItemCodec<Call> {

  /** The one instance. */
  public static final CallCodec INSTANCE = new CallCodec();

  private CallCodec() {}

  @Override
  public void write(DataOutput out, Call c, Binary.Strings strings) throws IOException {
    strings.write(out, c.sessionId());
    Binary.writeInstant(out, c.timestamp());
    strings.write(out, c.provider());
    strings.write(out, c.model());
    Usage u = c.usage();
    Binary.writeLong(out, u.input());
    Binary.writeLong(out, u.output());
    Binary.writeLong(out, u.cacheRead());
    Binary.writeLong(out, u.cacheWrite());
    Binary.writeLong(out, u.total());
    Binary.writeLong(out, u.reasoning());
    Binary.writeLong(out, u.cacheWrite1h());
    Binary.writeDecimal(out, u.recordedCost() == null ? null : u.recordedCost().total());
    out.writeBoolean(u.recordedCost() != null);
    out.writeBoolean(c.error());
    out.writeBoolean(c.heartbeat());
  }

  @Override
  public Call read(DataInput in, Binary.Strings strings) throws IOException {
    String sessionId = strings.read(in);
    java.time.Instant timestamp = Binary.readInstant(in);
    String provider = intern(strings.read(in));
    String model = intern(strings.read(in));
    long input = Binary.readLong(in);
    long output = Binary.readLong(in);
    long cacheRead = Binary.readLong(in);
    long cacheWrite = Binary.readLong(in);
    long total = Binary.readLong(in);
    long reasoning = Binary.readLong(in);
    long cacheWrite1h = Binary.readLong(in);
    java.math.BigDecimal cost = Binary.readDecimal(in);
    boolean hasCost = in.readBoolean();
    boolean error = in.readBoolean();
    boolean heartbeat = in.readBoolean();
    try {
      Usage u = new Usage(input, output, cacheRead, cacheWrite, total, reasoning,
          hasCost ? new RecordedCost(null, null, null, null, cost) : null, cacheWrite1h);
      return new Call(sessionId, timestamp, provider, model, u, error, heartbeat);
    } catch (RuntimeException e) {
      throw new IOException("bad call", e);
    }
  }

  private static String intern(String s) {
    return s == null ? null : s.intern();
  }
}
