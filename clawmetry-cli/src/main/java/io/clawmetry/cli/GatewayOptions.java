package io.clawmetry.cli;

import io.clawmetry.core.discovery.HomeLayout;
import io.clawmetry.core.discovery.HomeLocator;
import io.clawmetry.core.gateway.GatewayClient;
import io.clawmetry.core.gateway.GatewayConnector;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --gateway-url}, {@code --gateway-token} and {@code --tls-fingerprint}, shared by the commands that talk to the
 * gateway.
 */
final class GatewayOptions {

  @Option(
      names = "--gateway-url",
      paramLabel = "URL",
      description = "Gateway URL (ws://, wss://, http(s):// or host:port; default: from the OpenClaw configuration).")
  String url;

  @Option(
      names = "--gateway-token",
      paramLabel = "TOKEN",
      description = "Gateway token (default: OPENCLAW_GATEWAY_TOKEN or gateway.auth.token); needed once to pair.")
  String token;

  @Option(
      names = "--tls-fingerprint",
      paramLabel = "SHA256",
      description = "Pin the wss:// gateway's certificate: trust exactly the server whose certificate has this SHA-256"
          + " fingerprint, whatever its CA and host name (default: gateway.remote.tlsFingerprint, or the certificate"
          + " of a local gateway.tls gateway).")
  String tlsFingerprint;

  /**
   * A client for the gateway of the home (discovered, or {@code home}); not connected yet.
   *
   * @param admin whether to request {@code operator.admin} (cron management only)
   * @param reconnect whether to reconnect in the background (long-running commands)
   */
  GatewayClient client(CliContext ctx, Path home, boolean admin, boolean reconnect) {
    HomeLayout layout = new HomeLocator(ctx.env).locate(home);
    try {
      return GatewayConnector.builder(layout, ctx.env, url, token, tlsFingerprint)
          .clientVersion(version())
          .admin(admin)
          .autoReconnect(reconnect)
          .build();
    } catch (IllegalArgumentException e) {
      throw new CliFailure(Main.USAGE, e.getMessage());
    }
  }

  /** These options, with the ones given on a subcommand taking precedence. */
  GatewayOptions merge(GatewayOptions sub) {
    GatewayOptions m = new GatewayOptions();
    m.url = sub != null && sub.url != null ? sub.url : url;
    m.token = sub != null && sub.token != null ? sub.token : token;
    m.tlsFingerprint = sub != null && sub.tlsFingerprint != null ? sub.tlsFingerprint : tlsFingerprint;
    return m;
  }

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }
}
