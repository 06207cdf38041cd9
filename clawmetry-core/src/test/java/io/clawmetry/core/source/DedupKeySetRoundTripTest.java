package io.clawmetry.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DedupKeySet} written and read back (a ledger cache file) holds exactly the same keys, of both stored forms,
 * at sizes around its growth steps; a damaged table size is refused.
 */
class DedupKeySetRoundTripTest {

  @ParameterizedTest(name = "{0} keys")
  @ValueSource(ints = {0, 1, 3583, 3584, 3585, 100_000})
  void readBackHoldsTheSameKeys(int n) throws IOException {
    Random r = new Random(n * 31L + 7);
    DedupKeySet set = new DedupKeySet();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String k = r.nextBoolean()
          ? String.format("%08x|%d", r.nextInt(), 1_700_000_000_000L + r.nextInt(1_000_000_000))
          : java.util.UUID.nameUUIDFromBytes(("k" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
      if (set.add(k)) {
        keys.add(k);
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    set.writeTo(new DataOutputStream(bytes));
    // the bulk path of the cache file's own buffers writes and reads the same bytes
    ByteArrayOutputStream bulk = new ByteArrayOutputStream();
    BufferedData.Out out = new BufferedData.Out(bulk);
    set.writeTo(out);
    out.flush();
    assertEquals(java.util.HexFormat.of().formatHex(bytes.toByteArray()), java.util.HexFormat.of().formatHex(bulk.toByteArray()));
    DedupKeySet back = DedupKeySet.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    DedupKeySet bulkBack = DedupKeySet.readFrom(new BufferedData.In(new ByteArrayInputStream(bulk.toByteArray())));
    assertEquals(set.size(), bulkBack.size());
    for (String k : keys) {
      assertFalse(bulkBack.add(k), k);
    }
    assertEquals(set.size(), back.size());
    for (String k : keys) {
      assertFalse(back.add(k), k);
    }
    assertTrue(back.add("ffffffff|1"), "a new key is still new");
    assertEquals(set.size() + 1, back.size());
  }

  @ParameterizedTest(name = "table size {0}")
  @ValueSource(ints = {3, 16})
  void aTableSizeThatCannotHoldTheKeysIsRefused(int length) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    Binary.writeLong(out, length);
    Binary.writeLong(out, 100);
    assertThrows(IOException.class,
        () -> DedupKeySet.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
  }
}
