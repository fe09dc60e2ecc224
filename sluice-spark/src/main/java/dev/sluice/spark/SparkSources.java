package dev.sluice.spark;

import dev.sluice.io.DataSource;
import dev.sluice.io.MemorySource;
import dev.sluice.io.json.JsonLinesSource;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;

/**
 * Sluice sources read by Spark's own readers with the same schema and options, so Spark's parser (not Sluice's)
 * decides what each record holds.
 */
final class SparkSources {
    private SparkSources() {}

    static Dataset<Row> read(SparkSession spark, DataSource source) {
        if (source instanceof dev.sluice.io.PartitionedSource files) {
            // any file format: Spark's reader of the same name, with the same schema, options and partition discovery
            return spark.read().format(files.formatName()).schema(SparkTypes.toSpark(files.schema())).options(files.options())
                    .load(files.paths().toArray(new String[0]));
        }
        if (source instanceof JsonLinesSource json) {
            return spark.read().schema(SparkTypes.toSpark(json.schema())).options(json.options().values())
                    .json(json.paths().toArray(new String[0]));
        }
        if (source instanceof MemorySource memory) {
            List<Row> rows = new ArrayList<>(memory.rows().size());
            for (dev.sluice.types.Row r : memory.rows()) rows.add(SparkValues.toSpark(r));
            return spark.createDataFrame(rows, SparkTypes.toSpark(memory.schema()));
        }
        if (source instanceof dev.sluice.io.RangeSource range) {
            return spark.range(range.start(), range.end(), range.step(), range.partitions()).toDF();
        }
        if (source.getClass().getName().equals("dev.sluice.io.parquet.ParquetSource")) {
            // by name: sluice-parquet is optional, and only a plan holding its source has it on the class path
            return ParquetScans.read(spark, source);
        }
        throw SparkTypes.unsupported("reading a " + source.formatName() + " source (" + source.getClass().getSimpleName() + ")");
    }
}
