package io.clawmetry.core.gateway;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * ClawMetry's own Ed25519 device identity (FORMATS §10.4): device id = hex SHA-256 of the raw 32-byte public key,
 * public key and signature in base64url without padding, signing the {@code v3|…} payload.
 */
public final class DeviceIdentity {

  private static final int RAW_KEY_BYTES = 32;

  private final PrivateKey privateKey;
  private final byte[] rawPublicKey;
  private final String deviceId;

  private DeviceIdentity(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    byte[] x509 = publicKey.getEncoded();
    this.rawPublicKey = Arrays.copyOfRange(x509, x509.length - RAW_KEY_BYTES, x509.length);
    this.deviceId = HexFormat.of().formatHex(sha256(rawPublicKey));
  }

  /** A new random identity. */
  public static DeviceIdentity generate() {
    try {
      KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      return new DeviceIdentity(kp.getPrivate(), kp.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no Ed25519", e);
    }
  }

  /** The identity of a PKCS#8-encoded Ed25519 private key (the public key is derived from it). */
  public static DeviceIdentity fromPkcs8(byte[] pkcs8) throws GeneralSecurityException {
    KeyFactory kf = KeyFactory.getInstance("Ed25519");
    PrivateKey priv = kf.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    return new DeviceIdentity(priv, Ed25519Public.derive(pkcs8));
  }

  /** The private key as PKCS#8 bytes (for the 0600 key file only). */
  byte[] pkcs8() {
    return privateKey.getEncoded();
  }

  /** {@code device.id}: lower-case hex SHA-256 of the raw public key. */
  public String deviceId() {
    return deviceId;
  }

  /** {@code device.publicKey}: base64url of the raw 32-byte public key, no padding. */
  public String publicKeyBase64Url() {
    return b64url(rawPublicKey);
  }

  /** Signs UTF-8 text; base64url without padding. Ed25519 is deterministic. */
  public String sign(String payload) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(privateKey);
      s.update(payload.getBytes(StandardCharsets.UTF_8));
      return b64url(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /**
   * The v3 payload, exactly: {@code v3|deviceId|clientId|clientMode|role|scopes,csv|signedAt|token|nonce|platform|
   * deviceFamily}, with platform and device family trimmed and ASCII-lower-cased.
   */
  public static String v3Payload(
      String deviceId, String clientId, String clientMode, String role, List<String> scopes, long signedAtMs,
      String token, String nonce, String platform, String deviceFamily) {
    return String.join(
        "|", "v3", deviceId, clientId, clientMode, role, String.join(",", scopes), Long.toString(signedAtMs),
        token == null ? "" : token, nonce, norm(platform), norm(deviceFamily));
  }

  private static String norm(String v) {
    return v == null ? "" : v.trim().toLowerCase(Locale.ROOT);
  }

  static String b64url(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
