/**
 * JMH micro-benchmarks of Sluice's hot paths on workload data: JSON line scanning, from_json, a filter predicate,
 * CSV reading.
 * Run with {@code ./sluice bench jmh} (never part of {@code mvn test}). A hash-aggregation benchmark joins them
 * when aggregation lands in the engine.
 */
package dev.sluice.bench.jmh;
