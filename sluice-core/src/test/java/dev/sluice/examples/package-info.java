/**
 * Spark's documented function examples as a test suite: the data file written by sluice-spark's
 * SparkExamplesGenerator, a runner over {@code Sluice.sql}, Spark's hive text of values, the skip list and the
 * list of passing examples that guards against regressions.
 */
package dev.sluice.examples;
