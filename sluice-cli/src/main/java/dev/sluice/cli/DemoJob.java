package dev.sluice.cli;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.WriteResult;
import dev.sluice.exec.JobListener;
import dev.sluice.glue.DynamicFrame;

import java.io.PrintWriter;

import static dev.sluice.functions.col;
import static dev.sluice.functions.from_json;

/**
 * The demo's job, written against the public API exactly as a user would write it (the README's quickstart is the
 * same code): read the logs with an explicit schema, parse response_body with from_json, wrap the result in a
 * DynamicFrame, count the failed requests and write ts and country as JSON. Plans, rows and schemas are printed to
 * {@code out} (the API's print methods would go to System.out, around the command's writer).
 */
final class DemoJob implements DemoCommand.Job {
    static final String INPUT_SCHEMA_DDL = "ts STRING, request_id STRING, service STRING, method STRING, path STRING, "
            + "status INT, latency_ms DOUBLE, response_body STRING";
    static final String CONTENT_SCHEMA_DDL = "struct<user: struct<id: bigint, country: string, plan: string>, "
            + "items: array<struct<sku: string, qty: int, price: double>>, "
            + "error: struct<code: string, message: string>>";

    /** What the job reports back to the command. */
    record Result(long rowsWritten, long failures) {}

    @Override
    public Result run(DemoConfig config, JobListener listener, PrintWriter out) {
        try (Sluice sluice = Sluice.builder().parallelism(config.parallelism()).listener(listener).build()) {
            DataFrame logs = sluice.read().schema(INPUT_SCHEMA_DDL).json(config.dataFile().toString());
            DataFrame parsed = logs.withColumn("content", from_json(col("response_body"), CONTENT_SCHEMA_DDL));
            DynamicFrame dyf = DynamicFrame.fromDF(parsed, "logs_content_dyf");
            DataFrame failed = parsed.filter(col("content.error").isNotNull());
            DataFrame countries = parsed.select(col("ts"), col("content.user.country").alias("country"));

            section(out, "plan of the write (ts, country)");
            out.print(countries.explainString("simple"));
            section(out, "running: count of failed requests, then the write");
            long failures = failed.count();
            WriteResult written = countries.write().mode("overwrite").json(config.outDir().toString());
            section(out, "parsed rows: show(5)");
            out.print(parsed.showString(5, 20, false));
            section(out, "DynamicFrame " + dyf.name() + ": printSchema()");
            out.print(dyf.schemaString());
            out.flush();
            return new Result(written.rows(), failures);
        }
    }

    private static void section(PrintWriter out, String title) {
        out.println();
        out.println("== " + title);
        out.flush();   // the progress display writes to stderr in between; keep the order on a terminal
    }
}
