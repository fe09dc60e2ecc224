package dev.sluice.spark;

import dev.sluice.Sluice;
import dev.sluice.logic.EmbeddedBackend;
import dev.sluice.logic.LogicBackend;
import org.apache.spark.sql.SparkSession;

import java.util.List;

/**
 * Logic tests on Spark. Sluice's optimizer does not run here (Spark gets the analyzed plan), so the variants are
 * partitionings: the base one and seven partitions (in-memory rows spread over up to 7 partitions, files cut into
 * 1 KiB splits). The one-partition variant is left to the embedded engine to keep the Spark suite fast.
 */
final class SparkBackend implements LogicBackend {
    private final SparkSession spark;

    SparkBackend(SparkSession spark) { this.spark = spark; }

    @Override public String name() { return "spark"; }

    @Override public List<Variant> variants() { return List.of(Variant.BASE, Variant.SEVEN_PARTITIONS); }

    @Override public Sluice session(Variant v) {
        boolean small = v.maxSplitBytes() < (1L << 20);
        spark.conf().set("spark.sql.leafNodeDefaultParallelism", String.valueOf(v.parallelism()));
        spark.conf().set("spark.sql.files.maxPartitionBytes", String.valueOf(v.maxSplitBytes()));
        spark.conf().set("spark.sql.files.openCostInBytes", small ? "0" : String.valueOf(4L << 20));
        spark.conf().set("spark.sql.files.minPartitionNum", String.valueOf(v.parallelism()));
        return SparkEngine.of(spark, EmbeddedBackend.configure(Sluice.builder(), v));
    }
}
