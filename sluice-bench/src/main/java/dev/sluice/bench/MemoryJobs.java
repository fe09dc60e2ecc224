package dev.sluice.bench;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.Window;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static dev.sluice.functions.col;
import static dev.sluice.functions.from_json;
import static dev.sluice.functions.max;
import static dev.sluice.functions.row_number;

/**
 * The M jobs on Sluice (the embedded engine, two workers, its default memory budget: a share of whatever heap
 * the JVM was given) and on DuckDB (two threads, {@code memory_limit} as given, spilling to a temp directory in
 * the output). Each returns the job's one number; M3 returns -1 and its rows are counted from the files after
 * the timed part.
 */
final class MemoryJobs {
    private MemoryJobs() {}

    static long sluice(MemoryJob job, Path input, Path output) {
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            DataFrame logs = sluice.read().schema(Workload.INPUT_SCHEMA).json(input.toString());
            DataFrame parsed = logs.withColumn("content", from_json(col("response_body"), Workload.CONTENT_SCHEMA));
            switch (job) {
                case M1:
                    return parsed.filter(col("content.error").isNotNull()).count();
                case M2:
                    return logs.groupBy("request_id").agg(max("latency_ms")).count();
                case M3:
                    logs.select(col("ts"), col("request_id"), col("latency_ms"))
                            .orderBy(col("latency_ms").desc(), col("request_id"))
                            // row groups of 8 MiB (DuckDB writes ~122,880 rows a group): the Parquet writer buffers a
                            // whole row group in the heap, and the 128 MiB default does not fit a 64 MiB heap
                            .write().mode("overwrite").option("parquet.block.size", String.valueOf(8 << 20)).parquet(output.toString());
                    return -1;
                case M4:
                    return logs.select(col("request_id"), col("status"))
                            .join(logs.select(col("request_id").as("rid"), col("latency_ms")), col("request_id").equalTo(col("rid")))
                            .count();
                case M5:
                    return parsed.select(col("content.user.id").as("user_id"), col("path")).distinct().count();
                case M6:
                    return parsed.withColumn("rn", row_number().over(Window.partitionBy(col("content.user.id"))
                                    .orderBy(col("latency_ms").desc())))
                            .filter(col("rn").equalTo(1)).count();
                default:
                    throw new IllegalArgumentException(job.toString());
            }
        }
    }

    static long duckdb(MemoryJob job, Path input, Path output, String memoryLimit) throws Exception {
        OutputDirs.recreate(output);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads=2");
            s.execute("SET memory_limit=" + DuckDbBench.quote(memoryLimit));
            s.execute("SET temp_directory=" + DuckDbBench.quote(output.resolve(".duckdb-tmp").toString()));
            s.execute("SET preserve_insertion_order=false");
            String logs = "(SELECT * FROM read_json(" + DuckDbBench.quote(input.toString()) + ", format = 'newline_delimited', columns = "
                    + Workload.DUCKDB_INPUT_COLUMNS + "))";
            String parsed = DuckDbBench.parsedSql(input);
            String sql;
            switch (job) {
                case M1: sql = "SELECT count(*) FROM " + parsed + " WHERE content.error IS NOT NULL"; break;
                case M2: sql = "SELECT count(*) FROM (SELECT request_id, max(latency_ms) FROM " + logs + " GROUP BY request_id)"; break;
                case M3:
                    s.execute("COPY (SELECT ts, request_id, latency_ms FROM " + logs + " ORDER BY latency_ms DESC, request_id) TO "
                            + DuckDbBench.quote(output.resolve("part-0.parquet").toString()) + " (FORMAT parquet, COMPRESSION snappy)");
                    return -1;
                case M4: sql = "SELECT count(*) FROM (SELECT request_id, status FROM " + logs + ") a JOIN (SELECT request_id AS rid, "
                        + "latency_ms FROM " + logs + ") b ON a.request_id = b.rid"; break;
                case M5: sql = "SELECT count(*) FROM (SELECT DISTINCT content.user.id AS user_id, path FROM " + parsed + ")"; break;
                case M6: sql = "SELECT count(*) FROM (SELECT row_number() OVER (PARTITION BY content.user.id ORDER BY latency_ms DESC) "
                        + "AS rn FROM " + parsed + ") WHERE rn = 1"; break;
                default: throw new IllegalArgumentException(job.toString());
            }
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The job's digest: its number, or for M3 the rows written and their latency sum, read back by DuckDB. */
    static Digest digest(MemoryJob job, Path output, long count) throws Exception {
        if (job != MemoryJob.M3) return Digest.builder().add("count", count).build();
        var files = Digests.dataFiles(output, ".parquet");
        if (files.isEmpty()) throw new java.io.IOException("no .parquet files in " + output);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads=2");
            try (ResultSet rs = s.executeQuery("SELECT count(*), sum(latency_ms) FROM read_parquet(" + DuckDbBench.sqlList(files) + ")")) {
                rs.next();
                return Digest.builder().add("rows", rs.getLong(1)).add("sum_latency", rs.getDouble(2)).build();
            }
        }
    }
}
