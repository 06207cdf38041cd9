package io.clawmetry.api;

/**
 * Whether something accepts TCP connections on a loopback port.
 *
 * @param name what should listen there ({@code gateway}, {@code clawmetry}, ...)
 * @param port the port
 * @param open whether a connection to {@code 127.0.0.1:port} succeeded within the check's short timeout
 */
public record PortCheck(String name, int port, boolean open) {}
