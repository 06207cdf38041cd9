package io.clawmetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clawmetry.core.discovery.Environment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.Map;

/** Runs the CLI in-process and compares output with golden files (regenerate with -Dgolden.update=true). */
final class CliRun {

  final int exitCode;
  final String out;
  final String err;

  private CliRun(int exitCode, String out, String err) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
  }

  /** Runs with an empty environment whose user home is {@code userHome}. */
  static CliRun run(Path userHome, String... args) {
    return run(Environment.of(Map.of(), userHome), args);
  }

  static CliRun run(Environment env, String... args) {
    return run(env, Terminal.NONE, null, args);
  }

  /** Runs with stdout on {@code terminal} and, unless null, "now" fixed by {@code clock}. */
  static CliRun run(Environment env, Terminal terminal, Clock clock, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx = new CliContext(new PrintWriter(out), new PrintWriter(err), env, false, terminal);
    if (clock != null) {
      ctx.clock = clock;
    }
    int code = Main.run(args, ctx);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** A clock fixed at {@code instant} (ISO-8601), in UTC. */
  static Clock fixedClock(String instant) {
    return Clock.fixed(java.time.Instant.parse(instant), java.time.ZoneOffset.UTC);
  }

  /** The repository directory (holding testdata/ and examples/). */
  static Path repo() {
    Path p = Paths.get("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("testdata"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("repository root not found");
    }
    return p;
  }

  /** The bundled example home. */
  static Path exampleHome() {
    return repo().resolve("examples/home");
  }

  /** Output with machine-specific paths replaced by placeholders, so golden files are portable. */
  String normalizedOut(Path home) {
    return out.replace(home.toAbsolutePath().toString(), "<home>").replace(repo().toString(), "<repo>");
  }

  /** Asserts {@code actual} equals the golden file {@code name}, or rewrites it with -Dgolden.update=true. */
  static void assertGolden(String name, String actual) throws IOException {
    Path golden = repo().resolve("clawmetry-cli/src/test/resources/golden").resolve(name);
    if (Boolean.getBoolean("golden.update") || !Files.exists(golden) && Boolean.getBoolean("golden.create")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, "golden file " + name);
  }
}
