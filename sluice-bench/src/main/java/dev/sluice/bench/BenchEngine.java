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

    /**
     * As above with paths that may be object-store URIs ({@code s3://bucket/logs/}); only engines that read them
     * override this (Sluice), the others run on local paths.
     */
    default long run(Query query, String input, String output) throws Exception {
        return run(query, Path.of(input), Path.of(output));
    }

    /** Whether {@link #run(Query, String, String)} takes {@code s3://} URIs. */
    default boolean readsObjectStores() { return false; }

    @Override
    void close() throws Exception;
}
