package io.clawmetry.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The example program finds the implementation through ServiceLoader and lists the example home's sessions. */
class LibraryUsageExampleTest {

  @Test
  void listsSessionsThroughThePublicApiOnly() throws Exception {
    Path here = Paths.get("").toAbsolutePath();
    Path home = Files.isDirectory(here.resolve("home")) ? here.resolve("home") : here.resolve("examples/home");
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      LibraryUsageExample.main(new String[] {home.toString()});
    } finally {
      System.setOut(old);
    }
    String out = buf.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("agent:main:main"), out);
    assertTrue(out.contains("agent:ops:subagent:43d8ce88-9d5f-47b7-9893-eec9a52a0231"), out);
  }
}
