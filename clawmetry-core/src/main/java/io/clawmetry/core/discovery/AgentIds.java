package io.clawmetry.core.discovery;

/** Agent ids used as directory names: nothing that could leave {@code <stateDir>/agents/}. */
public final class AgentIds {

  private AgentIds() {}

  /** Whether {@code id} is usable as one path segment. */
  public static boolean isSafe(String id) {
    return id != null
        && !id.isBlank()
        && id.length() <= 128
        && !id.equals(".")
        && !id.equals("..")
        && id.indexOf('/') < 0
        && id.indexOf('\\') < 0
        && id.indexOf('\0') < 0;
  }
}
