package dev.sluice.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Computes a query's digest from what the engine produced, the same way for every engine, after the timed part:
 * Q1's Parquet files are read back by DuckDB (so a file another engine cannot read would show), Q2's CSV is read
 * here, Q3's count is the count.
 */
final class Digests {
    private Digests() {}

    static Digest of(Query query, Path output, long count) throws IOException, SQLException {
        switch (query) {
            case Q1:
            case Q1CSV: return q1(output);
            case Q2: return q2(output);
            case Q3: return Digest.builder().add("count", count).build();
            default: throw new IllegalArgumentException(query.toString());
        }
    }

    /** Rows, and the sums of user_id and n_items, of every Parquet file in {@code dir}. */
    static Digest q1(Path dir) throws IOException, SQLException {
        List<Path> files = dataFiles(dir, ".parquet");
        if (files.isEmpty()) throw new IOException("no .parquet files in " + dir);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads=2");
            try (ResultSet rs = s.executeQuery("SELECT count(*), sum(user_id)::BIGINT, sum(n_items)::BIGINT FROM read_parquet("
                    + DuckDbBench.sqlList(files) + ")")) {
                rs.next();
                return Digest.builder().add("rows", rs.getLong(1)).add("sum_user_id", rs.getLong(2))
                        .add("sum_n_items", rs.getLong(3)).build();
            }
        }
    }

    /**
     * Q2's CSV (one file with a header): its rows, the sums of orders, revenue and avg_latency, and whether the rows
     * come in descending revenue order as the query asks.
     */
    static Digest q2(Path dir) throws IOException {
        List<Path> files = dataFiles(dir, ".csv");
        if (files.size() != 1) throw new IOException("Q2 should write one .csv file into " + dir + ", found " + files.size());
        long rows = 0;
        long orders = 0;
        double revenue = 0;
        double avgLatency = 0;
        boolean ordered = true;
        double previous = Double.POSITIVE_INFINITY;
        try (BufferedReader r = Files.newBufferedReader(files.get(0), StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !Arrays.equals(header.split(","), Workload.Q2_COLUMNS)) {
                throw new IOException("Q2's CSV header should be " + String.join(",", Workload.Q2_COLUMNS) + ", was " + header);
            }
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isEmpty()) continue;
                String[] f = line.split(",", -1);   // service and country never hold commas or quotes
                rows++;
                orders += Long.parseLong(f[2]);
                double rev = Double.parseDouble(f[3]);
                revenue += rev;
                avgLatency += Double.parseDouble(f[4]);
                if (rev > previous) ordered = false;
                previous = rev;
            }
        }
        return Digest.builder().add("rows", rows).add("orders", orders).add("revenue", revenue)
                .add("sum_avg_latency", avgLatency).add("ordered", ordered).build();
    }

    /** The data files of an output directory: not hidden, not {@code _SUCCESS}-like, with this extension. */
    static List<Path> dataFiles(Path dir, String extension) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).filter(f -> {
                String n = f.getFileName().toString();
                return !n.startsWith(".") && !n.startsWith("_") && n.endsWith(extension);
            }).sorted().forEach(out::add);
        }
        return out;
    }
}
