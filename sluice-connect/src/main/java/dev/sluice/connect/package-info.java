/**
 * A Spark Connect server: unchanged PySpark ({@code pyspark-client}) and Spark Connect JVM clients run on Sluice.
 * Protocol plans become Sluice {@code DataFrame}s through the public API (the reverse of {@code sluice-spark});
 * results go back as Arrow IPC batches. Depends on the core API, {@code sluice-parquet} and the generated protocol
 * classes only: no Scala and no Spark at run time.
 */
package dev.sluice.connect;
