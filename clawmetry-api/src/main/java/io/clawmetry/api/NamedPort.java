package io.clawmetry.api;

import java.util.Objects;

/**
 * A TCP port to check on loopback, with what it is.
 *
 * @param name what listens there ({@code gateway}, {@code clawmetry}, ...)
 * @param port the port, 1..65535
 */
public record NamedPort(String name, int port) {
  public NamedPort {
    Objects.requireNonNull(name, "name");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }
}
