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

    /** SQL records run on Spark's own parser and planner: the file's tables become Spark temporary views. */
    @Override public SqlResult sql(Sluice session, String query, java.util.Map<String, dev.sluice.DataFrame> tables) {
        SparkEngine engine = (SparkEngine) session.engine();
        try {
            for (var t : tables.entrySet()) engine.toDataset(t.getValue().logicalPlan()).createOrReplaceTempView(t.getKey());
            spark.conf().set("spark.sql.ansi.enabled", String.valueOf(session.conf().ansi()));
            spark.conf().set("spark.sql.session.timeZone", "UTC");
            org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> ds = spark.sql(query);
            dev.sluice.types.StructType schema = (dev.sluice.types.StructType) SparkTypes.fromSpark(ds.schema());
            java.util.List<dev.sluice.types.Row> rows = new java.util.ArrayList<>();
            for (org.apache.spark.sql.Row r : ds.collectAsList()) rows.add(SparkValues.fromSpark(r, schema));
            return new SqlResult(schema, rows);
        } catch (dev.sluice.error.SluiceException e) {
            throw e;
        } catch (Exception e) {   // Scala code throws checked AnalysisException without declaring it
            throw SparkErrors.translate(e);
        }
    }
}
