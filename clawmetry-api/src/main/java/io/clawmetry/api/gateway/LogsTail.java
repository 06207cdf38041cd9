package io.clawmetry.api.gateway;

import java.util.List;

/**
 * {@code logs.tail}: raw log lines after a byte cursor.
 *
 * @param file the log file the gateway reads
 * @param cursor the cursor to pass next time
 * @param size the file size
 * @param lines raw JSONL lines
 * @param truncated whether lines were left out (limit or byte cap)
 * @param reset whether the file rotated and the cursor restarted from the beginning
 */
public record LogsTail(String file, long cursor, long size, List<String> lines, boolean truncated, boolean reset) {

  public LogsTail {
    lines = List.copyOf(lines);
  }
}
