/**
 * Host health for {@code ClawMetry.health()}: disk, memory, load, uptime, JVM, loopback port checks and GPUs. Every
 * source (the {@code /proc} root, the disk, the port probe, the command runner, the clock) is injectable through
 * {@link io.clawmetry.core.health.HealthSources} so tests read fixture files instead of the machine.
 */
package io.clawmetry.core.health;
