package io.clawmetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.clawmetry.core.discovery.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the CLI keeps its ledgers between runs, by environment. */
class CacheDirTest {

  private static Path cacheDir(Map<String, String> vars) {
    PrintWriter w = new PrintWriter(new StringWriter());
    return new CliContext(w, w, Environment.of(vars, Path.of("/home/u")), false, Terminal.NONE).cacheDir();
  }

  @TempDir Path tmp;

  @Test
  void aSecondRunFromTheCachePrintsTheSame() throws Exception {
    Path cache = tmp.resolve("c");
    Environment env = Environment.of(Map.of("CLAWMETRY_CACHE_DIR", cache.toString()), tmp);
    String home = CliRun.exampleHome().toString();
    CliRun first = CliRun.run(env, "usage", "daily", "--json", "-z", "UTC", "--home", home);
    assertEquals(Main.OK, first.exitCode, first.err);
    assertEquals(3, java.nio.file.Files.list(cache).count(), "one ledger file per agent");
    CliRun second = CliRun.run(env, "usage", "daily", "--json", "-z", "UTC", "--home", home);
    assertEquals(first.out, second.out);
    CliRun cold = CliRun.run(Environment.of(Map.of("CLAWMETRY_CACHE", "0"), tmp), "usage", "daily", "--json", "-z",
        "UTC", "--home", home);
    assertEquals(cold.out, second.out);
    Environment off = Environment.of(Map.of("CLAWMETRY_CACHE", "0"), tmp);
    assertEquals(CliRun.run(off, "sessions", "--json", "--home", home).out,
        CliRun.run(env, "sessions", "--json", "--home", home).out);
  }

  @Test
  void theEnvironmentDecides() {
    assertEquals(Path.of("/home/u/.cache/clawmetry"), cacheDir(Map.of()));
    assertEquals(Path.of("/x/clawmetry"), cacheDir(Map.of("XDG_CACHE_HOME", "/x")));
    assertEquals(Path.of("/c"), cacheDir(Map.of("CLAWMETRY_CACHE_DIR", "/c", "XDG_CACHE_HOME", "/x")));
    assertNull(cacheDir(Map.of("CLAWMETRY_CACHE", "0", "CLAWMETRY_CACHE_DIR", "/c")));
    assertNull(cacheDir(Map.of("CLAWMETRY_CACHE", "off")));
  }
}
