package io.clawmetry.api;

/**
 * Usage of one file system volume.
 *
 * @param path the directory whose volume this is (the OpenClaw state directory)
 * @param totalBytes the volume's size
 * @param usedBytes bytes allocated (size minus unallocated)
 * @param availableBytes bytes this process may still write
 * @param usedPercent {@code usedBytes / (usedBytes + availableBytes)} in percent as {@code df} computes it (blocks
 *     reserved for root count as neither), rounded half-up to one decimal; 0 for an empty volume
 * @param warnPercent the warning threshold the snapshot was taken with
 * @param warning whether {@code usedPercent >= warnPercent}
 */
public record DiskUsage(
    String path,
    long totalBytes,
    long usedBytes,
    long availableBytes,
    double usedPercent,
    double warnPercent,
    boolean warning) {}
