package dev.sluice.exec;

import dev.sluice.expr.ValueComparator;
import dev.sluice.expr.ValueHasher;
import dev.sluice.memory.Reservation;
import dev.sluice.types.DataType;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

/**
 * A growing set of distinct rows with a counter each, rows compared whole with NULLs equal to NULLs (set
 * operation semantics; NaN equals NaN, -0.0 equals 0.0). Memory is reserved as it grows.
 */
final class DistinctRowTable {
    private static final long BYTES_PER_ENTRY = 8 + 4 + 4 + 8;   // hash, next, count, bucket heads

    private final DataType[] types;
    private final FlatVector[] rows;
    private final Reservation reservation;
    private long[] hashes = new long[16];
    private int[] next = new int[16];
    private int[] counts = new int[16];
    private int[] heads = new int[32];
    private int size;

    DistinctRowTable(StructType schema, Reservation reservation) {
        this.types = new DataType[schema.size()];
        this.rows = new FlatVector[schema.size()];
        for (int c = 0; c < types.length; c++) {
            types[c] = schema.field(c).dataType();
            rows[c] = Vectors.allocate(types[c], 16);
        }
        this.reservation = reservation;
    }

    long hash(ColumnVector[] columns, int row) { return ValueHasher.hashRow(types, columns, row); }

    /** The entry equal to row {@code row} of {@code columns}, or -1. */
    int find(ColumnVector[] columns, int row, long h) {
        for (int e = heads[(int) (TableHash.scramble(h) & (heads.length - 1))] - 1; e >= 0; e = next[e] - 1) {
            if (hashes[e] == h && equal(e, columns, row)) return e;
        }
        return -1;
    }

    /** Adds row {@code row} (not present yet) with count 0; returns its entry. */
    int insert(ColumnVector[] columns, int row, long h) {
        reservation.grow(entryBytes(columns, row));
        return add(columns, row, h);
    }

    /** As {@link #insert}, or -1 (nothing added) when the pool refuses the memory and the caller should spill. */
    int tryInsert(ColumnVector[] columns, int row, long h) {
        if (!reservation.tryGrow(entryBytes(columns, row))) return -1;
        return add(columns, row, h);
    }

    /**
     * As {@link #insert}, its memory charged ({@link Reservation#charge}: never waiting, never refused): for the one
     * entry a set operation's round must take to progress, bounded by one row.
     */
    int insertCharged(ColumnVector[] columns, int row, long h) {
        reservation.charge(entryBytes(columns, row));
        return add(columns, row, h);
    }

    int size() { return size; }

    /** The distinct rows, entry i in row i. */
    Batch rows() { return rows.length == 0 ? Batch.ofRowCount(size) : new Batch(rows, size); }

    private long entryBytes(ColumnVector[] columns, int row) {
        long bytes = BYTES_PER_ENTRY;
        for (int c = 0; c < rows.length; c++) bytes += columns[c].isNull(row) ? 1 : valueBytes(columns[c], row);
        return bytes;
    }

    private int add(ColumnVector[] columns, int row, long h) {
        if (size == hashes.length) {
            int n = size * 2;
            hashes = java.util.Arrays.copyOf(hashes, n);
            next = java.util.Arrays.copyOf(next, n);
            counts = java.util.Arrays.copyOf(counts, n);
        }
        for (int c = 0; c < rows.length; c++) rows[c].appendFrom(columns[c], row);
        int e = size++;
        hashes[e] = h;
        counts[e] = 0;
        if (size * 2 > heads.length) rehash(heads.length * 2);
        else link(e);
        return e;
    }

    int count(int entry) { return counts[entry]; }

    void add(int entry, int delta) { counts[entry] += delta; }

    private void rehash(int buckets) {
        heads = new int[buckets];
        for (int e = 0; e < size; e++) link(e);
    }

    private void link(int e) {
        int b = (int) (TableHash.scramble(hashes[e]) & (heads.length - 1));
        next[e] = heads[b];
        heads[b] = e + 1;
    }

    private boolean equal(int entry, ColumnVector[] columns, int row) {
        for (int c = 0; c < types.length; c++) {
            if (ValueComparator.compareNullable(types[c], rows[c], entry, columns[c], row) != 0) return false;
        }
        return true;
    }

    private static long valueBytes(ColumnVector v, int row) {
        DataType t = v.type();
        if (t instanceof dev.sluice.types.StringType || t instanceof dev.sluice.types.BinaryType) return 5 + v.bytesLength(row);
        if (t.isNested()) return 64;
        return 8;
    }
}
