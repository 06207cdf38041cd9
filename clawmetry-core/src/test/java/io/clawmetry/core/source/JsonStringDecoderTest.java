package io.clawmetry.core.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Decoding a JSON string's escapes on the fly into UTF-8 bytes, and what makes a string malformed. */
class JsonStringDecoderTest {

  /** The decoded bytes of {@code body} (after the opening quote), read in bulk, as hex; checks byte-wise reads too. */
  private static String hex(String body) throws IOException {
    byte[] raw = body.getBytes(StandardCharsets.UTF_8);
    byte[] bulk = new JsonStringDecoder(new ByteArrayInputStream(raw)).readAllBytes();
    JsonStringDecoder one = new JsonStringDecoder(new ByteArrayInputStream(raw));
    ByteArrayOutputStream single = new ByteArrayOutputStream();
    for (int b; (b = one.read()) >= 0; ) {
      single.write(b);
    }
    assertArrayEquals(bulk, single.toByteArray(), "read() and read(byte[]) agree");
    return HexFormat.of().formatHex(bulk);
  }

  private static String text(String body) throws IOException {
    return new String(HexFormat.of().parseHex(hex(body)), StandardCharsets.UTF_8);
  }

  @Test
  void shortEscapesAndPlainBytes() throws IOException {
    assertEquals("a\"b\\c/d\b\f\n\r\te", text("a\\\"b\\\\c\\/d\\b\\f\\n\\r\\te\""));
    assertEquals("", text("\""));
    assertEquals("é😀 raw", text("é😀 raw\""), "UTF-8 passes through unchanged");
  }

  @Test
  void unicodeEscapesBecomeUtf8() throws IOException {
    assertEquals("41", hex("\\u0041\""));
    assertEquals("c3a9", hex("\\u00e9\""));
    assertEquals("e282ac", hex("\\u20AC\""));
    assertEquals("f09f9880", hex("\\ud83d\\ude00\""), "a surrogate pair is one 4-byte sequence");
    assertEquals("f09f9880", hex("\\uD83D\\uDE00\""));
    assertEquals("00", hex("\\u0000\""));
  }

  @Test
  void unpairedSurrogatesBecomeTheReplacementCharacter() throws IOException {
    assertEquals("efbfbd78", hex("\\ud83dx\""));
    assertEquals("efbfbd", hex("\\ud83d\""));
    assertEquals("efbfbd", hex("\\ude00\""));
    assertEquals("efbfbd0a", hex("\\ud83d\\n\""));
    assertEquals("efbfbdf09f9880", hex("\\ud83d\\ud83d\\ude00\""), "the second high half pairs with the low one");
    assertEquals("efbfbdefbfbd", hex("\\ude00\\ud83d\""));
  }

  @Test
  void stopsAtTheClosingQuoteAndNotAfter() throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream("ab\\\"c\",\"next\"".getBytes(StandardCharsets.UTF_8));
    JsonStringDecoder s = new JsonStringDecoder(in);
    assertEquals('a', s.read());
    s.drain();
    assertEquals(-1, s.read());
    assertEquals(",\"next\"", new String(in.readAllBytes(), StandardCharsets.UTF_8));
  }

  private static String malformed(String body) {
    return assertThrows(JsonStringDecoder.Malformed.class, () -> hex(body)).getMessage();
  }

  @Test
  void badEscapesControlCharactersAndAMissingQuoteAreMalformed() {
    assertEquals("string without its closing quote", malformed("abc"));
    assertEquals("string without its closing quote", malformed("abc\\"));
    assertEquals("string without its closing quote", malformed("\\u12"));
    assertEquals("string without its closing quote", malformed("\\ud83d"));
    assertEquals("invalid escape \\q", malformed("\\q\""));
    assertEquals("invalid escape \\U", malformed("\\U00e9\""));
    assertEquals("invalid escape", malformed("\\\u00e9\""));
    assertEquals("invalid \\u escape", malformed("\\u12G4\""));
    assertEquals("invalid \\u escape", malformed("\\ud83d\\uXXXX\""));
    assertEquals("control character 0x9 in a string", malformed("a\tb\""));
    assertEquals("control character 0xa in a string", malformed("a\nb\""));
  }
}
