package io.clawmetry.examples;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.Report;
import io.clawmetry.api.SessionInfo;
import io.clawmetry.api.Warning;
import java.nio.file.Path;

/**
 * The smallest use of the library: open a state directory and print its sessions.
 *
 * <p>Run with the example home: {@code java ... io.clawmetry.examples.LibraryUsageExample examples/home}.
 */
public final class LibraryUsageExample {
  private LibraryUsageExample() {}

  /** Prints every session of the state directory {@code args[0]} (default {@code examples/home}). */
  public static void main(String[] args) {
    Path stateDir = Path.of(args.length > 0 ? args[0] : "examples/home");
    try (ClawMetry clawMetry = ClawMetry.open(stateDir)) {
      Report<SessionInfo> sessions = clawMetry.sessions();
      for (SessionInfo session : sessions.items()) {
        System.out.printf("%-10s %-9s %-60s %s/%s%n", session.agentId(), session.kind(), session.key(),
            session.provider(), session.model());
      }
      for (Warning warning : sessions.warnings()) {
        System.out.println("warning: " + warning);
      }
    }
  }
}
