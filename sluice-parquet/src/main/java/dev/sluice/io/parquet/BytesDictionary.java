package dev.sluice.io.parquet;

import dev.sluice.vector.ByteWords;
import java.util.Arrays;

/**
 * A column chunk's dictionary of byte strings (BINARY values), keyed on the vector's own bytes: entries are
 * copied once into one arena when first seen, ids are given in insertion order (as parquet-java's dictionary
 * writer numbers them), and lookups compare bytes in place, with no {@code Binary} per value.
 */
final class BytesDictionary {

    private byte[] arena = new byte[4096];
    private int arenaSize;
    private int[] starts = new int[256];
    private int[] lengths = new int[256];
    private int[] hashes = new int[256];
    private int[] slots = new int[1024];   // slot i: hash at 2i, id + 1 at 2i + 1 (0 = empty); at most half full
    private int size;

    int size() { return size; }

    byte[] arena() { return arena; }

    int start(int id) { return starts[id]; }

    int length(int id) { return lengths[id]; }

    /** The id of {@code bytes[offset, offset + length)}, added with the next id when new. */
    int intern(byte[] bytes, int offset, int length) {
        int h = hash(bytes, offset, length);
        int[] t = slots;
        int mask = (t.length >> 1) - 1;
        int i = h & mask;
        int s;
        while ((s = t[2 * i + 1]) != 0) {
            int id = s - 1;
            if (t[2 * i] == h && lengths[id] == length && sameBytes(starts[id], bytes, offset, length)) return id;
            i = (i + 1) & mask;
        }
        int id = size++;
        if (id == starts.length) {
            starts = Arrays.copyOf(starts, id * 2);
            lengths = Arrays.copyOf(lengths, id * 2);
            hashes = Arrays.copyOf(hashes, id * 2);
        }
        if (arenaSize + length + 8 > arena.length) arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + length + 8));
        System.arraycopy(bytes, offset, arena, arenaSize, length);
        starts[id] = arenaSize;
        lengths[id] = length;
        hashes[id] = h;
        arenaSize += length;
        t[2 * i] = h;
        t[2 * i + 1] = id + 1;
        if (size * 4 > t.length) rehash();
        return id;
    }

    /**
     * Whether the entry at {@code start} of the arena holds {@code bytes[offset, offset + length)} (of its length).
     * Up to eight bytes are one masked word from each side: the arena keeps eight bytes past every entry's start
     * (it grows eight bytes early), and the value's array is read so only when it has eight bytes from
     * {@code offset}; else, and for longer values, {@link Arrays#equals}.
     */
    private boolean sameBytes(int start, byte[] bytes, int offset, int length) {
        if (length <= 8 && offset + 8 <= bytes.length) {
            if (length == 0) return true;
            long differ = ByteWords.longAt(arena, start) ^ ByteWords.longAt(bytes, offset);
            return (differ & (-1L >>> (64 - 8 * length))) == 0;
        }
        return Arrays.equals(arena, start, start + length, bytes, offset, offset + length);
    }

    void clear() {
        size = 0;
        arenaSize = 0;
        Arrays.fill(slots, 0);
    }

    /** Empties the dictionary and gives back the arrays it grew (an abandoned dictionary need not hold them). */
    void release() {
        size = 0;
        arenaSize = 0;
        arena = new byte[4096];
        starts = new int[256];
        lengths = new int[256];
        hashes = new int[256];
        slots = new int[1024];
    }

    private void rehash() {
        int[] bigger = new int[slots.length * 2];
        int mask = (bigger.length >> 1) - 1;
        for (int id = 0; id < size; id++) {
            int i = hashes[id] & mask;
            while (bigger[2 * i + 1] != 0) i = (i + 1) & mask;
            bigger[2 * i] = hashes[id];
            bigger[2 * i + 1] = id + 1;
        }
        slots = bigger;
    }

    /** Eight bytes at a time, then the tail; mixed so that the low bits (the table index) depend on all of them. */
    static int hash(byte[] b, int offset, int length) {
        long h = hash64(b, offset, length);
        return (int) (h ^ (h >>> 31) ^ (h >>> 47));
    }

    /** The 64 bits {@link #hash} folds. */
    static long hash64(byte[] b, int offset, int length) {
        long h = 0x9E3779B97F4A7C15L ^ length;
        int i = offset;
        int end = offset + length;
        for (; i + 8 <= end; i += 8) h = (h ^ ByteWords.longAt(b, i)) * 0xC2B2AE3D27D4EB4FL;
        return (h ^ tail(b, i, end - i)) * 0xC2B2AE3D27D4EB4FL;
    }

    /**
     * The last {@code count} (0-7) bytes from {@code i}, little-endian in the low bytes of a long: one masked word
     * when the array holds eight bytes from {@code i} (short strings, the usual case, have no loop then), else
     * byte by byte near the array's end.
     */
    private static long tail(byte[] b, int i, int count) {
        if (count == 0) return 0;
        if (i + 8 <= b.length) return ByteWords.longAt(b, i) & (-1L >>> (64 - 8 * count));
        long tail = 0;
        for (int shift = 0; shift < 8 * count; i++, shift += 8) tail |= (b[i] & 0xFFL) << shift;
        return tail;
    }
}
