package dev.sluice.expr.agg;

import java.util.Arrays;

/** Growable per-group flags (a bitmap), for "this group has seen a value". */
final class Bits {
    private long[] words = new long[1];

    void ensure(int groups) {
        int needed = (groups + 63) >>> 6;
        if (needed > words.length) words = Arrays.copyOf(words, Math.max(needed, words.length * 2));
    }

    boolean get(int i) { return (words[i >>> 6] & (1L << i)) != 0; }

    void set(int i) { words[i >>> 6] |= 1L << i; }

    /** Clears every flag, keeping the words. */
    void clear() { Arrays.fill(words, 0L); }

    long bytes() { return words.length * 8L; }
}
