package io.clawmetry.api;

import java.time.Duration;

/**
 * The JVM ClawMetry runs in.
 *
 * @param heapUsedBytes heap in use
 * @param heapCommittedBytes heap committed by the JVM
 * @param heapMaxBytes the heap limit, or null when undefined
 * @param version the Java runtime version
 * @param threads live threads
 * @param uptime how long this JVM has been running
 */
public record JvmStatus(
    long heapUsedBytes, long heapCommittedBytes, Long heapMaxBytes, String version, int threads, Duration uptime) {}
