package dev.sluice.exec;

import dev.sluice.expr.ValueHasher;
import dev.sluice.memory.SpillFile;
import dev.sluice.memory.SpillListener;
import dev.sluice.memory.SpillManager;
import dev.sluice.types.DataType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

/**
 * Rows spilled into {@code fanout} files by the hash of their keys (grace hashing): equal keys land in the
 * same file, in the order they were added, so each file can be processed on its own. The partition of a row
 * depends on the recursion level: a file that is still too big is split again with another seed.
 */
final class SpillPartitions implements AutoCloseable {
    static final int FANOUT = 16;
    static final int MAX_LEVEL = 4;

    private final SpillManager manager;
    private final SpillListener listener;
    private final String purpose;
    private final int level;
    private final SpillFile[] files = new SpillFile[FANOUT];

    SpillPartitions(SpillManager manager, SpillListener listener, String purpose, int level) {
        this.manager = manager;
        this.listener = listener;
        this.purpose = purpose;
        this.level = level;
    }

    int level() { return level; }

    /** Adds every row of {@code batch}; {@code keys} are its key columns (NULL keys hash like any value). */
    void add(Batch batch, ColumnVector[] keys, DataType[] keyTypes) {
        int n = batch.rowCount();
        if (n == 0) return;
        int[] target = new int[n];
        int[] counts = new int[FANOUT];
        for (int r = 0; r < n; r++) {
            long h = keyTypes.length == 0 ? 0 : ValueHasher.hashRow(keyTypes, keys, r);
            target[r] = TableHash.partition(h, level, FANOUT);
            counts[target[r]]++;
        }
        for (int p = 0; p < FANOUT; p++) {
            if (counts[p] == 0) continue;
            Batch part;
            if (counts[p] == n) {
                part = batch;
            } else {
                int[] ids = new int[counts[p]];
                int m = 0;
                for (int r = 0; r < n; r++) if (target[r] == p) ids[m++] = r;
                part = batch.select(ids, m);
            }
            file(p).write(part);
        }
    }

    /** Adds the rows of {@code batch} to partition {@code p} (rows already split by the caller). */
    void add(int p, Batch batch) { file(p).write(batch); }

    private SpillFile file(int p) {
        if (files[p] == null) files[p] = manager.newFile(purpose + "-l" + level + "-p" + p, listener);
        return files[p];
    }

    /** Partition {@code p}'s file, or null when no row went there. */
    SpillFile get(int p) {
        SpillFile f = files[p];
        if (f != null) f.finishWriting();
        return f;
    }

    /** Deletes partition {@code p}'s file once it has been processed. */
    void delete(int p) {
        if (files[p] != null) files[p].delete();
        files[p] = null;
    }

    @Override public void close() {
        for (int p = 0; p < FANOUT; p++) delete(p);
    }

    /** The batches of {@code file} (none when it is null) as a stream. */
    static BatchStream read(SpillFile file, dev.sluice.types.StructType schema) {
        SpillFile.Reader reader = file == null ? null : file.reader(schema);
        return new BatchStream() {
            @Override public Batch next() { return reader == null ? null : reader.next(); }

            @Override public void close() {
                if (reader != null) reader.close();
            }
        };
    }
}
