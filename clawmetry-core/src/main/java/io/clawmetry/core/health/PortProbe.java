package io.clawmetry.core.health;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Tells whether something accepts TCP connections on a loopback port. */
@FunctionalInterface
public interface PortProbe {

  /** Whether {@code 127.0.0.1:port} accepts a connection. */
  boolean open(int port);

  /** Connects to {@code 127.0.0.1} (never another host) and gives up after {@code timeout}. */
  static PortProbe loopback(Duration timeout) {
    int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    return port -> {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), millis);
        return true;
      } catch (IOException e) {
        return false;
      }
    };
  }
}
