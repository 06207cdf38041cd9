package io.clawmetry.api;

/**
 * The TLS certificate pin the OpenClaw configuration sets for the configured gateway URL (OpenClaw's
 * {@code tlsFingerprint}): the SHA-256 fingerprint of the gateway's leaf certificate. A pinned {@code wss://}
 * connection trusts exactly a server presenting that certificate, whatever its CA and host name; without a pin the
 * usual CA and host name checks apply. Fingerprints are not secrets.
 *
 * @param fingerprint the fingerprint in effect, 64 lower-case hex digits, or null when the pin cannot be used (see
 *     {@code problem})
 * @param origin where it comes from: {@code "openclaw.json gateway.remote.tlsFingerprint"}, or {@code "gateway
 *     certificate <file> (gateway.tls.certPath)"} / {@code "... (default path)"}
 * @param certificateFile the certificate file the pin is read from (local {@code wss://} gateway with {@code
 *     gateway.tls.enabled}); read again at each connection, as the gateway may create it later. Null for a configured
 *     fingerprint
 * @param problem why the pin cannot be used, or null: an invalid configured fingerprint (connections are then refused,
 *     never made unpinned) or an unreadable certificate file (then the usual CA validation applies, as in OpenClaw)
 */
public record GatewayTlsPin(String fingerprint, String origin, String certificateFile, String problem) {}
