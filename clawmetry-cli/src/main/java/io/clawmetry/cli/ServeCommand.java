package io.clawmetry.cli;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.http.ClawMetryServer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code clawmetry serve}: the dashboard. Prints the URL and runs until interrupted; a shutdown hook closes the server
 * and the facade. Off loopback it needs {@code CLAWMETRY_TOKEN}.
 */
@Command(name = "serve", description = "Serve the dashboard (page, JSON API, live events, /metrics) until interrupted.")
final class ServeCommand implements Callable<Integer> {

  @ParentCommand RootCommand root;
  @Mixin HomeOption home;

  @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default 8900; 0 = any free port).")
  int port = 8900;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      description = "Address to bind (default 127.0.0.1). Any other address needs CLAWMETRY_TOKEN.")
  String bind = "127.0.0.1";

  /** Released to stop the server (tests); the shutdown hook also releases it. */
  final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    String token = root.ctx.env.get("CLAWMETRY_TOKEN");
    if (port < 0 || port > 65535) {
      throw new CliFailure(Main.USAGE, "--port must be between 0 and 65535");
    }
    ClawMetry cm = root.ctx.open(home.home);
    ClawMetryServer server;
    try {
      server = ClawMetryServer.builder().clawMetry(cm).port(port).bind(bind).token(token).build().start();
    } catch (IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException e) {
      cm.close();
      throw new CliFailure(e instanceof java.io.UncheckedIOException ? Main.ERROR : Main.USAGE, e.getMessage());
    }
    Thread hook =
        new Thread(
            () -> {
              server.close();
              cm.close();
              stop.countDown();
            },
            "clawmetry-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    root.ctx.out.println("ClawMetry dashboard on " + server.url()
        + (server.loopback() ? "" : " (token required: CLAWMETRY_TOKEN)"));
    root.ctx.out.println("Press Ctrl+C to stop.");
    root.ctx.out.flush();
    stop.await();
    return Main.OK;
  }
}
