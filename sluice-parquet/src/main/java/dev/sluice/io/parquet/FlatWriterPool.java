package dev.sluice.io.parquet;

import dev.sluice.types.StructType;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The flat row group writers of a write job's closed files, kept for its next files: a writer's buffers (plain
 * values, dictionary ids, levels, dictionary tables, grown to a page's or a chunk's size) live as long as a file, long
 * enough under a young generation of a few tens of MiB to be promoted, and were left as old-generation garbage by
 * every file (Q1's old generation grew 17 → 113 MB over 13 files). Reused, they are promoted once per worker and
 * not grown again. A writer starts every row group from a clean state ({@link FlatRowGroupWriter#start}), so a
 * file's bytes do not depend on which writer wrote it. It holds at most as many writers as files were open at once
 * (one per task at a time), and lives as long as the write job's format.
 */
final class FlatWriterPool {
    private final ArrayDeque<FlatRowGroupWriter> idle = new ArrayDeque<>();

    /** An idle writer for {@code schema} written as {@code ts}, or null. */
    synchronized FlatRowGroupWriter take(StructType schema, ParquetWriteOptions.TimestampType ts) {
        for (Iterator<FlatRowGroupWriter> it = idle.iterator(); it.hasNext(); ) {
            FlatRowGroupWriter w = it.next();
            if (w.writes(schema, ts)) {
                it.remove();
                return w;
            }
        }
        return null;
    }

    /** Keeps the writer of a file that closed without failing. */
    synchronized void give(FlatRowGroupWriter writer) { idle.push(writer); }
}
