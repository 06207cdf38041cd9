package io.clawmetry.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The small pieces of the fast scan against the obvious implementations, over seeded random inputs. */
class FastScanPiecesTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 30);
  }

  private static boolean strictlyDecodes(byte[] b) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void utf8CheckAgreesWithTheStrictDecoder(long seed) {
    Random r = new Random(seed);
    String[] pieces = {"a", "é", "✓", "日本", "🚀", "\u0000", "\uffff", "z"};
    for (int i = 0; i < 3000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = r.nextInt(20); k > 0; k--) {
        sb.append(pieces[r.nextInt(pieces.length)]);
      }
      byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
      if (b.length > 0 && r.nextBoolean()) {
        b[r.nextInt(b.length)] = (byte) r.nextInt(256); // often breaks a sequence
      }
      assertEquals(strictlyDecodes(b), Utf8.isValid(b, 0, b.length), "seed " + seed + " " + java.util.HexFormat.of()
          .formatHex(b));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void dedupKeySetAgreesWithAHashSet(long seed) {
    Random r = new Random(seed);
    DedupKeySet compact = new DedupKeySet();
    Set<String> plain = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      String key =
          switch (r.nextInt(6)) {
            case 0 -> String.format("%08x|%d", r.nextInt(64), 1767225600000L + r.nextInt(64));
            case 1 -> String.format("%08x|0%d", r.nextInt(64), r.nextInt(64)); // leading zero: not canonical
            case 2 -> "s" + r.nextInt(50) + "#" + String.format("%08x", r.nextInt(64));
            case 3 -> "s#" + Long.toHexString(r.nextLong() & 0xff) + "#" + r.nextInt(3);
            case 4 -> String.format("%08X|%d", r.nextInt(64), r.nextInt(64)); // upper case: hashed
            default -> "uuid-" + r.nextInt(200) + "|" + r.nextInt(5);
          };
      assertEquals(plain.add(key), compact.add(key), "seed " + seed + " key " + key);
    }
    assertEquals(plain.size(), compact.size());
  }
}
