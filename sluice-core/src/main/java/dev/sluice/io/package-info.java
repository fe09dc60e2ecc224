/**
 * Sources and sinks: the source SPI, storage access, file listing and splits, the job commit protocol,
 * and the file formats ({@code io.json}, later csv and text). Depends on {@code types}, {@code vector},
 * {@code expr} (pushed filters) and {@code json}; knows nothing of plans or the scheduler.
 */
package dev.sluice.io;
