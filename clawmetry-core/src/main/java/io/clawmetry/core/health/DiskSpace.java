package io.clawmetry.core.health;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the size figures of the volume holding a directory. */
@FunctionalInterface
public interface DiskSpace {

  /**
   * The figures of the volume holding {@code dir}.
   *
   * @throws IOException when the volume cannot be read
   */
  Figures read(Path dir) throws IOException;

  /** The real file system, through {@link FileStore}. */
  static DiskSpace fileStore() {
    return dir -> {
      FileStore fs = Files.getFileStore(dir);
      return new Figures(fs.getTotalSpace(), fs.getUnallocatedSpace(), fs.getUsableSpace());
    };
  }

  /**
   * A volume's figures in bytes.
   *
   * @param total the volume's size
   * @param unallocated bytes not allocated to any file
   * @param usable bytes this process may still write (unallocated minus reserved blocks)
   */
  record Figures(long total, long unallocated, long usable) {}
}
