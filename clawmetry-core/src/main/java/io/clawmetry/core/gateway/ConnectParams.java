package io.clawmetry.core.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.core.json.Json;
import java.util.List;
import java.util.Locale;

/**
 * Builds the {@code connect} params (FORMATS §10.2, a closed schema): protocol 3..4, {@code client.id}/{@code mode}
 * {@code cli}, the product name in {@code displayName}/{@code userAgent}, role operator, the requested scopes, the
 * auth block and the signed device block.
 */
final class ConnectParams {

  static final String CLIENT_ID = "cli";
  static final String CLIENT_MODE = "cli";
  static final String ROLE = "operator";
  static final int MIN_PROTOCOL = 3;
  static final int MAX_PROTOCOL = 4;

  private ConnectParams() {}

  /**
   * The params.
   *
   * @param version ClawMetry's version
   * @param scopes the scopes to request, in order (the signature uses the same order)
   * @param auth which credential to send
   * @param device the device identity, or null to connect without one
   * @param nonce the challenge nonce
   * @param signedAtMs the challenge ts
   */
  static ObjectNode build(String version, List<String> scopes, AuthChoice auth, DeviceIdentity device, String nonce,
      long signedAtMs) {
    ObjectNode p = Json.STRICT.createObjectNode();
    p.put("minProtocol", MIN_PROTOCOL).put("maxProtocol", MAX_PROTOCOL);
    ObjectNode client = p.putObject("client");
    client.put("id", CLIENT_ID).put("version", version).put("platform", platform()).put("mode", CLIENT_MODE)
        .put("displayName", "clawmetry/" + version);
    p.put("role", ROLE);
    scopes.forEach(p.putArray("scopes")::add);
    p.putArray("caps");
    ObjectNode a = p.putObject("auth");
    switch (auth.kind()) {
      case TOKEN -> a.put("token", auth.secret());
      case PASSWORD -> a.put("password", auth.secret());
      case DEVICE_TOKEN -> a.put("deviceToken", auth.secret());
      case NONE -> { }
      default -> throw new IllegalStateException();
    }
    if (device != null) {
      String sigToken = auth.kind() == AuthChoice.Kind.TOKEN || auth.kind() == AuthChoice.Kind.DEVICE_TOKEN
          ? auth.secret() : "";
      String payload = DeviceIdentity.v3Payload(device.deviceId(), CLIENT_ID, CLIENT_MODE, ROLE, scopes, signedAtMs,
          sigToken, nonce, platform(), null);
      ObjectNode d = p.putObject("device");
      d.put("id", device.deviceId()).put("publicKey", device.publicKeyBase64Url()).put("signature",
          device.sign(payload)).put("signedAt", signedAtMs).put("nonce", nonce);
    }
    p.put("userAgent", "clawmetry/" + version);
    return p;
  }

  /** Node's {@code process.platform} names: linux, darwin, win32, … */
  static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.startsWith("linux")) {
      return "linux";
    }
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return "darwin";
    }
    if (os.startsWith("windows")) {
      return "win32";
    }
    return os.replace(' ', '-');
  }

  /**
   * The credential sent in {@code auth}.
   *
   * @param kind which field
   * @param secret its value (never printed)
   */
  record AuthChoice(Kind kind, String secret) {
    enum Kind { TOKEN, PASSWORD, DEVICE_TOKEN, NONE }

    @Override
    public String toString() {
      return "AuthChoice[" + kind + "]";
    }
  }
}
