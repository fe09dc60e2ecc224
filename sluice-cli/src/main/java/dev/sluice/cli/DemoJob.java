package dev.sluice.cli;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.exec.JobListener;

import java.io.PrintWriter;

/**
 * The demo's job, written against the public API exactly as a user would write it (the README's quickstart shows
 * the same code): read the logs with an explicit schema, parse response_body with from_json, wrap the result in a
 * DynamicFrame, count the failed requests and write ts and country as JSON.
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
        throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION)
                .with("operation", "sluice demo")
                .with("reason", "this build does not contain the dataframe API (dev.sluice.Sluice) yet")
                .build();
    }
}
