package io.clawmetry.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Builds OpenClaw homes for tests from the repository's test data and example home. */
public final class TestHomes {

  private TestHomes() {}

  /** The repository's {@code testdata/} directory (found by walking up from the working directory). */
  public static Path testdata() {
    return repoDir("testdata");
  }

  /** {@code testdata/<relative>}. */
  public static Path testdata(String relative) {
    return testdata().resolve(relative);
  }

  /** Gunzips {@code testdata/<relativeGz>} into {@code dir} under {@code name}. */
  public static Path gunzip(String relativeGz, Path dir, String name) {
    Path out = dir.resolve(name);
    try {
      gunzip(testdata(relativeGz), out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository's {@code examples/home} directory. */
  public static Path exampleHome() {
    return repoDir("examples").resolve("home");
  }

  private static Path repoDir(String name) {
    Path p = Paths.get("").toAbsolutePath();
    while (p != null) {
      if (Files.isDirectory(p.resolve(name)) && Files.isDirectory(p.resolve("testdata"))) {
        return p.resolve(name);
      }
      p = p.getParent();
    }
    throw new IllegalStateException("no " + name + "/ above " + Paths.get("").toAbsolutePath());
  }

  /**
   * A 2026.9.6 (SQLite era) home from the real gateway capture: {@code agents/main/agent/openclaw-agent.sqlite},
   * {@code state/openclaw.sqlite} and {@code openclaw.json}.
   */
  public static Path realSqliteHome(Path dir) {
    Path fx = testdata().resolve("openclaw-2026.9.6");
    try {
      Path home = Files.createDirectories(dir.resolve("sqlite-home"));
      gunzip(fx.resolve("db/agent-main-openclaw-agent.sqlite.gz"),
          home.resolve("agents/main/agent/openclaw-agent.sqlite"));
      gunzip(fx.resolve("db/state-openclaw.sqlite.gz"), home.resolve("state/openclaw.sqlite"));
      Files.createDirectories(home.resolve("agents/main/sessions"));
      Files.copy(fx.resolve("config/openclaw.json"), home.resolve("openclaw.json"));
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A JSONL-era home made of the real public files: agent {@code main} (moltbot transcript + sessions.json, the cron
   * run transcript, the Windows error-row transcript), agent {@code healthcore} (heartbeat transcript +
   * sessions.json), cron store and run logs, and the real 2026.2 {@code openclaw.json}.
   */
  public static Path realJsonlHome(Path dir) {
    Path real = testdata().resolve("real");
    try {
      Path home = Files.createDirectories(dir.resolve("jsonl-home"));
      Path main = Files.createDirectories(home.resolve("agents/main/sessions"));
      copyInto(real.resolve("42naodia__moltbot-config"), main, ".json", ".jsonl");
      copyInto(real.resolve("openclawlaw-cpu__OpenClawLog"), main, ".jsonl");
      Files.copy(real.resolve("9erson__openclaw/e4008982-26e2-4ad1-bba9-0c9a9c3e25d9.jsonl"),
          main.resolve("e4008982-26e2-4ad1-bba9-0c9a9c3e25d9.jsonl"));
      Path hc = Files.createDirectories(home.resolve("agents/healthcore/sessions"));
      copyInto(real.resolve("4GeeksAcademy__thispedrito1-openclaw-setup"), hc, ".json", ".jsonl");
      Path runs = Files.createDirectories(home.resolve("cron/runs"));
      Files.copy(real.resolve("9erson__openclaw/jobs.json"), home.resolve("cron/jobs.json"));
      Files.copy(real.resolve("9erson__openclaw/44819451-6288-4ad9-a73c-3292e2c40c7f.jsonl"),
          runs.resolve("44819451-6288-4ad9-a73c-3292e2c40c7f.jsonl"));
      Files.copy(real.resolve("osyris__openclaw-marvin/94445c27-fb63-460a-9f83-8c14a2a25cf7.jsonl"),
          runs.resolve("94445c27-fb63-460a-9f83-8c14a2a25cf7.jsonl"));
      Files.copy(real.resolve("VerveAILabs__openclaw-backup/openclaw.json"), home.resolve("openclaw.json"));
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of {@code examples/home}. */
  public static Path exampleHomeCopy(Path dir) {
    return copyTree(exampleHome(), dir.resolve("example-home"));
  }

  /** Copies a directory tree. */
  public static Path copyTree(Path from, Path to) {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyInto(Path from, Path to, String... suffixes) throws IOException {
    try (Stream<Path> s = Files.list(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        for (String suffix : suffixes) {
          if (p.getFileName().toString().endsWith(suffix)) {
            Files.copy(p, to.resolve(p.getFileName().toString()));
            break;
          }
        }
      }
    }
  }

  /** Decompresses a .gz file. */
  public static void gunzip(Path gz, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
