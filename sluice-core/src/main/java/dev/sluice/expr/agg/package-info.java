/**
 * The aggregate functions (count, sum, avg, min/max, first/last, collect, the central moments,
 * approx_count_distinct) and their group-indexed accumulators, one family per file. Depends on {@code expr},
 * {@code types}, {@code vector} and {@code error}; knows nothing of plans or execution.
 */
package dev.sluice.expr.agg;
