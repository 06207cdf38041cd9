package io.clawmetry.core.gateway;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Derives the Ed25519 public key of a PKCS#8 private key (RFC 8032 §5.1.5), which JDK 17 has no API for. Affine
 * twisted-Edwards arithmetic with {@link BigInteger}: slow (milliseconds) but only done when a key file is loaded.
 */
final class Ed25519Public {

  /** The X.509 prefix of an Ed25519 public key; the raw 32 bytes follow it. */
  static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
  private static final BigInteger D =
      BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
  private static final BigInteger BX =
      new BigInteger("15112221349535400772501151409588531511454012693041857206046113283949847762202");
  private static final BigInteger BY =
      new BigInteger("46316835694926478169428394003475163141307993866256225615783033603165251855960");

  private Ed25519Public() {}

  /** The public key of the PKCS#8 Ed25519 key whose last 32 bytes are the seed. */
  static PublicKey derive(byte[] pkcs8) throws GeneralSecurityException {
    if (pkcs8.length < 32) {
      throw new GeneralSecurityException("not an Ed25519 PKCS#8 key");
    }
    byte[] seed = Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
    byte[] h = MessageDigest.getInstance("SHA-512").digest(seed);
    byte[] a = Arrays.copyOf(h, 32);
    a[0] &= (byte) 248;
    a[31] &= 127;
    a[31] |= 64;
    BigInteger scalar = new BigInteger(1, reverse(a));
    BigInteger[] pt = multiply(scalar);
    byte[] raw = reverse(toFixed32(pt[1]));
    if (pt[0].testBit(0)) {
      raw[31] |= (byte) 0x80;
    }
    byte[] x509 = new byte[X509_PREFIX.length + 32];
    System.arraycopy(X509_PREFIX, 0, x509, 0, X509_PREFIX.length);
    System.arraycopy(raw, 0, x509, X509_PREFIX.length, 32);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
  }

  private static BigInteger[] multiply(BigInteger k) {
    BigInteger[] result = {BigInteger.ZERO, BigInteger.ONE};
    BigInteger[] addend = {BX, BY};
    for (int i = 0; i < k.bitLength(); i++) {
      if (k.testBit(i)) {
        result = add(result, addend);
      }
      addend = add(addend, addend);
    }
    return result;
  }

  private static BigInteger[] add(BigInteger[] p1, BigInteger[] p2) {
    BigInteger x1x2 = p1[0].multiply(p2[0]).mod(P);
    BigInteger y1y2 = p1[1].multiply(p2[1]).mod(P);
    BigInteger dxy = D.multiply(x1x2).multiply(y1y2).mod(P);
    BigInteger x3 =
        p1[0].multiply(p2[1]).add(p1[1].multiply(p2[0])).multiply(BigInteger.ONE.add(dxy).modInverse(P)).mod(P);
    BigInteger y3 = y1y2.add(x1x2).multiply(BigInteger.ONE.subtract(dxy).mod(P).modInverse(P)).mod(P);
    return new BigInteger[] {x3, y3};
  }

  private static byte[] toFixed32(BigInteger v) {
    byte[] b = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(b.length, 32);
    System.arraycopy(b, b.length - n, out, 32 - n, n);
    return out;
  }

  private static byte[] reverse(byte[] b) {
    byte[] r = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      r[i] = b[b.length - 1 - i];
    }
    return r;
  }
}
