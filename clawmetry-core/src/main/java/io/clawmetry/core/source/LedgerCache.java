package io.clawmetry.core.source;

import io.clawmetry.api.SourceKind;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.attribute.FileTime;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Ledgers kept between processes, in our own directory (never in an OpenClaw home): a command that runs again reads
 * only the transcript bytes written since the last run instead of everything. One file per ledger, named by a hash of
 * its sources (agent, sessions directories, database, as absolute paths).
 *
 * <p>A file is used only when everything checks: its format, the build of ClawMetry that wrote it (the jar's path,
 * size and modification time, so any other build starts afresh), the ledger's sources, and a CRC-32 of its bytes.
 * Anything else (missing, another build, corrupt, truncated, unreadable) means the ledger reads everything as if there
 * were no cache. Files are written to a temporary name and renamed, so a concurrent run sees either the old or the new
 * file. What is restored is exactly the ledger's state after its last refresh: the following refresh applies the same
 * rules as in one process (a file that shrank, vanished or was replaced makes it read everything again).
 *
 * <p>Files of homes no longer looked at do not pile up: a file in use has its modification time renewed at most once
 * a day, and each save removes the ledger files not used for {@link #UNUSED_AFTER} (and temporary files a writer left
 * behind for more than a day). Only this cache's own file names are touched.
 */
public final class LedgerCache {

  /** How long a ledger file may go unused before a save removes it. */
  public static final Duration UNUSED_AFTER = Duration.ofDays(30);

  private static final Duration RENEW_AFTER = Duration.ofDays(1);

  private static final byte[] MAGIC = "CLAWMETRY-LEDGER\n".getBytes(StandardCharsets.US_ASCII);
  // 3: calls and stream states say whether they are in a heartbeat turn; 4: and the turn's agent run; 5: implausible
  // usage values count as 0 and long lines keep a late content start (older ledgers hold the old readings); 6: a token
  // count written as a string is reported (older ledgers hold no warning for it); 7: a recorded cost keeps at most 20
  // decimal places (older ledgers may hold one no sum can be formed with); 8: an implausible total is the sum
  private static final int FORMAT = 8;

  private final Path dir;
  private final String build;
  private final Clock clock;

  /**
   * A cache in {@code dir} (created on the first save, readable by its owner only). Its housekeeping goes by the
   * system clock, as file times do.
   */
  public LedgerCache(Path dir) {
    this(dir, thisBuild(), Clock.systemUTC());
  }

  private static volatile String thisBuild;

  /** The build id, kept once found: the classes loaded are those of the build that started. */
  private static String thisBuild() {
    String id = thisBuild;
    if (id == null) {
      id = buildId(); // null (no cache) this time when it could not be found; tried again by the next cache
      thisBuild = id;
    }
    return id;
  }

  /** A cache in {@code dir} for files written by {@code build} (tests stand for two builds). */
  LedgerCache(Path dir, String build) {
    this(dir, build, Clock.systemUTC());
  }

  LedgerCache(Path dir, String build, Clock clock) {
    this.dir = dir;
    this.build = build;
    this.clock = clock;
  }

  /** The file that holds {@code ledger}. */
  Path fileOf(TranscriptLedger<?> ledger) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(ledger.sourcesKey().getBytes(StandardCharsets.UTF_8));
      return dir.resolve("ledger-" + HexFormat.of().formatHex(h, 0, 12) + ".bin");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Restores {@code ledger} (which must have read nothing yet) from its file when that file checks; true when it
   * did. Never throws for a bad or missing file.
   */
  public <T> boolean load(TranscriptLedger<T> ledger, ItemCodec<T> codec) {
    Path file = fileOf(ledger);
    if (build == null || ledger.loaded() || !Files.isRegularFile(file)) {
      return false;
    }
    try {
      if (!checksumMatches(file)) {
        return false;
      }
      try (InputStream raw = Files.newInputStream(file)) {
        BufferedData.In in = new BufferedData.In(raw);
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!java.util.Arrays.equals(magic, MAGIC) || in.readInt() != FORMAT
            || !build.equals(Binary.readString(in)) || !ledger.sourcesKey().equals(Binary.readString(in))) {
          return false;
        }
        ledger.readFrom(in, codec);
      }
      renew(file);
      return true;
    } catch (IOException | RuntimeException e) {
      return false; // the ledger is untouched: it reads everything
    }
  }

  /** Writes {@code ledger}'s state (after a refresh); false when it could not be written (the run goes on). */
  public <T> boolean save(TranscriptLedger<T> ledger, ItemCodec<T> codec) {
    if (build == null || !ledger.loaded()) {
      return false;
    }
    Path file = fileOf(ledger);
    Path tmp = null;
    try {
      createPrivateDirectory(dir);
      tmp = Files.createTempFile(dir, "ledger-", ".tmp");
      CRC32 crc = new CRC32();
      try (OutputStream raw = Files.newOutputStream(tmp)) {
        BufferedData.Out out = new BufferedData.Out(new CheckedOutputStream(raw, crc));
        out.write(MAGIC);
        out.writeInt(FORMAT);
        Binary.writeString(out, build);
        Binary.writeString(out, ledger.sourcesKey());
        ledger.writeTo(out, codec);
        out.flush(); // through the checksum; the trailer goes around it
        new DataOutputStream(raw).writeLong(crc.getValue());
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      removeUnused(file);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a stray temporary file in our own directory
        }
      }
    }
  }

  /** Marks {@code file} as in use (its modification time), at most once a day; a failure only costs a later read. */
  private void renew(Path file) {
    try {
      Instant now = clock.instant();
      if (Files.getLastModifiedTime(file).toInstant().isBefore(now.minus(RENEW_AFTER))) {
        Files.setLastModifiedTime(file, FileTime.from(now));
      }
    } catch (IOException | RuntimeException e) {
      // the file may be removed as unused a month later; the ledger is read in full then
    }
  }

  /** The names this cache writes: {@link #fileOf} and the temporary files of {@link #save}. */
  private static final Pattern LEDGER_NAME = Pattern.compile("ledger-[0-9a-f]{24}\\.bin");

  private static final Pattern TEMPORARY_NAME = Pattern.compile("ledger-[0-9]+\\.tmp");

  /**
   * Removes this cache's ledger files unused for {@link #UNUSED_AFTER} and its temporary files older than a day,
   * except {@code keep}: regular files with the names this cache writes only, links never followed, each file on its
   * own (one that cannot be removed does not stop the others).
   */
  private void removeUnused(Path keep) {
    Instant now = clock.instant();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "ledger-*")) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        Duration age =
            LEDGER_NAME.matcher(name).matches() ? UNUSED_AFTER
                : TEMPORARY_NAME.matcher(name).matches() ? RENEW_AFTER : null;
        if (age == null || f.equals(keep)) {
          continue;
        }
        try {
          BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          if (a.isRegularFile() && a.lastModifiedTime().toInstant().isBefore(now.minus(age))) {
            Files.deleteIfExists(f);
          }
        } catch (IOException | RuntimeException e) {
          // gone meanwhile (another run cleaning up) or not removable: left for a later save
        }
      }
    } catch (IOException | RuntimeException e) {
      // the directory cannot be listed: unused files stay until a later save
    }
  }

  private static boolean checksumMatches(Path file) throws IOException {
    long size = Files.size(file);
    if (size < MAGIC.length + 8) {
      return false;
    }
    CRC32 crc = new CRC32();
    try (InputStream in = new CheckedInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), crc)) {
      byte[] buf = new byte[1 << 16];
      long left = size - 8;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          return false;
        }
        left -= n;
      }
      long computed = crc.getValue(); // before the trailer goes through the checksum too
      return new DataInputStream(in).readLong() == computed;
    }
  }

  private static void createPrivateDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    try {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(dir);
    }
  }

  /**
   * The identity of this build of ClawMetry: where its classes are, their size and time (null when unknown). For a
   * jar, the jar; for class directories (tests, an IDE), every class file of the core and API modules, so that a
   * change to any of them starts afresh.
   */
  static String buildId() {
    try {
      StringBuilder id = new StringBuilder();
      Path core = codeSource(TranscriptLedger.class);
      Path api = codeSource(SourceKind.class);
      for (Path p : api.equals(core) ? new Path[] {core} : new Path[] {core, api}) {
        id.append(id.length() == 0 ? "" : "+").append(identity(p));
      }
      return id.toString();
    } catch (Exception e) {
      return null; // no identity, no cache
    }
  }

  private static Path codeSource(Class<?> c) throws Exception {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
  }

  /** A jar's path, size and time; a directory's path, class file count, total size and newest time. */
  private static String identity(Path p) throws IOException {
    if (!Files.isDirectory(p)) {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      return p + "|" + a.size() + "|" + a.lastModifiedTime().toMillis();
    }
    long[] countSizeNewest = new long[3];
    try (Stream<Path> files = Files.walk(p)) {
      files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
        try {
          BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
          countSizeNewest[0]++;
          countSizeNewest[1] += a.size();
          countSizeNewest[2] = Math.max(countSizeNewest[2], a.lastModifiedTime().toMillis());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
    return p + "|" + countSizeNewest[0] + "|" + countSizeNewest[1] + "|" + countSizeNewest[2];
  }

  /** The source kind named {@code name}; an {@link IOException} for any other text (a corrupt file). */
  static SourceKind sourceKind(String name) throws IOException {
    try {
      return SourceKind.valueOf(name);
    } catch (RuntimeException e) {
      throw new IOException("unknown source kind: " + name, e);
    }
  }
}
