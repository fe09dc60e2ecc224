/**
 * Column expressions: immutable records under the sealed {@link dev.sluice.expr.Expression}, each evaluated a
 * batch at a time; casts, string kernels and type coercion rules. Depends on {@code types}, {@code vector},
 * {@code json} and {@code error}; knows nothing of plans, files or execution.
 */
package dev.sluice.expr;
