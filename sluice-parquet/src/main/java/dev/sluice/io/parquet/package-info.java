/**
 * Parquet as a Sluice file format, on parquet-java with Hadoop kept off the run-time class path: footers
 * and row groups are read through {@code dev.sluice.io.Storage}, pages are converted straight into vectors
 * (top-level primitive columns a page at a time, nested ones built from their leaves' repetition and definition
 * levels a batch at a time; record assembly only for a layout those builders refuse), projections prune
 * nested columns, statistics and dictionaries skip row groups, and files are written as Spark 4.1 writes
 * them, a vector at a time through parquet-java's column writers (levels computed by Sluice). Depends on
 * sluice-core's {@code io}, {@code types}, {@code vector} and {@code expr} (pushed filters).
 */
package dev.sluice.io.parquet;
