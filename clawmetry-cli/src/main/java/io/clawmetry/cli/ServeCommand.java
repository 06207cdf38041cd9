package io.clawmetry.cli;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.gateway.Gateway;
import io.clawmetry.core.config.Secret;
import io.clawmetry.core.discovery.HomeLocator;
import io.clawmetry.http.ClawMetryServer;
import io.clawmetry.http.GatewayBridge;
import io.clawmetry.http.GatewayClientBridge;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code clawmetry serve}: the dashboard. Prints the URL and runs until interrupted; a shutdown hook closes the server
 * and the facade. Off loopback it needs a token: {@code CLAWMETRY_TOKEN}, else the gateway's token from discovery.
 */
@Command(name = "serve", description = "Serve the dashboard (page, JSON API, live events, /metrics) until interrupted.")
final class ServeCommand implements Callable<Integer> {

  @ParentCommand RootCommand root;
  @Mixin HomeOption home;
  @Mixin GatewayOptions gatewayOptions;
  @Mixin PricingOptions pricing; // the dashboard's costs use the same prices as usage with the same files

  @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default 8900; 0 = any free port).")
  int port = 8900;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      description = "Address to bind (default 127.0.0.1). Any other address needs CLAWMETRY_TOKEN or the gateway token.")
  String bind = "127.0.0.1";

  /** Released to stop the server (tests); the shutdown hook also releases it. */
  final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new CliFailure(Main.USAGE, "--port must be between 0 and 65535");
    }
    Path stateDir = home.home != null ? home.home : root.ctx.defaultHome;
    String token = root.ctx.env.get("CLAWMETRY_TOKEN");
    if (token == null || token.isBlank()) {
      // the gateway's own token from discovery: whoever may operate the gateway may read its dashboard
      Secret secret = new HomeLocator(root.ctx.env).locate(stateDir).gatewaySecret();
      token = secret == null ? null : secret.reveal().orElse(null);
    }
    // the read connection: the facade's, unless a gateway option was given (then that URL, token or pin)
    boolean ownRead =
        gatewayOptions.url != null || gatewayOptions.token != null || gatewayOptions.tlsFingerprint != null;
    // opened first: an unreadable price file or a missing home fails here, before any gateway connection is made
    ClawMetry cm = root.ctx.open(stateDir, pricing, true); // refreshed every 2 s: watch the directories
    Gateway ownReadClient;
    try {
      ownReadClient = ownRead ? gatewayOptions.client(root.ctx, stateDir, false, true) : null;
    } catch (RuntimeException e) {
      cm.close();
      throw e;
    }
    Gateway read = ownRead ? ownReadClient : cm.gateway();
    GatewayBridge bridge =
        new GatewayClientBridge(read, () -> gatewayOptions.client(root.ctx, stateDir, true, false));
    ClawMetryServer server;
    try {
      server =
          ClawMetryServer.builder().clawMetry(cm).port(port).bind(bind).token(token).gateway(bridge).build().start();
    } catch (IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException e) {
      cm.close();
      if (ownReadClient != null) {
        ownReadClient.close();
      }
      throw new CliFailure(e instanceof java.io.UncheckedIOException ? Main.ERROR : Main.USAGE, e.getMessage());
    }
    // once serving: connect in the background so status and live events flow; the page never waits on it
    CompletableFuture.runAsync(
        () -> {
          try {
            read.health();
          } catch (RuntimeException e) {
            // reported by the bridge's status; the client reconnects with backoff
          }
        });
    Thread hook =
        new Thread(
            () -> {
              server.close();
              cm.close();
              if (ownReadClient != null) {
                ownReadClient.close();
              }
              stop.countDown();
            },
            "clawmetry-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    root.ctx.out.println("ClawMetry dashboard on " + server.url()
        + (server.loopback() ? "" : " (token required: CLAWMETRY_TOKEN or the gateway token)"));
    root.ctx.out.println("Press Ctrl+C to stop.");
    root.ctx.out.flush();
    try {
      stop.await();
    } finally {
      // interrupted (ClawMetry embedded in another program): stop here rather than at the JVM's exit
      try {
        if (Runtime.getRuntime().removeShutdownHook(hook)) {
          hook.run();
        }
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
    }
    return Main.OK;
  }
}
