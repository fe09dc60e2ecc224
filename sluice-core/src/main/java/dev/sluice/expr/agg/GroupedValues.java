package dev.sluice.expr.agg;

import dev.sluice.expr.ValueComparator;
import dev.sluice.expr.ValueHasher;
import dev.sluice.types.DataType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.Arrays;

/**
 * Lists of values (tuples of {@code types.length} columns) per group, in insertion order, for collect_list,
 * collect_set and DISTINCT aggregates. With {@code dedupe}, a tuple already in its group is not added again
 * (equality as in grouping: NULL equals NULL, NaN equals NaN, -0.0 equals 0.0). Entries live in shared
 * column vectors chained per group; the dedupe index is an open-addressing table over entry numbers.
 */
final class GroupedValues {
    private final DataType[] types;
    private final boolean dedupe;
    private final FlatVector[] columns;
    private int size;
    private int[] entryGroup = new int[16];
    private int[] next = new int[16];
    private int[] head = new int[0];
    private int[] tail = new int[0];
    private int[] counts = new int[0];
    private int groups;
    private long valueBytes;
    // dedupe index: slots hold entry + 1 (0 = empty), with the entry's hash beside it
    private int[] index;
    private long[] indexHashes;
    private long[] entryHash = new long[16];

    GroupedValues(DataType[] types, boolean dedupe) {
        this.types = types.clone();
        this.dedupe = dedupe;
        this.columns = new FlatVector[types.length];
        for (int i = 0; i < types.length; i++) columns[i] = Vectors.allocate(types[i], 16);
        if (dedupe) {
            index = new int[64];
            indexHashes = new long[64];
        }
    }

    void ensureGroups(int n) {
        if (n <= groups) return;
        if (n > head.length) {
            int old = head.length;
            int cap = Growth.capacity(old, n);
            head = Arrays.copyOf(head, cap);
            tail = Arrays.copyOf(tail, cap);
            counts = Arrays.copyOf(counts, cap);
            Arrays.fill(head, old, cap, -1);
            Arrays.fill(tail, old, cap, -1);
        }
        groups = n;
    }

    /** Adds row {@code row} of {@code vectors} to {@code group}; false when deduplication dropped it. */
    boolean add(int group, ColumnVector[] vectors, int row) {
        long hash = 0;
        if (dedupe) {
            hash = ValueHasher.mix(ValueHasher.hashRow(types, vectors, row) ^ (group * 0x9E3779B97F4A7C15L));
            int mask = index.length - 1;
            for (int s = (int) hash & mask; ; s = (s + 1) & mask) {
                int e = index[s] - 1;
                if (e < 0) break;
                if (indexHashes[s] == hash && entryGroup[e] == group && sameTuple(e, vectors, row)) return false;
            }
        }
        int e = size;
        if (e == entryGroup.length) {
            int cap = Growth.capacity(e, e + 1);
            entryGroup = Arrays.copyOf(entryGroup, cap);
            next = Arrays.copyOf(next, cap);
            if (dedupe) entryHash = Arrays.copyOf(entryHash, cap);
        }
        for (int c = 0; c < columns.length; c++) {
            columns[c].appendFrom(vectors[c], row);
            valueBytes += RowBytes.estimate(vectors[c], row);
        }
        entryGroup[e] = group;
        next[e] = -1;
        if (tail[group] < 0) head[group] = e;
        else next[tail[group]] = e;
        tail[group] = e;
        counts[group]++;
        size++;
        if (dedupe) {
            entryHash[e] = hash;
            insertIndex(e, hash);
            if (size * 2 > index.length) rehash();
        }
        return true;
    }

    private boolean sameTuple(int entry, ColumnVector[] vectors, int row) {
        for (int c = 0; c < columns.length; c++) {
            if (ValueComparator.compareNullable(types[c], columns[c], entry, vectors[c], row) != 0) return false;
        }
        return true;
    }

    private void insertIndex(int entry, long hash) {
        int mask = index.length - 1;
        int s = (int) hash & mask;
        while (index[s] != 0) s = (s + 1) & mask;
        index[s] = entry + 1;
        indexHashes[s] = hash;
    }

    private void rehash() {
        index = new int[index.length * 2];
        indexHashes = new long[index.length];
        for (int e = 0; e < size; e++) insertIndex(e, entryHash[e]);
    }

    int size() { return size; }

    int first(int group) { return head[group]; }

    int next(int entry) { return next[entry]; }

    int count(int group) { return counts[group]; }

    /** The stored values of input column {@code c}, entry-indexed. */
    FlatVector column(int c) { return columns[c]; }

    FlatVector[] columns() { return columns.clone(); }

    /** Entry → group, for the entries {@code 0 .. size-1}. */
    int[] entryGroups() { return entryGroup; }

    long bytes() {
        long perEntry = 8L + (dedupe ? 8 + 12 * 2 : 0);
        return valueBytes + size * perEntry + head.length * 12L;
    }
}
