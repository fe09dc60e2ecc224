/**
 * Logical plans: what a query computes, never how. Immutable records under {@link dev.sluice.plan.LogicalPlan};
 * the analyzer and explain rendering. Depends on {@code types}, {@code expr} and the source SPI of {@code io}
 * (a Scan names its source); knows nothing of execution or Spark.
 */
package dev.sluice.plan;
