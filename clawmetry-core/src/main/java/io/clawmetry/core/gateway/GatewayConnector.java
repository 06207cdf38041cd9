package io.clawmetry.core.gateway;

import io.clawmetry.api.GatewaySettings;
import io.clawmetry.api.GatewayTlsPin;
import io.clawmetry.api.gateway.GatewayErrorKind;
import io.clawmetry.core.config.Secret;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.discovery.HomeLayout;
import io.clawmetry.core.tls.TlsFingerprints;
import java.net.URI;
import java.nio.file.Path;

/**
 * Builds a {@link GatewayClient} from what discovery resolved ({@link HomeLayout#gateway()} and
 * {@link HomeLayout#gatewaySecret()}): URL from mode/remote URL/TLS/port, the token or password, the TLS pin, and
 * ClawMetry's own device store ({@code CLAWMETRY_HOME} or {@code ~/.clawmetry}), which must not lie inside the
 * OpenClaw home.
 */
public final class GatewayConnector {

  private GatewayConnector() {}

  /**
   * A builder for the gateway of {@code layout}.
   *
   * @param layout the discovered installation
   * @param env the environment (for {@code CLAWMETRY_HOME} and the user home)
   * @param urlOverride a gateway URL given by the user ({@code --gateway-url}), or null
   * @param tokenOverride a token given by the user ({@code --gateway-token}), or null
   * @throws IllegalArgumentException when the URL is not ws/wss, or ClawMetry's state dir lies in the OpenClaw home
   */
  public static GatewayClient.Builder builder(HomeLayout layout, Environment env, String urlOverride,
      String tokenOverride) {
    return builder(layout, env, urlOverride, tokenOverride, null);
  }

  /**
   * A builder for the gateway of {@code layout}, with a TLS pin as OpenClaw picks it, first hit wins: {@code
   * tlsFingerprint}; else, for the URL from the configuration (no {@code urlOverride}), the pin the configuration sets
   * ({@link GatewaySettings#tlsPin()}: {@code gateway.remote.tlsFingerprint} for {@code gateway.remote.url}, the
   * certificate file of a local {@code gateway.tls} gateway); else none, and {@code wss://} is checked against the
   * trusted CAs and the host name.
   *
   * @param layout the discovered installation
   * @param env the environment (for {@code CLAWMETRY_HOME} and the user home)
   * @param urlOverride a gateway URL given by the user ({@code --gateway-url}), or null
   * @param tokenOverride a token given by the user ({@code --gateway-token}), or null
   * @param tlsFingerprint a certificate fingerprint given by the user ({@code --tls-fingerprint}), or null
   * @throws IllegalArgumentException when the URL is not ws/wss, ClawMetry's state dir lies in the OpenClaw home, or
   *     {@code tlsFingerprint} is invalid or meets a URL that is not wss ("Invalid TLS fingerprint; ..."); an invalid
   *     configured pin gives a client that refuses to connect ({@link GatewayErrorKind#MISCONFIGURED}), never one
   *     without the pin; a configured pin is ignored for a ws:// URL, as OpenClaw does
   */
  public static GatewayClient.Builder builder(HomeLayout layout, Environment env, String urlOverride,
      String tokenOverride, String tlsFingerprint) {
    GatewaySettings s = layout.gateway();
    URI url = urlOverride != null ? normalize(urlOverride) : url(s);
    Path store = DeviceStore.defaultDir(env).toAbsolutePath().normalize();
    Path openclaw = layout.stateDirPath().toAbsolutePath().normalize();
    if (store.startsWith(openclaw)) {
      throw new IllegalArgumentException("ClawMetry's state dir " + store + " lies inside the OpenClaw home "
          + openclaw + "; set CLAWMETRY_HOME elsewhere (ClawMetry never writes into an OpenClaw home)");
    }
    GatewayClient.Builder b = GatewayClient.builder(url).deviceStore(new DeviceStore(store)).environment(env::get);
    GatewayTlsPin configured = urlOverride == null ? s.tlsPin() : null;
    if (tlsFingerprint != null) {
      b.tlsFingerprint(tlsFingerprint);
    } else if (configured != null && (invalid(configured) || "wss".equals(url.getScheme()))) {
      configuredPin(b, configured); // as OpenClaw: a valid pin applies to TLS only, an invalid one refuses any URL
    }
    if (tokenOverride != null) {
      return b.token(tokenOverride);
    }
    Secret secret = layout.gatewaySecret();
    String value = secret == null ? null : secret.reveal().orElse(null);
    if (value != null) {
      if ("password".equals(s.authMode())) {
        b.password(value);
      } else {
        b.token(value);
      }
    }
    return b;
  }

  private static boolean invalid(GatewayTlsPin pin) {
    return pin.certificateFile() == null && pin.fingerprint() == null;
  }

  private static void configuredPin(GatewayClient.Builder b, GatewayTlsPin pin) {
    if (pin.certificateFile() != null) {
      b.tlsCertificateFile(Path.of(pin.certificateFile()));
    } else if (pin.fingerprint() != null) {
      b.tlsFingerprint(pin.fingerprint());
    } else {
      b.refuse(GatewayErrorKind.MISCONFIGURED, TlsFingerprints.INVALID + " (" + pin.origin() + "); ClawMetry does not"
          + " connect without the pin the configuration asks for");
    }
  }

  /**
   * The facade's gateway client ({@link io.clawmetry.api.ClawMetry#gateway()}): {@link #builder(HomeLayout,
   * Environment, String, String)} without overrides, or, when the configuration cannot be used (a gateway URL that
   * is not ws/wss, ClawMetry's state dir inside the OpenClaw home), a client that never connects and says why
   * ({@link GatewayErrorKind#MISCONFIGURED}): the file-based reports never depend on the gateway.
   */
  public static GatewayClient forFacade(HomeLayout layout, Environment env, String clientVersion) {
    try {
      return builder(layout, env, null, null).clientVersion(clientVersion).build();
    } catch (IllegalArgumentException e) {
      URI url;
      try {
        url = url(layout.gateway());
      } catch (IllegalArgumentException badUrl) {
        url = URI.create("ws://127.0.0.1:" + layout.gateway().port().value() + "/");
      }
      return GatewayClient.builder(url).clientVersion(clientVersion)
          .refuse(GatewayErrorKind.MISCONFIGURED, e.getMessage()).build();
    }
  }

  /**
   * The gateway URL the settings describe: {@code OPENCLAW_GATEWAY_URL}, else the remote URL in remote mode, else
   * {@code ws(s)://127.0.0.1:port/}.
   */
  public static URI url(GatewaySettings s) {
    if (s.envUrl() != null) {
      return normalize(s.envUrl());
    }
    if ("remote".equals(s.mode()) && s.remoteUrl() != null && !s.remoteUrl().isBlank()) {
      return normalize(s.remoteUrl());
    }
    return URI.create((s.tls() ? "wss" : "ws") + "://127.0.0.1:" + s.port().value() + "/");
  }

  /** Accepts {@code ws://}, {@code wss://}, {@code http(s)://} (mapped to ws/wss) and {@code host:port}. */
  public static URI normalize(String url) {
    String u = url.trim();
    if (u.startsWith("http://")) {
      u = "ws://" + u.substring(7);
    } else if (u.startsWith("https://")) {
      u = "wss://" + u.substring(8);
    } else if (!u.startsWith("ws://") && !u.startsWith("wss://")) {
      u = "ws://" + u;
    }
    URI uri = URI.create(u);
    return uri.getPath() == null || uri.getPath().isEmpty() ? URI.create(u + "/") : uri;
  }
}
