package dev.sluice.spark;

import dev.sluice.io.DataSource;
import dev.sluice.io.parquet.ParquetSource;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Parquet scans through Spark's Parquet reader, with Sluice's schema (kept apart: sluice-parquet is optional). */
final class ParquetScans {
    private ParquetScans() {}

    static Dataset<Row> read(SparkSession spark, DataSource source) {
        ParquetSource parquet = (ParquetSource) source;
        return spark.read().schema(SparkTypes.toSpark(parquet.schema())).parquet(parquet.paths().toArray(new String[0]));
    }
}
