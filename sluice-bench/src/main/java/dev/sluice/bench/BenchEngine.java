package dev.sluice.bench;

import java.nio.file.Path;

/**
 * One engine under test. {@link #start} (session start-up) is timed apart from {@link #run} (the query), so that
 * Spark's seconds of start-up are visible but not mixed into the query time.
 */
interface BenchEngine extends AutoCloseable {
    String name();

    void start() throws Exception;

    /**
     * Runs {@code query} on the JSON Lines at {@code input} (a file or a directory); Q1 and Q2 write into the
     * directory {@code output}, replacing it. Returns Q3's count, or -1 for the writing queries.
     */
    long run(Query query, Path input, Path output) throws Exception;

    @Override
    void close() throws Exception;
}
