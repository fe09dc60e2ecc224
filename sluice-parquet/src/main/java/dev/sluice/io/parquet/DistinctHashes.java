package dev.sluice.io.parquet;

import java.util.Arrays;

/**
 * A set of 64-bit hashes (open addressing, at most three quarters full, at most {@link #MAX_SLOTS} slots: 256 KiB), for a column chunk's first values while they are all
 * distinct ({@link FlatColumnWriters.Strings}): adding a hash is one probe of a long array, where interning the
 * value copies it into the dictionary. A hash seen again means the value may repeat; equal hashes of distinct
 * values only send the caller to its exact path earlier. Emptied and refilled chunk after chunk.
 */
final class DistinctHashes {
    static final int MAX_SLOTS = 1 << 15;
    private long[] slots = new long[1024];
    private int size;

    /** True when no more hashes fit: the caller goes on without the set. */
    boolean full() { return size * 4 >= slots.length * 3; }

    /** Adds {@code hash} (the set must not be {@link #full}); false when it was there already. */
    boolean add(long hash) {
        long key = hash == 0 ? 1 : hash;   // 0 marks an empty slot: 0 and 1 share a key (a false repeat at worst)
        long[] t = slots;
        int mask = t.length - 1;
        int i = (int) (key ^ (key >>> 32)) & mask;
        long s;
        while ((s = t[i]) != 0) {
            if (s == key) return false;
            i = (i + 1) & mask;
        }
        t[i] = key;
        if (++size * 4 >= t.length * 3 && t.length < MAX_SLOTS) grow();
        return true;
    }

    void clear() {
        if (size == 0) return;
        Arrays.fill(slots, 0L);
        size = 0;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        int mask = bigger.length - 1;
        for (long key : slots) {
            if (key == 0) continue;
            int i = (int) (key ^ (key >>> 32)) & mask;
            while (bigger[i] != 0) i = (i + 1) & mask;
            bigger[i] = key;
        }
        slots = bigger;
    }
}
