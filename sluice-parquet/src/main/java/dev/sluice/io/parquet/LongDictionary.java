package dev.sluice.io.parquet;

import java.util.Arrays;

/**
 * A column chunk's dictionary of 64-bit keys (INT32 and INT64 values, DOUBLE bit patterns): ids in insertion
 * order, as parquet-java's dictionary writers number them, found through an open-addressing table with no boxing
 * and no per-entry objects. A slot holds the key beside its id, so a lookup reads one cache line.
 */
final class LongDictionary {
    private long[] keys = new long[256];    // by id, for the dictionary page and fallbacks
    private long[] table = new long[1024];  // slot i: key at 2i, id + 1 at 2i + 1 (0 = empty); at most half full
    private int size;

    int size() { return size; }

    long key(int id) { return keys[id]; }

    /** The id of {@code key}, added with the next id when new (the caller sees {@link #size()} grow). */
    int intern(long key) {
        long[] t = table;
        int mask = (t.length >> 1) - 1;
        int i = hash(key) & mask;
        long id;
        while ((id = t[2 * i + 1]) != 0) {
            if (t[2 * i] == key) return (int) id - 1;
            i = (i + 1) & mask;
        }
        int added = size++;
        if (added == keys.length) keys = Arrays.copyOf(keys, added * 2);
        keys[added] = key;
        t[2 * i] = key;
        t[2 * i + 1] = added + 1;
        if (size * 4 > t.length) rehash();
        return added;
    }

    /**
     * The key in {@code key}'s home slot, read only to bring its cache line in: a loop of these over a vector's
     * values before its interns has their cache misses in flight together (the loads do not depend on each other),
     * where the interns' probe loops, branching on each load, wait for them one or two at a time.
     */
    long touch(long key) {
        long[] t = table;
        return t[2 * (hash(key) & ((t.length >> 1) - 1))];
    }

    void clear() {
        size = 0;
        Arrays.fill(table, 0);
    }

    /** Empties the dictionary and gives back the arrays it grew (an abandoned dictionary need not hold them). */
    void release() {
        size = 0;
        keys = new long[256];
        table = new long[1024];
    }

    private void rehash() {
        long[] bigger = new long[table.length * 2];
        int mask = (bigger.length >> 1) - 1;
        for (int id = 0; id < size; id++) {
            int i = hash(keys[id]) & mask;
            while (bigger[2 * i + 1] != 0) i = (i + 1) & mask;
            bigger[2 * i] = keys[id];
            bigger[2 * i + 1] = id + 1;
        }
        table = bigger;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }
}
