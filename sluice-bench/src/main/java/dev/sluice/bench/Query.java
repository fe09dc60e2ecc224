package dev.sluice.bench;

import java.util.Locale;

/** The workload's jobs (see shared/bench/WORKLOAD.md). */
public enum Query {
    /** Parse response_body, select eight columns, write Parquet (snappy). */
    Q1,
    /** Parse, explode the items, keep status &lt; 400, revenue by service and country, write one CSV file. */
    Q2,
    /** Parse, count the rows whose content.error is not null. */
    Q3,
    /** Q1 over the same logs as CSV ({@link CsvLogs}): a header line, every string quoted, a quote doubled. */
    Q1CSV;

    public String id() { return name().toLowerCase(Locale.ROOT); }

    /** True when the query reads the CSV form of the logs. */
    public boolean readsCsv() { return this == Q1CSV; }

    public static Query parse(String s) { return valueOf(s.trim().toUpperCase(Locale.ROOT)); }
}
