package io.clawmetry.core.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known-answer test of the device identity (FORMATS §10.4). The key is RFC 8032 §7.1 test 1; the expected device id,
 * encodings and signature were computed independently with Node's crypto (the same code path as OpenClaw's client).
 */
class DeviceIdentityTest {

  static final String SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
  static final byte[] PKCS8 = HexFormat.of().parseHex("302e020100300506032b657004220420" + SEED);

  @Test
  void knownAnswer() throws Exception {
    DeviceIdentity id = DeviceIdentity.fromPkcs8(PKCS8);
    // RFC 8032 test 1 public key d75a9801…511a
    assertEquals("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", id.publicKeyBase64Url());
    assertEquals("21fe31dfa154a261626bf854046fd2271b7bed4b6abe45aa58877ef47f9721b9", id.deviceId());
    String payload =
        DeviceIdentity.v3Payload(id.deviceId(), "cli", "cli", "operator", List.of("operator.read"), 1795494677541L,
            "tok-123", "937d7512-6f15-4297-b2b3-0f72f0b88ce7", " Linux ", null);
    assertEquals(
        "v3|21fe31dfa154a261626bf854046fd2271b7bed4b6abe45aa58877ef47f9721b9|cli|cli|operator|operator.read"
            + "|1795494677541|tok-123|937d7512-6f15-4297-b2b3-0f72f0b88ce7|linux|",
        payload);
    String sig = id.sign(payload);
    assertEquals("KYQFe-amMgXDT37K0EEbamCEcOY5NDO6z3SNxkCIYGkAdwVAtiKABb-mtcfCsQR_9wrWAG8bxjbFjWIto3nIDA", sig);
    assertTrue(verify(id.publicKeyBase64Url(), payload, sig));
  }

  @Test
  void scopesJoinedInOrderAndEmptyTokenAllowed() {
    String p =
        DeviceIdentity.v3Payload("d", "cli", "cli", "operator", List.of("operator.read", "operator.admin"), 5L, null,
            "n", null, "Phone");
    assertEquals("v3|d|cli|cli|operator|operator.read,operator.admin|5||n||phone", p);
  }

  @Test
  void generatedKeysRoundTripThroughPkcs8() throws Exception {
    for (int i = 0; i < 5; i++) {
      DeviceIdentity a = DeviceIdentity.generate();
      DeviceIdentity b = DeviceIdentity.fromPkcs8(a.pkcs8());
      assertEquals(a.deviceId(), b.deviceId(), "derived public key differs, round " + i);
      assertEquals(a.publicKeyBase64Url(), b.publicKeyBase64Url());
      assertTrue(verify(b.publicKeyBase64Url(), "x" + i, a.sign("x" + i)));
      assertEquals(43, a.publicKeyBase64Url().length());
      assertEquals(64, a.deviceId().length());
    }
  }

  static boolean verify(String publicKeyB64Url, String payload, String sigB64Url) throws Exception {
    byte[] raw = Base64.getUrlDecoder().decode(publicKeyB64Url);
    byte[] x509 = new byte[44];
    System.arraycopy(Ed25519Public.X509_PREFIX, 0, x509, 0, 12);
    System.arraycopy(raw, 0, x509, 12, 32);
    PublicKey pk = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
    Signature s = Signature.getInstance("Ed25519");
    s.initVerify(pk);
    s.update(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return s.verify(Base64.getUrlDecoder().decode(sigB64Url));
  }
}
