/**
 * The benchmark workload ({@code shared/bench/WORKLOAD.md}: Q1 parse-and-write, Q2 aggregate, Q3 count) on Sluice
 * and its peers (Apache Spark in local mode, DuckDB over JDBC), the {@code sluice bench} command that runs one
 * engine on one query or compares all of them in separate JVMs, and (in {@code jmh}) micro-benchmarks.
 * A tool, not a library: it depends on Spark and DuckDB directly and nothing depends on it.
 */
package dev.sluice.bench;
