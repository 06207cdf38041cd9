package io.clawmetry.core.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SHA-256 certificate fingerprints as OpenClaw writes and compares them ({@code normalizeTlsFingerprint}): the digest
 * of the leaf certificate's DER encoding, normalised to 64 lower-case hex digits.
 */
public final class TlsFingerprints {

  /** The message for a fingerprint that is not one (OpenClaw's wording). */
  public static final String INVALID = "Invalid TLS fingerprint; expected a SHA-256 certificate fingerprint";

  /** The largest certificate file read (OpenClaw's {@code MAX_TLS_LEAF_FILE_BYTES}). */
  public static final int MAX_CERTIFICATE_FILE_BYTES = 64 * 1024;

  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{64}");
  private static final Pattern COLON_PAIRS = Pattern.compile("(?:[0-9a-fA-F]{2}:){31}[0-9a-fA-F]{2}");
  private static final Pattern SHA256_PREFIX = Pattern.compile("^(?i)sha256:");

  private TlsFingerprints() {}

  /**
   * Normalises a fingerprint: surrounding white space and one leading {@code sha256:} (any case) are dropped; 64 hex
   * digits or 32 colon-separated hex pairs are accepted and lower-cased.
   *
   * @throws IllegalArgumentException with {@link #INVALID} for anything else (null included)
   */
  public static String normalize(String fingerprint) {
    String s = fingerprint == null ? "" : SHA256_PREFIX.matcher(fingerprint.strip()).replaceFirst("");
    if (HEX.matcher(s).matches()) {
      return s.toLowerCase(Locale.ROOT);
    }
    if (COLON_PAIRS.matcher(s).matches()) {
      return s.replace(":", "").toLowerCase(Locale.ROOT);
    }
    throw new IllegalArgumentException(INVALID);
  }

  /** The fingerprint of {@code certificate}: SHA-256 of its DER encoding, 64 lower-case hex digits. */
  public static String of(X509Certificate certificate) throws CertificateEncodingException {
    return HexFormat.of().formatHex(sha256(certificate.getEncoded()));
  }

  /** The 32 bytes a normalised fingerprint stands for. */
  static byte[] bytes(String normalized) {
    return HexFormat.of().parseHex(normalized);
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /**
   * The fingerprint of the first certificate in a PEM file (read only, at most {@link #MAX_CERTIFICATE_FILE_BYTES}).
   *
   * @throws IOException when the file is not a regular file, cannot be read, is larger than the limit, or holds no
   *     X.509 certificate
   */
  public static String ofPemFile(Path file) throws IOException {
    if (!Files.isRegularFile(file)) { // a FIFO or a device (/dev/stdin) would block or never end
      throw Files.exists(file) ? new IOException(file + " is not a regular file")
          : new java.nio.file.NoSuchFileException(file.toString());
    }
    byte[] pem;
    try (InputStream in = Files.newInputStream(file)) {
      pem = in.readNBytes(MAX_CERTIFICATE_FILE_BYTES + 1);
    }
    if (pem.length > MAX_CERTIFICATE_FILE_BYTES) {
      throw new IOException(file + " is larger than " + MAX_CERTIFICATE_FILE_BYTES + " bytes");
    }
    try {
      Certificate c = CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
      if (!(c instanceof X509Certificate x)) {
        throw new IOException(file + " holds no X.509 certificate");
      }
      return of(x);
    } catch (CertificateException e) {
      throw new IOException(file + " holds no readable X.509 certificate (" + e.getMessage() + ")", e);
    }
  }
}
