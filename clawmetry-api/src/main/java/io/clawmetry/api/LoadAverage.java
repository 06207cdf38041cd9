package io.clawmetry.api;

/**
 * The system load average.
 *
 * @param oneMinute over one minute, or null when unavailable
 * @param fiveMinutes over five minutes, or null when unavailable (only {@code /proc/loadavg} has it)
 * @param fifteenMinutes over fifteen minutes, or null when unavailable (only {@code /proc/loadavg} has it)
 * @param processors processors available to this JVM, to read the load against
 */
public record LoadAverage(Double oneMinute, Double fiveMinutes, Double fifteenMinutes, int processors) {}
