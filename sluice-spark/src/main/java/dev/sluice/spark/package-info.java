/**
 * Runs Sluice plans on Apache Spark 4.1 (Scala 2.13): {@link dev.sluice.spark.SparkEngine} translates an analyzed
 * plan into a Spark {@code Dataset} (sources through Spark's own readers, expressions through
 * {@code org.apache.spark.sql.functions} and the {@code Column} API), runs Sluice actions on it, and maps Spark's
 * error conditions onto Sluice's error codes. Uses only Spark's public, Connect-compatible API
 * ({@code org.apache.spark.sql} of module sql-api), except for the explain text. Spark is a provided dependency.
 */
package dev.sluice.spark;
