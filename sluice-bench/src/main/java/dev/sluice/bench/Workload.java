package dev.sluice.bench;

/** The workload's schemas, written once for the three engines (Spark and Sluice read the DDL; DuckDB its own forms). */
final class Workload {
    private Workload() {}

    static final String INPUT_SCHEMA = "ts STRING, request_id STRING, service STRING, method STRING, path STRING, "
            + "status INT, latency_ms DOUBLE, response_body STRING";

    static final String CONTENT_SCHEMA = "struct<user: struct<id: bigint, country: string, plan: string>, "
            + "items: array<struct<sku: string, qty: int, price: double>>, "
            + "error: struct<code: string, message: string>>";

    /** INPUT_SCHEMA as the {@code columns} argument of DuckDB's read_json. */
    static final String DUCKDB_INPUT_COLUMNS = "{ts: 'VARCHAR', request_id: 'VARCHAR', service: 'VARCHAR', method: 'VARCHAR', "
            + "path: 'VARCHAR', status: 'INTEGER', latency_ms: 'DOUBLE', response_body: 'VARCHAR'}";

    /** The reader options of the CSV form of the logs for Sluice and Spark ({@link CsvLogs}). */
    static final java.util.Map<String, String> CSV_OPTIONS = java.util.Map.of("header", "true", "escape", "\"");

    /** CONTENT_SCHEMA as a DuckDB json_transform structure. */
    static final String DUCKDB_CONTENT_STRUCTURE = "{\"user\":{\"id\":\"BIGINT\",\"country\":\"VARCHAR\",\"plan\":\"VARCHAR\"},"
            + "\"items\":[{\"sku\":\"VARCHAR\",\"qty\":\"INTEGER\",\"price\":\"DOUBLE\"}],"
            + "\"error\":{\"code\":\"VARCHAR\",\"message\":\"VARCHAR\"}}";

    /** Q2's CSV columns, in order (every engine writes a header line). */
    static final String[] Q2_COLUMNS = {"service", "country", "orders", "revenue", "avg_latency"};
}
