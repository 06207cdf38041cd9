package io.clawmetry.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.SourceKind;
import io.clawmetry.api.Warning;
import io.clawmetry.core.warn.Warnings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A zstd archive read where zstd-jni's native library cannot be loaded (here: a relative {@code ZstdNativePath}, which
 * it refuses) is reported as an archive that could not be decoded, and the read ends normally instead of failing the
 * whole run. Runs in a child JVM: a library that failed to load stays failed for the JVM's lifetime.
 */
class ZstdUnavailableTest {

  private static final Path ARCHIVE =
      TestData.root().getParent()
          .resolve(
              "examples/home/agents/main/sessions/"
                  + "0479ff19-bfdc-4570-b4c2-c96f079eff51.jsonl.deleted.2026-11-08T12-00-00.000Z.zst");

  @org.junit.jupiter.api.io.TempDir Path tmp;

  @Test
  void aMissingNativeLibraryBecomesAWarning() throws Exception {
    Path log = tmp.resolve("child.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-DZstdNativePath=not/absolute/libzstd-jni.so",
                "-cp",
                System.getProperty("java.class.path"),
                Child.class.getName(),
                ARCHIVE.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean ended = p.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(ended, "child JVM still running after 60 s: " + out);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("events=0"), out);
    assertTrue(out.contains("BAD_ARCHIVE") && out.contains("zstd native library unavailable"), out);
  }

  /** Reads one archive and prints what it got and the warnings. */
  public static final class Child {
    public static void main(String[] args) throws IOException {
      Warnings w = new Warnings();
      TranscriptFile f = new TranscriptFile(Path.of(args[0]), SourceKind.ZSTD_ARCHIVE);
      List<Object> events = new ArrayList<>();
      new TranscriptFileReader(w)
          .readWithoutContent(f, LineReader.Position.START, TranscriptFileReader.newState(f), events::add);
      System.out.println("events=" + events.size());
      for (Warning x : w.list()) {
        System.out.println(x.kind() + " " + x.message());
      }
      if (!Files.exists(f.path())) {
        throw new IllegalStateException("missing " + f.path());
      }
    }
  }
}
