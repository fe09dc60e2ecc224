package dev.sluice.json;

import dev.sluice.vector.ByteWords;

/**
 * Key prediction for the JSON fast paths: the records of a file (and the documents of a column) mostly repeat their
 * keys in one order, so the key at a position of an object is tested against the key last seen at that position with
 * two 8-byte compares, instead of being scanned to its end, checked and looked up, which costs several
 * hard-to-predict branches per key. Each entry holds the bytes of a key from its opening quote through its colon
 * ({@code "name":}, or in a document held in a JSON string {@code \"name\":}, where a key after the first is held with
 * the comma before it, {@code ,\"name\":}), at most 16 bytes, and what the caller learnt from them (the field the key
 * names). Exact by construction: a hit means the bytes are identical to bytes the
 * full scan accepted, quotes and colon included, so the full scan would accept them again with the same result.
 * <p>Not thread-safe: one per scanner (or per node of a scanner's tree).
 */
final class KeyMemo {
    /** The longest key remembered, quotes and colon included. */
    static final int MAX_KEY_BYTES = 16;

    private final long[] words;   // per entry: the two words, then their masks
    /** Per entry: the key's length (bits 0-4), and what was remembered with it plus one above; 0: nothing remembered. */
    private final int[] hits;
    private static final int LENGTH_MASK = 31;
    private static final int VALUE_SHIFT = 5;

    KeyMemo(int entries) {
        words = new long[4 * entries];
        hits = new int[entries];
    }

    int entries() { return hits.length; }

    /** A copy of what this memo holds. */
    KeyMemo copy() {
        KeyMemo c = new KeyMemo(entries());
        c.copyFrom(this);
        return c;
    }

    /** Holds exactly what {@code other} (of as many entries) holds. */
    void copyFrom(KeyMemo other) {
        System.arraycopy(other.words, 0, words, 0, words.length);
        System.arraycopy(other.hits, 0, hits, 0, hits.length);
    }

    /**
     * The length of the key remembered at {@code entry} when {@code b} holds exactly its bytes at {@code at}, else 0
     * (also when nothing is remembered there, or fewer than 16 bytes are left before {@code end}).
     */
    int match(byte[] b, int at, int end, int entry) { return length(hit(b, at, end, entry)); }

    /**
     * As {@link #match}, the key's length and what was remembered with it in one int ({@link #length}, {@link #valueOf}
     * of it; 0 for no match): the scanners' walks call this per key, and C1 does not inline it (over 35 bytes), so the
     * value comes back with the length rather than through a second array read in the caller.
     */
    int hit(byte[] b, int at, int end, int entry) {
        // no test for an empty entry: its masks are zero, so it "matches" anything and returns its hit, 0
        if (at + MAX_KEY_BYTES > end) return 0;
        long[] words = this.words;
        int w = 4 * entry;
        long first = ByteWords.longAt(b, at) ^ words[w];
        long second = ByteWords.longAt(b, at + 8) ^ words[w + 1];
        return ((first & words[w + 2]) | (second & words[w + 3])) == 0 ? hits[entry] : 0;
    }

    /** The key's length in a {@link #hit} (0: no match). */
    static int length(int hit) { return hit & LENGTH_MASK; }

    /** What was remembered with the key, from a {@link #hit} that matched. */
    static int valueOf(int hit) { return (hit >> VALUE_SHIFT) - 1; }

    /** What was remembered with the key at {@code entry}. */
    int value(int entry) { return valueOf(hits[entry]); }

    /** Remembers {@code b[from, from+length)} as the key at {@code entry}, with {@code value}; longer keys clear the entry. */
    void remember(byte[] b, int from, int length, int entry, int value) {
        if (length > MAX_KEY_BYTES) {
            hits[entry] = 0;   // matches return it, whatever the words: nothing remembered
            return;
        }
        long first = 0, second = 0, firstMask = 0, secondMask = 0;
        for (int i = 0; i < length; i++) {
            long v = b[from + i] & 0xFFL;
            if (i < 8) {
                first |= v << (8 * i);
                firstMask |= 0xFFL << (8 * i);
            } else {
                second |= v << (8 * (i - 8));
                secondMask |= 0xFFL << (8 * (i - 8));
            }
        }
        int w = 4 * entry;
        words[w] = first;
        words[w + 1] = second;
        words[w + 2] = firstMask;
        words[w + 3] = secondMask;
        hits[entry] = length | (value + 1) << VALUE_SHIFT;
    }
}
