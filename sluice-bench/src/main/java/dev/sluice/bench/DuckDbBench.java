package dev.sluice.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The workload on DuckDB (in-process, JDBC, {@code threads=2}): read_json with the input columns given, so nothing
 * is inferred; json_transform parses response_body with the same schema as from_json; COPY writes the files.
 */
final class DuckDbBench implements BenchEngine {
    private Connection connection;

    @Override public String name() { return "duckdb"; }

    @Override
    public void start() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = connection.createStatement()) {
            s.execute("SET threads=2");
        }
    }

    @Override
    public long run(Query query, Path input, Path output) throws Exception {
        String parsed = query.readsCsv() ? parsedCsvSql(input) : parsedSql(input);
        try (Statement s = connection.createStatement()) {
            switch (query) {
                case Q1:
                case Q1CSV: {
                    OutputDirs.recreate(output);
                    s.execute("COPY (SELECT ts, service, status, latency_ms, content.user.id AS user_id, "
                            + "content.user.country AS country, content.user.plan AS plan, len(content.items) AS n_items FROM "
                            + parsed + ") TO " + quote(output.resolve("part-0.parquet").toString())
                            + " (FORMAT parquet, COMPRESSION snappy)");
                    return -1;
                }
                case Q2: {
                    OutputDirs.recreate(output);
                    s.execute("COPY (SELECT service, country, count(*) AS orders, sum(item.qty * item.price) AS revenue, "
                            + "avg(latency_ms) AS avg_latency FROM (SELECT service, content.user.country AS country, status, "
                            + "latency_ms, unnest(content.items) AS item FROM " + parsed + ") WHERE status < 400 "
                            + "GROUP BY service, country ORDER BY revenue DESC) TO "
                            + quote(output.resolve("part-0.csv").toString()) + " (FORMAT csv, HEADER true)");
                    return -1;
                }
                case Q3: {
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + parsed + " WHERE content.error IS NOT NULL")) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
                default: throw new IllegalArgumentException(query.toString());
            }
        }
    }

    /** The input with a {@code content} column: response_body parsed by json_transform. */
    static String parsedSql(Path input) {
        String source = Files.isDirectory(input) ? input.resolve("*").toString() : input.toString();
        return "(SELECT *, json_transform(response_body, " + quote(Workload.DUCKDB_CONTENT_STRUCTURE) + ") AS content "
                + "FROM read_json(" + quote(source) + ", format = 'newline_delimited', columns = "
                + Workload.DUCKDB_INPUT_COLUMNS + "))";
    }

    /** As {@link #parsedSql} over the CSV form of the logs ({@link CsvLogs}). */
    static String parsedCsvSql(Path input) {
        return "(SELECT *, json_transform(response_body, " + quote(Workload.DUCKDB_CONTENT_STRUCTURE) + ") AS content "
                + "FROM read_csv(" + quote(input.toString()) + ", header = true, quote = '\"', escape = '\"', columns = "
                + Workload.DUCKDB_INPUT_COLUMNS + "))";
    }

    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** A DuckDB list literal of file paths. */
    static String sqlList(List<Path> files) {
        StringBuilder sb = new StringBuilder("[");
        for (Path f : files) {
            if (sb.length() > 1) sb.append(", ");
            sb.append(quote(f.toString()));
        }
        return sb.append(']').toString();
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) connection.close();
    }
}
