/** Runnable example jobs for spark-submit (see docs/spark.md); the tests run them in local mode. */
package dev.sluice.spark.examples;
