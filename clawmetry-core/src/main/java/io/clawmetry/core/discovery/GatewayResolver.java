package io.clawmetry.core.discovery;

import io.clawmetry.api.GatewaySettings;
import io.clawmetry.api.Resolved;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.config.EnvLookup;
import io.clawmetry.core.config.OpenClawConfig;
import io.clawmetry.core.config.Secret;
import io.clawmetry.core.warn.Warnings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Works out how to reach the gateway (§3 of the format notes): port from {@code OPENCLAW_GATEWAY_PORT} → {@code
 * gateway.port} → 19001 for profile {@code dev} → 18789; the credential from {@code OPENCLAW_GATEWAY_TOKEN} / {@code
 * _PASSWORD} over the configuration; the TLS pin from {@link GatewayTlsPins}. {@code OPENCLAW_GATEWAY_URL} wins over
 * the configured URL, and then the credential comes from the environment only, as in OpenClaw.
 */
final class GatewayResolver {

  static final int DEFAULT_PORT = 18789;
  static final int DEV_PROFILE_PORT = 19001;

  private GatewayResolver() {}

  static GatewayResolution resolve(OpenClawConfig cfg, String profile, Path home, Path stateDir,
      Warnings warnings) {
    EnvLookup env = cfg.env();
    Resolved port = port(cfg, env, profile, warnings);
    String bind = cfg.gatewayBind().orElse("loopback");
    String mode = cfg.gatewayMode().orElse("local");
    boolean remote = mode.equals("remote");
    String remoteUrl = remote ? cfg.gatewayRemoteUrl().orElse(null) : null;
    String envUrl = env.get("OPENCLAW_GATEWAY_URL");
    envUrl = envUrl == null || envUrl.isBlank() ? null : envUrl.strip();
    Optional<Secret> envToken = fromEnv(env, "OPENCLAW_GATEWAY_TOKEN");
    Optional<Secret> envPassword = fromEnv(env, "OPENCLAW_GATEWAY_PASSWORD");
    String configuredMode =
        cfg.gatewayAuthMode()
            .orElse(
                cfg.gatewayAuthToken().isEmpty()
                        && envToken.isEmpty()
                        && (cfg.gatewayAuthPassword().isPresent() || envPassword.isPresent())
                    ? "password"
                    : "token");
    String authMode = configuredMode;
    Secret secret;
    if (envUrl != null || remote) {
      // as OpenClaw: a URL from the environment takes its credential from the environment only, a remote gateway from
      // the environment, then gateway.remote; a token goes out as a token and a password as a password, whatever the
      // local gateway's auth mode
      Optional<Secret> token = envUrl != null ? envToken : envToken.or(cfg::gatewayRemoteToken);
      Optional<Secret> password = envUrl != null ? envPassword : envPassword.or(cfg::gatewayRemotePassword);
      secret = token.or(() -> password).orElse(null);
      authMode = token.isPresent() ? "token" : password.isPresent() ? "password" : configuredMode;
    } else if (authMode.equals("none") || authMode.equals("trusted-proxy")) {
      secret = null;
    } else if (authMode.equals("password")) {
      secret = envPassword.or(cfg::gatewayAuthPassword).orElse(null);
    } else {
      secret = envToken.or(cfg::gatewayAuthToken).orElse(null);
    }
    GatewaySettings settings =
        new GatewaySettings(
            port,
            bind,
            cfg.gatewayTlsEnabled(),
            mode,
            remoteUrl,
            authMode,
            secret == null ? "none" : secret.description(),
            secret != null && secret.isAvailable(),
            envUrl != null
                ? GatewayTlsPins.forEnvironmentUrl(cfg, remote, warnings)
                : GatewayTlsPins.resolve(cfg, remoteUrl, home, stateDir, warnings),
            envUrl);
    return new GatewayResolution(settings, secret);
  }

  private static Optional<Secret> fromEnv(EnvLookup env, String name) {
    String v = env.get(name);
    return v == null ? Optional.empty() : Optional.of(Secret.of(v, env.origin(name)));
  }

  private static Resolved port(OpenClawConfig cfg, EnvLookup env, String profile, Warnings warnings) {
    String raw = env.get("OPENCLAW_GATEWAY_PORT");
    if (raw != null) {
      Integer p = GatewayPort.parse(raw);
      if (p != null) {
        return new Resolved(Integer.toString(p), env.origin("OPENCLAW_GATEWAY_PORT"));
      }
      warnings.add(
          WarningKind.CONFIG,
          env.origin("OPENCLAW_GATEWAY_PORT"),
          "",
          "OPENCLAW_GATEWAY_PORT \"" + raw.strip() + "\" is not a port, host:port or [ipv6]:port; ignored");
    }
    Optional<Integer> configured = cfg.gatewayPort();
    if (configured.isPresent()) {
      return new Resolved(Integer.toString(configured.get()), "openclaw.json gateway.port");
    }
    if (cfg.node("gateway", "port").isPresent()) {
      warnings.add(
          WarningKind.CONFIG, cfg.file() + "#gateway.port", "", "gateway.port is not a port number; ignored");
    }
    if ("dev".equals(profile)) {
      return new Resolved(Integer.toString(DEV_PROFILE_PORT), "profile dev");
    }
    return new Resolved(Integer.toString(DEFAULT_PORT), "default");
  }
}
