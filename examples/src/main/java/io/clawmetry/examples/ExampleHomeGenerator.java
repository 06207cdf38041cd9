package io.clawmetry.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Generates the example OpenClaw state directory ({@code examples/home/}) and its known totals
 * ({@code examples/home-truth.json}), deterministically: fixed seed, fixed timestamps, no wall clock.
 *
 * <p>Three agents: {@code main} in the JSONL era, {@code ops} in the SQLite era, {@code research} migrated from one to
 * the other. The truth file is computed from the generator's own model of what it wrote, never by reading it back.
 */
public final class ExampleHomeGenerator {
  /** The fixed seed of every id and token count. */
  public static final long SEED = 20261101L;

  private ExampleHomeGenerator() {}

  /**
   * Writes the home into {@code args[0]} (default {@code examples/home}) and the truth file into {@code args[1]}
   * (default: {@code home-truth.json} beside the home directory).
   */
  public static void main(String[] args) throws IOException, SQLException {
    Path home = Path.of(args.length > 0 ? args[0] : "examples/home").toAbsolutePath();
    Path truth = args.length > 1 ? Path.of(args[1]) : home.resolveSibling("home-truth.json");
    generate(home, truth);
    System.out.println("wrote " + home + " and " + truth);
  }

  /**
   * Writes the example home into {@code home} (which must be absent, empty, or an earlier generated home) and the truth
   * document into {@code truthFile}.
   */
  public static void generate(Path home, Path truthFile) throws IOException, SQLException {
    prepare(home);
    Ids ids = new Ids(SEED);
    Ledger ledger = new Ledger();
    HomeFiles files = new HomeFiles(home);
    ConfigFiles.write(files);
    new MainAgentScenario(ids, ledger, files).write();
    OpsAgentScenario ops = new OpsAgentScenario(ids, ledger, files);
    ops.write();
    new ResearchAgentScenario(ids, ledger, files).write();
    StateDatabase.write(files, ledger, ops);
    Files.createDirectories(truthFile.toAbsolutePath().getParent());
    Files.writeString(truthFile, JsonOut.pretty(TruthReport.build(ledger, SEED)));
  }

  private static void prepare(Path home) throws IOException {
    if (!Files.exists(home)) {
      Files.createDirectories(home);
      return;
    }
    try (Stream<Path> entries = Files.list(home)) {
      if (entries.findAny().isEmpty()) {
        return;
      }
    }
    if (!Files.exists(home.resolve("EXAMPLE.txt"))) {
      throw new IOException(home + " is not empty and not a generated example home; refusing to overwrite it");
    }
    try (Stream<Path> walk = Files.walk(home)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (!path.equals(home)) {
          Files.delete(path);
        }
      }
    }
  }
}
