package io.clawmetry.core.gateway;

import io.clawmetry.core.tls.TlsFingerprints;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a connection's TLS pin comes from: a fixed fingerprint, or the local gateway's certificate file, read again at
 * each connection (the gateway creates it at its first TLS start and may replace it).
 *
 * @param fingerprint the fixed, normalised fingerprint, or null
 * @param certificateFile the certificate file (PEM), or null
 */
record TlsPinSource(String fingerprint, Path certificateFile) {

  /** A fixed pin; {@link IllegalArgumentException} with {@link TlsFingerprints#INVALID} when it is not one. */
  static TlsPinSource fixed(String fingerprint) {
    return new TlsPinSource(TlsFingerprints.normalize(fingerprint), null);
  }

  /** The pin of whatever certificate {@code file} holds when connecting. */
  static TlsPinSource certificateFile(Path file) {
    return new TlsPinSource(null, file);
  }

  /**
   * The fingerprint to pin now; null when the certificate file cannot be read (then the usual CA validation applies,
   * as in OpenClaw, which fails closed for a self-signed certificate).
   */
  String current() {
    if (fingerprint != null) {
      return fingerprint;
    }
    try {
      return TlsFingerprints.ofPemFile(certificateFile);
    } catch (IOException e) {
      return null;
    }
  }
}
