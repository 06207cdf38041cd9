package io.clawmetry.api;

/**
 * One GPU as {@code nvidia-smi} reports it. A figure the driver reports as not available is null.
 *
 * @param index the GPU's index
 * @param name the product name
 * @param utilizationPercent GPU utilisation in percent
 * @param memoryUsedMiB memory in use, MiB
 * @param memoryTotalMiB memory installed, MiB
 * @param temperatureC the core temperature, degrees Celsius
 */
public record GpuInfo(
    int index,
    String name,
    Integer utilizationPercent,
    Long memoryUsedMiB,
    Long memoryTotalMiB,
    Integer temperatureC) {}
