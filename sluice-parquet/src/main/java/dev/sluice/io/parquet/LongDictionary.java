package dev.sluice.io.parquet;

import java.util.Arrays;

/**
 * A column chunk's dictionary of 64-bit keys (INT32 and INT64 values, DOUBLE bit patterns): ids in insertion
 * order, as parquet-java's dictionary writers number them, found through an open-addressing table with no boxing
 * and no per-entry objects. A slot holds only the id (4 bytes), its key is read from {@link #keys} by id: the table
 * is a quarter of one holding keys beside ids, so more of it stays cached between the vectors the scan streams in,
 * and in a skewed column (Q1's {@code latency_ms}) the frequent keys, seen first, sit together at the low ids.
 */
final class LongDictionary {
    private long[] keys = new long[256];   // by id, for the probes, the dictionary page and fallbacks
    private int[] slots = new int[512];    // id + 1 (0 = empty); at most half full
    private int size;

    int size() { return size; }

    long key(int id) { return keys[id]; }

    /** The id of {@code key}, added with the next id when new (the caller sees {@link #size()} grow). */
    int intern(long key) {
        int[] t = slots;
        long[] k = keys;
        int mask = t.length - 1;
        int i = hash(key) & mask;
        int s;
        while ((s = t[i]) != 0) {
            if (k[s - 1] == key) return s - 1;
            i = (i + 1) & mask;
        }
        int added = size++;
        if (added == k.length) keys = k = Arrays.copyOf(k, added * 2);
        k[added] = key;
        t[i] = added + 1;
        if (size * 2 > t.length) rehash();
        return added;
    }

    void clear() {
        size = 0;
        Arrays.fill(slots, 0);
    }

    /** Empties the dictionary and gives back the arrays it grew (an abandoned dictionary need not hold them). */
    void release() {
        size = 0;
        keys = new long[256];
        slots = new int[512];
    }

    private void rehash() {
        int[] bigger = new int[slots.length * 2];
        int mask = bigger.length - 1;
        for (int id = 0; id < size; id++) {
            int i = hash(keys[id]) & mask;
            while (bigger[i] != 0) i = (i + 1) & mask;
            bigger[i] = id + 1;
        }
        slots = bigger;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }
}
