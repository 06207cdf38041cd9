package io.clawmetry.core.source;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * How the items a {@link TranscriptLedger} keeps are written to its cache file and read back ({@link LedgerCache}).
 *
 * @param <T> the item type
 */
public interface ItemCodec<T> {

  /** Writes one item; {@code strings} is the file's table of repeated strings. */
  void write(DataOutput out, T item, Binary.Strings strings) throws IOException;

  /** Reads one item {@link #write} wrote; an {@link IOException} for anything else. */
  T read(DataInput in, Binary.Strings strings) throws IOException;
}
