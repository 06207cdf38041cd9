package io.clawmetry.core;

/** No OpenClaw state directory exists where discovery (or the caller) looked. */
public final class HomeNotFoundException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** With a message saying where it looked. */
  public HomeNotFoundException(String message) {
    super(message);
  }
}
