package dev.sluice.exec;

import dev.sluice.expr.ValueHasher;
import dev.sluice.types.DataType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.FloatVector;
import dev.sluice.vector.RowCalls;
import dev.sluice.vector.Vectors;

import java.util.Arrays;

/**
 * The hash table of an aggregation: maps grouping-key tuples to dense group ids 0..n-1 in order of first
 * appearance. Keys are stored once, in column vectors indexed by group id (they become the output's key
 * columns); the table itself is open addressing over group ids with each group's hash beside it. Equality
 * is grouping equality: NULL equals NULL, NaN equals NaN, -0.0 equals 0.0 (stored as 0.0, as Spark
 * normalizes). Each batch's keys are hashed a column at a time by loops chosen once for the key's type
 * ({@link GroupKeyColumn}: ints, longs, doubles, strings from their bytes), then probed; no boxing, no rows.
 * Rows that read the same stored rows as the row before them in every key column (an explode repeats its
 * parent row once per element; the keys are views through one selection) form a run with one hash and one probe.
 * Buckets are indexed by a scrambled hash ({@link TableHash}), not the exchange's, so they all get used.
 */
final class GroupTable {
    private final DataType[] types;
    private final FlatVector[] keys;
    private final GroupKeyColumn[] columns;
    private int[] slots = new int[1024];        // group id + 1; 0 = empty
    private long[] slotHashes = new long[1024];
    private long[] groupHashes = new long[64];
    private long[] batchHashes = new long[0];
    private long[] columnHashes = new long[0];
    private int[] headRows = new int[0];
    private int headCount;
    private int groups;
    private long keyBytes;
    private long heldKeyBytes;   // the key bytes the key vectors held before the last clear: their capacity is kept

    GroupTable(DataType[] types) { this(types, true); }

    /** {@code typed} false keeps every key column on the generic per-row path (tests compare the two). */
    GroupTable(DataType[] types, boolean typed) {
        this.types = types.clone();
        this.keys = new FlatVector[types.length];
        this.columns = new GroupKeyColumn[types.length];
        for (int k = 0; k < types.length; k++) {
            keys[k] = Vectors.allocate(types[k], 64);
            columns[k] = GroupKeyColumn.of(types[k], typed);
        }
    }

    int groupCount() { return groups; }

    /**
     * Empties the table for another input, keeping its arrays and its key vectors' capacity: a table rebuilt for each
     * grace partition outlives young collections, so a new one each time became old-generation garbage (a full
     * collection every few partitions at a 64 MiB heap). What is kept stays counted in {@link #bytes}.
     */
    void clear() {
        Arrays.fill(slots, 0);
        for (FlatVector k : keys) k.clear();
        heldKeyBytes = Math.max(heldKeyBytes, keyBytes);
        keyBytes = 0;
        groups = 0;
    }

    /** The slots of the open-addressing table (a power of two, at least twice the groups). */
    int slotCount() { return slots.length; }

    FlatVector[] keyColumns() { return keys; }

    /** Sets {@code groupIds[r]} for rows {@code 0..rowCount-1} of {@code vectors}, adding new groups as they appear. */
    void findOrInsert(ColumnVector[] vectors, int rowCount, int[] groupIds) {
        if (types.length == 0) {
            if (groups == 0) groups = 1;
            Arrays.fill(groupIds, 0, rowCount, 0);
            return;
        }
        for (int k = 0; k < columns.length; k++) columns[k].bind(vectors[k]);
        int[] heads = runHeads(rowCount);
        if (heads == null) {
            long[] hashes = hashBatch(null, rowCount);
            for (int r = 0; r < rowCount; r++) {
                int g = find(r, hashes[r]);
                groupIds[r] = g >= 0 ? g : insert(vectors, r, hashes[r], -g - 1);
            }
        } else {
            // the rows of a run read the same stored rows in every key column (an explode's repeated parent
            // row): one hash and one probe for the run
            int m = headCount;
            long[] hashes = hashBatch(heads, m);
            for (int j = 0; j < m; j++) {
                int from = heads[j], to = j + 1 < m ? heads[j + 1] : rowCount;
                int g = find(from, hashes[j]);
                IntFill.repeat(groupIds, from, to - from, g >= 0 ? g : insert(vectors, from, hashes[j], -g - 1));
            }
        }
        for (GroupKeyColumn c : columns) c.bind(null);   // do not keep the batch alive
    }

    /**
     * The first row of each run of rows reading the same stored rows in every key column ({@link #headCount} of
     * them), or null when some column cannot tell (a range of stored rows, an unresolved view): then every row
     * is its own run.
     */
    private int[] runHeads(int n) {
        int[][] distinct = new int[columns.length][];
        int d = 0;
        for (GroupKeyColumn c : columns) {
            int[] stored = c.storedRows();
            if (stored == null) return null;
            if (stored == GroupKeyColumn.CONSTANT) continue;
            boolean seen = false;
            for (int i = 0; i < d; i++) seen |= distinct[i] == stored;   // columns of one selection share its array
            if (!seen) distinct[d++] = stored;
        }
        if (headRows.length < n) headRows = new int[n];
        int[] heads = headRows;
        int m = 0;
        if (n > 0) heads[m++] = 0;
        if (d == 1) {
            int[] stored = distinct[0];
            m = RowCalls.run(1, n, m, (from, to, count) -> heads(stored, heads, from, to, count));
        } else if (d > 1) {
            int arrays = d;
            m = RowCalls.run(1, n, m, (from, to, count) -> heads(distinct, arrays, heads, from, to, count));
        }
        headCount = m;
        return heads;
    }

    /**
     * Appends to {@code heads[m..]} each row r of [from, to) whose stored row differs from row r-1's; the new m. Without
     * a branch on the test: an explode's runs are 0-5 rows long at random, so a branch would be mispredicted about once
     * a run (C1 emits no conditional moves); r is written at m always and m moves on by the test's 0 or 1.
     */
    private static int heads(int[] stored, int[] heads, int from, int to, int m) {
        for (int r = from; r < to; r++) {
            int differs = stored[r] ^ stored[r - 1];
            heads[m] = r;
            m += (differs | -differs) >>> 31;   // 1 when differs != 0
        }
        return m;
    }

    /** As {@link #heads(int[], int[], int, int, int)} over the first {@code d} arrays: a head where any differs. */
    private static int heads(int[][] distinct, int d, int[] heads, int from, int to, int m) {
        for (int r = from; r < to; r++) {
            for (int i = 0; i < d; i++) {
                if (distinct[i][r] != distinct[i][r - 1]) {
                    heads[m++] = r;
                    break;
                }
            }
        }
        return m;
    }

    /**
     * The key hash of rows {@code at[0..n)} (of rows 0..n-1 when {@code at} is null), as {@link ValueHasher#hash}
     * (one key) or {@link ValueHasher#hashRow} (several).
     */
    private long[] hashBatch(int[] at, int n) {
        if (batchHashes.length < n) batchHashes = new long[n];
        long[] hashes = batchHashes;
        if (columns.length == 1) {
            columns[0].hash(hashes, at, n);
            return hashes;
        }
        if (columnHashes.length < n) columnHashes = new long[n];
        long[] column = columnHashes;
        Arrays.fill(hashes, 0, n, ValueHasher.rowSeed());
        for (GroupKeyColumn c : columns) {
            c.hash(column, at, n);
            RowCalls.run(n, (from, to) -> combine(hashes, column, from, to));
        }
        RowCalls.run(n, (from, to) -> mix(hashes, from, to));
        return hashes;
    }

    /**
     * Folds one key column's hashes into rows [from, to)'s hashes. This loop and {@link #mix}'s are methods of their
     * own called through {@link RowCalls}: inside {@link #hashBatch} they had that method compiled with every key
     * column's hash loop inlined, and called once per batch each was compiled twice (on-stack, then as a method).
     */
    private static void combine(long[] hashes, long[] column, int from, int to) {
        for (int r = from; r < to; r++) hashes[r] = ValueHasher.combine(hashes[r], column[r]);
    }

    private static void mix(long[] hashes, int from, int to) {
        for (int r = from; r < to; r++) hashes[r] = ValueHasher.mix(hashes[r]);
    }

    /**
     * The group of row {@code row}'s key, or {@code -(s + 1)} for the empty slot {@code s} where the probe ended. The
     * insert is not in here: inlined, its key copies made this per-row probe the largest unit C2 compiled for Q2 after
     * the reader's (9-12 kB), for the few hundred inserts a task's table sees. The caller inserts at once, before
     * any other insert can take the slot, so a new key is probed once.
     */
    private int find(int row, long hash) {
        int mask = slots.length - 1;
        for (int s = (int) TableHash.scramble(hash) & mask; ; s = (s + 1) & mask) {
            int g = slots[s] - 1;
            if (g < 0) return -s - 1;
            if (slotHashes[s] == hash && sameKey(g, row)) return g;
        }
    }

    private boolean sameKey(int group, int row) {
        for (int k = 0; k < columns.length; k++) {
            if (!columns[k].same(keys[k], group, row)) return false;
        }
        return true;
    }

    /** Adds row {@code row}'s key as a new group in the empty slot {@code slot} its probe ended at; returns the group. */
    private int insert(ColumnVector[] vectors, int row, long hash, int slot) {
        int g = groups++;
        for (int k = 0; k < types.length; k++) {
            ColumnVector v = vectors[k];
            if (types[k] instanceof DoubleType && !v.isNull(row) && v.getDouble(row) == 0.0) {
                ((DoubleVector) keys[k]).append(0.0);          // -0.0 groups with 0.0 and is shown as 0.0
            } else if (types[k] instanceof FloatType && !v.isNull(row) && v.getFloat(row) == 0.0f) {
                ((FloatVector) keys[k]).append(0.0f);
            } else {
                keys[k].appendFrom(v, row);
            }
            keyBytes += dev.sluice.expr.agg.RowBytes.estimate(v, row);
        }
        if (g == groupHashes.length) groupHashes = Arrays.copyOf(groupHashes, g * 2);
        groupHashes[g] = hash;
        slots[slot] = g + 1;
        slotHashes[slot] = hash;
        if (groups * 2 > slots.length) rehash();
        return g;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        slotHashes = new long[slots.length];
        int mask = slots.length - 1;
        for (int g = 0; g < groups; g++) {
            long hash = groupHashes[g];
            int s = (int) TableHash.scramble(hash) & mask;
            while (slots[s] != 0) s = (s + 1) & mask;
            slots[s] = g + 1;
            slotHashes[s] = hash;
        }
    }

    /** A rough size of the table and its keys, for the memory reservation. */
    long bytes() { return slots.length * 12L + groupHashes.length * 8L + 2 * Math.max(keyBytes, heldKeyBytes); }   // key buffers grow by doubling
}
