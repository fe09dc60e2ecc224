package dev.sluice.io.parquet;

/**
 * A column chunk's dictionary of 64-bit keys (INT32 and INT64 values, DOUBLE bit patterns): ids in insertion
 * order, as parquet-java's dictionary writers number them, found through an open-addressing table of ids with
 * no boxing and no per-entry objects.
 */
final class LongDictionary {
    private long[] keys = new long[256];
    private int[] slots = new int[512];   // id + 1, 0 = empty; at most half full
    private int size;

    int size() { return size; }

    long key(int id) { return keys[id]; }

    /** The id of {@code key}, added with the next id when new (the caller sees {@link #size()} grow). */
    int intern(long key) {
        int mask = slots.length - 1;
        int i = hash(key) & mask;
        int s;
        while ((s = slots[i]) != 0) {
            if (keys[s - 1] == key) return s - 1;
            i = (i + 1) & mask;
        }
        int id = size++;
        if (id == keys.length) keys = java.util.Arrays.copyOf(keys, id * 2);
        keys[id] = key;
        slots[i] = id + 1;
        if (size * 2 > slots.length) rehash();
        return id;
    }

    void clear() {
        size = 0;
        java.util.Arrays.fill(slots, 0);
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
