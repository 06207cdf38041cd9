package io.clawmetry.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The strict check accepts a multi-byte sequence inside a string exactly when Java's strict UTF-8 decoder does, both
 * where it is checked a 64-bit word at a time (the sequence followed by at least 8 bytes of the line) and where it is
 * checked byte by byte (near the end of the line): every lead byte from 0x80 up, with every second byte and a set of
 * third and fourth bytes around the continuation range's edges where the lead byte makes them matter.
 */
class PrunedEntryUtf8Test {

  private static final byte[] TAILS = {0x41, (byte) 0x7f, (byte) 0x80, (byte) 0x9f, (byte) 0xa0, (byte) 0xbf,
    (byte) 0xc0, (byte) 0xff};

  @Test
  void acceptsExactlyWellFormedUtf8InBothScans() {
    PrunedEntry pruner = new PrunedEntry();
    int checked = 0;
    byte[] one = {0x41};
    for (int b0 = 0x80; b0 <= 0xff; b0++) {
      // the third byte matters from 3-byte leads on, the fourth only for 4-byte leads
      byte[] thirds = b0 >= 0xe0 && b0 <= 0xf4 ? TAILS : one;
      byte[] fourths = b0 >= 0xf0 && b0 <= 0xf4 ? TAILS : one;
      for (int b1 = 0; b1 <= 0xff; b1++) {
        for (byte b2 : thirds) {
          for (byte b3 : fourths) {
            byte[] seq = {(byte) b0, (byte) b1, b2, b3};
            boolean valid = wellFormed(seq);
            String hex = java.util.HexFormat.of().formatHex(seq);
            assertEquals(valid, accepted(pruner, seq, "0123456789abcdef"), "word scan " + hex);
            assertEquals(valid, accepted(pruner, seq, ""), "byte scan " + hex);
            checked++;
          }
        }
      }
    }
    int t = TAILS.length;
    assertEquals((96 + 11) * 256 + 16 * 256 * t + 5 * 256 * t * t, checked);
  }

  /** {@code {"s":"x<seq><after>"}} through the check. */
  private static boolean accepted(PrunedEntry pruner, byte[] seq, String after) {
    byte[] head = "{\"s\":\"x".getBytes(StandardCharsets.US_ASCII);
    byte[] tail = (after + "\"}").getBytes(StandardCharsets.US_ASCII);
    byte[] line = new byte[head.length + seq.length + tail.length];
    System.arraycopy(head, 0, line, 0, head.length);
    System.arraycopy(seq, 0, line, head.length, seq.length);
    System.arraycopy(tail, 0, line, head.length + seq.length, tail.length);
    return pruner.prune(line, 0, line.length) != null;
  }

  private static final java.nio.charset.CharsetDecoder STRICT =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  /** Whether the bytes decode strictly (a quote or control byte among them makes the JSON string invalid too). */
  private static boolean wellFormed(byte[] seq) {
    for (byte b : seq) {
      if (b == '"' || b == '\\' || (b >= 0 && b < 0x20)) {
        return false;
      }
    }
    try {
      STRICT.reset().decode(ByteBuffer.wrap(seq));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
