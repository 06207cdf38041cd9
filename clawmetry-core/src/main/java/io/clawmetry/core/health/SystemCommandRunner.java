package io.clawmetry.core.health;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs programs found on a PATH: stdin closed, stderr discarded, stdout read (at most {@link #MAX_OUTPUT} bytes) on a
 * daemon thread so that a hung program cannot hold the caller beyond the timeout.
 */
final class SystemCommandRunner implements CommandRunner {

  /** Output beyond this many bytes is dropped. */
  static final int MAX_OUTPUT = 64 * 1024;

  private final String path;

  SystemCommandRunner(String path) {
    this.path = path;
  }

  @Override
  public boolean available(String program) {
    return find(program) != null;
  }

  private Path find(String program) {
    if (path == null || program.contains("/") || program.contains(File.separator)) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path p = Path.of(dir, program);
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return p;
        }
      }
    }
    return null;
  }

  @Override
  public String run(List<String> argv, Duration timeout) throws IOException {
    Path exe = find(argv.get(0));
    if (exe == null) {
      throw new IOException(argv.get(0) + " not found on the PATH");
    }
    List<String> cmd = new ArrayList<>(argv);
    cmd.set(0, exe.toString());
    Process p =
        new ProcessBuilder(cmd)
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    p.getOutputStream().close();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> drain(p.getInputStream(), out), "clawmetry-command-output");
    reader.setDaemon(true);
    reader.start();
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IOException(argv.get(0) + " did not finish within " + timeout.toMillis() + " ms");
      }
      reader.join(timeout.toMillis());
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException(argv.get(0) + " interrupted", e);
    }
    if (p.exitValue() != 0) {
      throw new IOException(argv.get(0) + " exited with status " + p.exitValue());
    }
    synchronized (out) {
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  private static void drain(InputStream in, ByteArrayOutputStream out) {
    byte[] buf = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        synchronized (out) {
          int keep = Math.min(n, MAX_OUTPUT - out.size());
          if (keep > 0) {
            out.write(buf, 0, keep);
          }
        }
      }
    } catch (IOException e) {
      // the process went away; what was read is kept
    }
  }
}
