package io.clawmetry.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.ClawMetry;
import io.clawmetry.core.ClawMetryBuilder;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;

/** The example home, its truth file, temp copies of it, and a facade opened on one with a fixed clock. */
final class TestHomes {

  /** "Now" in every test: the evening of the example home's last day. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T18:00:00Z"), ZoneOffset.UTC);

  private TestHomes() {}

  static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      if (Files.isDirectory(p.resolve("examples/home")) && Files.isDirectory(p.resolve("testdata"))) {
        return p;
      }
      p = p.getParent();
    }
    throw new IllegalStateException("examples/home not found above " + Path.of("").toAbsolutePath());
  }

  static Path exampleHome() {
    return repoRoot().resolve("examples/home");
  }

  static JsonNode truth() {
    try {
      return Json.STRICT.readTree(repoRoot().resolve("examples/home-truth.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ClawMetry open(Path home, Path userHome) {
    return ClawMetryBuilder.create()
        .environment(Environment.of(Map.of(), userHome))
        .stateDir(home)
        .clock(CLOCK)
        .build();
  }

  /** Copies the example home into {@code dir}. */
  static Path copyHome(Path dir) throws IOException {
    Path src = exampleHome();
    Path dst = dir.resolve("home");
    try (Stream<Path> all = Files.walk(src)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path t = dst.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return dst;
  }

  /**
   * A copy whose config points the workspaces at the copy ({@code <copy>/workspace} holds the example's memory files)
   * and {@code logging.file} at {@code <copy>/logs/openclaw-2026-11-20.log}, filled with the real gateway log excerpt.
   */
  static Path copyWithWorkspaceAndLog(Path dir) throws IOException {
    Path home = copyHome(dir);
    Path cfg = home.resolve("openclaw.json");
    String text = Files.readString(cfg, StandardCharsets.UTF_8);
    String abs = home.toAbsolutePath().toString().replace("\\", "/");
    Path log = home.resolve("logs/openclaw-2026-11-20.log");
    text = text.replace("/home/alice/.openclaw", abs);
    text = text.replace("  gateway: {", "  logging: { file: \"" + log.toString().replace("\\", "/") + "\" },\n  gateway: {");
    Files.writeString(cfg, text, StandardCharsets.UTF_8);
    Files.copy(repoRoot().resolve("testdata/openclaw-2026.9.6/logs/gateway-file-log-excerpt.jsonl"), log);
    return home;
  }
}
