package dev.sluice.connect;

import java.util.Map;
import java.util.TreeMap;

/**
 * Spark 4.1's defaults for the configuration keys Spark Connect clients read (a client fails when one of them is
 * missing), with the overrides a server outside Spark needs: plan compression off ({@code -1}) and the session time
 * zone Sluice computes in (UTC). Local relations above Spark's 64 MiB threshold arrive as cache artifacts.
 */
final class SparkDefaults {
    private SparkDefaults() {}

    static Map<String, String> create() {
        Map<String, String> m = new TreeMap<>();
        // read by the clients themselves
        m.put("spark.sql.session.timeZone", "UTC");
        m.put("spark.sql.timestampType", "TIMESTAMP_LTZ");
        m.put("spark.sql.session.localRelationCacheThreshold", String.valueOf(64L << 20));   // Spark's: larger ones come as artifacts
        m.put("spark.sql.session.localRelationChunkSizeRows", "10000");
        m.put("spark.sql.session.localRelationChunkSizeBytes", String.valueOf(16L << 20));
        m.put("spark.sql.session.localRelationSizeLimit", String.valueOf(3L << 30));
        m.put("spark.sql.session.localRelationBatchOfChunksSizeBytes", String.valueOf(128L << 20));
        m.put("spark.sql.execution.pandas.convertToArrowArraySafely", "false");
        m.put("spark.sql.execution.pandas.inferPandasDictAsMap", "false");
        m.put("spark.sql.execution.pandas.structHandlingMode", "legacy");
        m.put("spark.sql.execution.pyspark.binaryAsBytes", "true");
        m.put("spark.sql.execution.arrow.useLargeVarTypes", "false");
        m.put("spark.sql.execution.arrow.maxRecordsPerBatch", "10000");
        m.put("spark.sql.execution.arrow.pyspark.enabled", "false");
        m.put("spark.sql.execution.arrow.pyspark.fallback.enabled", "true");
        m.put("spark.sql.execution.arrow.pyspark.selfDestruct.enabled", "false");
        m.put("spark.sql.execution.pythonUDF.arrow.enabled", "false");
        m.put("spark.sql.execution.pythonUDTF.arrow.enabled", "false");
        m.put("spark.sql.pyspark.inferNestedDictAsStruct.enabled", "false");
        m.put("spark.sql.pyspark.legacy.inferArrayTypeFromFirstElement.enabled", "false");
        m.put("spark.sql.pyspark.legacy.inferMapTypeFromFirstPair.enabled", "false");
        m.put("spark.sql.pyspark.jvmStacktrace.enabled", "false");
        m.put("spark.sql.connect.serverStacktrace.enabled", "false");
        m.put("spark.sql.repl.eagerEval.enabled", "false");
        m.put("spark.sql.repl.eagerEval.maxNumRows", "20");
        m.put("spark.sql.repl.eagerEval.truncate", "20");
        m.put("spark.sql.artifact.isolation.enabled", "false");
        m.put("spark.sql.artifact.isolation.alwaysApplyClassloader", "false");
        m.put("spark.connect.session.planCompression.threshold", "-1");
        m.put("spark.connect.session.planCompression.defaultAlgorithm", "NONE");
        m.put("spark.sql.leafNodeDefaultParallelism", String.valueOf(Runtime.getRuntime().availableProcessors()));
        // commonly read by users and libraries
        m.put("spark.sql.ansi.enabled", "true");
        m.put("spark.sql.caseSensitive", "false");
        m.put("spark.sql.mapKeyDedupPolicy", "EXCEPTION");
        m.put("spark.sql.shuffle.partitions", "200");
        m.put("spark.sql.adaptive.enabled", "true");
        m.put("spark.sql.sources.default", "parquet");
        m.put("spark.sql.files.maxPartitionBytes", String.valueOf(128L << 20));
        m.put("spark.sql.autoBroadcastJoinThreshold", String.valueOf(10L << 20));
        m.put("spark.sql.parquet.compression.codec", "snappy");
        m.put("spark.sql.legacy.timeParserPolicy", "CORRECTED");
        m.put("spark.app.name", "Sluice");
        m.put("spark.master", "local[*]");
        m.put("spark.api.mode", "connect");
        return m;
    }
}
