package io.clawmetry.core.discovery;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/**
 * The process environment as discovery sees it: environment variables and the user's home. Tests pass a fake.
 */
public interface Environment {

  /** The value of an environment variable, or null. */
  String get(String name);

  /** The OS user's home directory. */
  Path userHome();

  /** The real environment of this process. */
  static Environment system() {
    return new Environment() {
      @Override
      public String get(String name) {
        return System.getenv(name);
      }

      @Override
      public Path userHome() {
        return Paths.get(System.getProperty("user.home"));
      }
    };
  }

  /** A fixed environment, for tests and for embedding. */
  static Environment of(Map<String, String> vars, Path userHome) {
    Map<String, String> copy = Map.copyOf(vars);
    return new Environment() {
      @Override
      public String get(String name) {
        return copy.get(name);
      }

      @Override
      public Path userHome() {
        return userHome;
      }
    };
  }
}
