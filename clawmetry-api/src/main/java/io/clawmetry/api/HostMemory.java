package io.clawmetry.api;

/**
 * The host's physical memory.
 *
 * @param totalBytes installed memory
 * @param availableBytes memory available to new work without swapping ({@code MemAvailable}; the JVM's free memory
 *     when {@code /proc/meminfo} is unreadable)
 * @param usedPercent {@code (total - available) / total} in percent, rounded to one decimal
 * @param source where the figures come from: {@code /proc/meminfo} or {@code jvm}
 */
public record HostMemory(long totalBytes, long availableBytes, double usedPercent, String source) {}
