package io.clawmetry.core.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.function.BooleanSupplier;

/** Shared set-up for gateway client tests: short, bounded timeouts and a private device store. */
final class GatewayTesting {

  private GatewayTesting() {}

  static GatewayClient.Builder client(FakeGateway gw, Path stateDir) {
    return GatewayClient.builder(gw.uri())
        .token(ReplayScript.SHARED_TOKEN)
        .deviceStore(new DeviceStore(stateDir))
        .clientVersion("9.9.9-test")
        .timeouts(Duration.ofSeconds(2), Duration.ofMillis(800), Duration.ofSeconds(2), Duration.ofSeconds(2))
        .startupRetryBudget(Duration.ofSeconds(3))
        .backoff(Duration.ofMillis(50), Duration.ofMillis(400))
        .random(new Random(42));
  }

  /** Waits until {@code cond} holds, at most {@code ms}; returns whether it held. */
  static boolean eventually(long ms, BooleanSupplier cond) throws InterruptedException {
    long end = System.nanoTime() + ms * 1_000_000L;
    while (System.nanoTime() < end) {
      if (cond.getAsBoolean()) {
        return true;
      }
      Thread.sleep(10);
    }
    return cond.getAsBoolean();
  }

  /** Live threads of gateway clients (the shared HTTP pool is excluded: it is shared and bounded). */
  static long clientThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith(GatewayThreads.PREFIX))
        .count();
  }
}
