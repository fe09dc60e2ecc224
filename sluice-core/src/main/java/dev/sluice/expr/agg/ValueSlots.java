package dev.sluice.expr.agg;

import dev.sluice.expr.ValueComparator;
import dev.sluice.types.DataType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.Arrays;

/**
 * One value of any type per group (min/max of strings, decimals or structs; first/last), kept in an
 * append-only vector with a slot index per group. Replacing a group's value appends the new one; the
 * store is compacted when replaced values outnumber the live ones, so it stays within a constant factor
 * of the number of groups.
 */
final class ValueSlots {
    private final DataType type;
    private FlatVector store;
    private int[] slot = new int[0];   // -1: no value yet
    private int groups;
    private long storeBytes;

    ValueSlots(DataType type) {
        this.type = type;
        this.store = Vectors.allocate(type, 16);
    }

    void ensureGroups(int n) {
        if (n <= groups) return;
        if (n > slot.length) {
            int old = slot.length;
            slot = Arrays.copyOf(slot, Growth.capacity(old, n));
            Arrays.fill(slot, old, slot.length, -1);
        }
        groups = n;
    }

    boolean isSet(int group) { return slot[group] >= 0; }

    /** Whether the group's value is set and is NULL. */
    boolean isNullValue(int group) { return slot[group] >= 0 && store.isNull(slot[group]); }

    void set(int group, ColumnVector source, int row) {
        slot[group] = store.size();
        store.appendFrom(source, row);
        storeBytes += RowBytes.estimate(source, row);
        if (store.size() > 2 * groups + 1024) compact();
    }

    /** Compares the group's (set, non-null) value with a non-null value of {@code source}. */
    int compareTo(int group, ColumnVector source, int row) {
        return ValueComparator.compare(type, store, slot[group], source, row);
    }

    /** Appends the group's value, or NULL when none was set. */
    void write(int group, FlatVector out) {
        if (slot[group] < 0) out.appendNull();
        else out.appendFrom(store, slot[group]);
    }

    long bytes() { return storeBytes + slot.length * 4L; }

    private void compact() {
        FlatVector fresh = Vectors.allocate(type, groups + 16);
        long bytes = 0;
        for (int g = 0; g < groups; g++) {
            if (slot[g] < 0) continue;
            int old = slot[g];
            slot[g] = fresh.size();
            fresh.appendFrom(store, old);
            bytes += RowBytes.estimate(store, old);
        }
        store = fresh;
        storeBytes = bytes;
    }
}
