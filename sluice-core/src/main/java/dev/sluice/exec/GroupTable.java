package dev.sluice.exec;

import dev.sluice.expr.ValueComparator;
import dev.sluice.expr.ValueHasher;
import dev.sluice.types.DataType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.FloatVector;
import dev.sluice.vector.Vectors;

import java.util.Arrays;

/**
 * The hash table of an aggregation: maps grouping-key tuples to dense group ids 0..n-1 in order of first
 * appearance. Keys are stored once, in column vectors indexed by group id (they become the output's key
 * columns); the table itself is open addressing over group ids with each group's hash beside it. Equality
 * is grouping equality: NULL equals NULL, NaN equals NaN, -0.0 equals 0.0 (stored as 0.0, as Spark
 * normalizes). A single int or bigint key is compared without the generic comparator. No boxing per row.
 * Buckets are indexed by a scrambled hash ({@link TableHash}), not the exchange's, so they all get used.
 */
final class GroupTable {
    private final DataType[] types;
    private final FlatVector[] keys;
    private final boolean longKey;
    private final boolean intKey;
    private int[] slots = new int[1024];        // group id + 1; 0 = empty
    private long[] slotHashes = new long[1024];
    private long[] groupHashes = new long[64];
    private int groups;
    private long keyBytes;

    GroupTable(DataType[] types) {
        this.types = types.clone();
        this.keys = new FlatVector[types.length];
        for (int k = 0; k < types.length; k++) keys[k] = Vectors.allocate(types[k], 64);
        this.longKey = types.length == 1 && types[0] instanceof LongType;
        this.intKey = types.length == 1 && types[0] instanceof IntegerType;
    }

    int groupCount() { return groups; }

    FlatVector[] keyColumns() { return keys; }

    /** Sets {@code groupIds[r]} for rows {@code 0..rowCount-1} of {@code vectors}, adding new groups as they appear. */
    void findOrInsert(ColumnVector[] vectors, int rowCount, int[] groupIds) {
        if (types.length == 0) {
            if (groups == 0) groups = 1;
            Arrays.fill(groupIds, 0, rowCount, 0);
            return;
        }
        for (int r = 0; r < rowCount; r++) groupIds[r] = findOrInsert(vectors, r);
    }

    private int findOrInsert(ColumnVector[] vectors, int row) {
        long hash = types.length == 1 ? ValueHasher.hash(types[0], vectors[0], row) : ValueHasher.hashRow(types, vectors, row);
        int mask = slots.length - 1;
        for (int s = (int) TableHash.scramble(hash) & mask; ; s = (s + 1) & mask) {
            int g = slots[s] - 1;
            if (g < 0) {
                g = insert(vectors, row, hash);
                slots[s] = g + 1;
                slotHashes[s] = hash;
                if (groups * 2 > slots.length) rehash();
                return g;
            }
            if (slotHashes[s] == hash && sameKey(g, vectors, row)) return g;
        }
    }

    private boolean sameKey(int group, ColumnVector[] vectors, int row) {
        if (longKey || intKey) {
            ColumnVector v = vectors[0];
            boolean n1 = keys[0].isNull(group), n2 = v.isNull(row);
            if (n1 || n2) return n1 == n2;
            return longKey ? keys[0].getLong(group) == v.getLong(row) : keys[0].getInt(group) == v.getInt(row);
        }
        for (int k = 0; k < types.length; k++) {
            if (ValueComparator.compareNullable(types[k], keys[k], group, vectors[k], row) != 0) return false;
        }
        return true;
    }

    private int insert(ColumnVector[] vectors, int row, long hash) {
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
    long bytes() { return slots.length * 12L + groupHashes.length * 8L + 2 * keyBytes; }   // key buffers grow by doubling
}
