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
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
 */
public final class LedgerCache {

  private static final byte[] MAGIC = "CLAWMETRY-LEDGER\n".getBytes(StandardCharsets.US_ASCII);
  private static final int FORMAT = 2;

  private final Path dir;
  private final String build;

  /** A cache in {@code dir} (created on the first save, readable by its owner only). */
  public LedgerCache(Path dir) {
    this(dir, buildId());
  }

  /** A cache in {@code dir} for files written by {@code build} (tests stand for two builds). */
  LedgerCache(Path dir, String build) {
    this.dir = dir;
    this.build = build;
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
        return true;
      }
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

  /** The identity of this build of ClawMetry: where its classes are, their size and time (null when unknown). */
  static String buildId() {
    try {
      Path p = Path.of(TranscriptLedger.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(p)) {
        p = p.resolve(TranscriptLedger.class.getName().replace('.', '/') + ".class");
      }
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      return p.toAbsolutePath() + "|" + a.size() + "|" + a.lastModifiedTime().toMillis();
    } catch (Exception e) {
      return null; // no identity, no cache
    }
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
