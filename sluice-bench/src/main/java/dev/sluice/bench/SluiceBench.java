package dev.sluice.bench;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.nio.file.Path;

import static dev.sluice.functions.col;
import static dev.sluice.functions.from_json;
import static dev.sluice.functions.size;

/**
 * The workload on Sluice's embedded engine with two worker threads, written as the Spark version is. Q1 writes
 * Parquet through sluice-parquet (on the classpath through sluice-cli). Q2 waits for groupBy/agg and the CSV writer
 * (explode and orderBy are there).
 */
final class SluiceBench implements BenchEngine {
    private Sluice sluice;

    @Override public String name() { return "sluice"; }

    @Override
    public void start() {
        sluice = Sluice.builder().parallelism(2).build();
    }

    @Override
    public long run(Query query, Path input, Path output) {
        DataFrame parsed = sluice.read().schema(Workload.INPUT_SCHEMA).json(input.toString())
                .withColumn("content", from_json(col("response_body"), Workload.CONTENT_SCHEMA));
        switch (query) {
            case Q1:
                parsed.select(col("ts"), col("service"), col("status"), col("latency_ms"),
                                col("content.user.id").as("user_id"), col("content.user.country").as("country"),
                                col("content.user.plan").as("plan"), size(col("content.items")).as("n_items"))
                        .write().mode("overwrite").option("compression", "snappy").parquet(output.toString());
                return -1;
            case Q2:
                throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "Q2 on Sluice")
                        .with("reason", "groupBy/agg and the CSV writer have not landed in Sluice yet")
                        .build();
            case Q3:
                return parsed.filter(col("content.error").isNotNull()).count();
            default:
                throw new IllegalArgumentException(query.toString());
        }
    }

    @Override
    public void close() {
        if (sluice != null) sluice.close();
    }
}
