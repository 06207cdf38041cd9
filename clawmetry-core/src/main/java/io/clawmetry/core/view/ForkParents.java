package io.clawmetry.core.view;

import io.clawmetry.api.TranscriptEvent;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Whether a forked session's parent transcript is still there to hold the entries the fork copied from it. Usage books
 * a copied entry to the session that wrote it when the parent's file is read (it is read first, being older); when that
 * file is gone, the fork's copy is the only one and counts for the fork. Views that sum a fork's own calls ask here.
 */
public final class ForkParents {

  private ForkParents() {}

  /**
   * True when the header names a parent whose transcript exists: at the recorded path, or (a home copied or mounted
   * elsewhere) under the same file name next to the fork's own file.
   */
  public static boolean present(TranscriptEvent.SessionHeader header) {
    String parent = header.parentSession();
    if (parent == null || parent.isBlank()) {
      return false;
    }
    try {
      Path recorded = Path.of(parent);
      if (Files.isRegularFile(recorded)) {
        return true;
      }
      Path own = Path.of(header.meta().origin().source());
      Path name = recorded.getFileName();
      return name != null && own.getParent() != null && Files.isRegularFile(own.resolveSibling(name));
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
