package dev.sluice.io;

import dev.sluice.vector.ByteWords;

/** Finding a byte in a byte array 8 bytes at a time (SWAR: one long compare per 8 bytes instead of 8 compares). */
public final class ByteSearch {
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteSearch() {}

    /** The index of the first {@code target} in {@code b[from, to)}, or -1. */
    public static int indexOf(byte[] b, int from, int to, byte target) {
        long pattern = (target & 0xFFL) * ONES;
        int i = from;
        while (i + 8 <= to) {
            long x = ByteWords.longAt(b, i) ^ pattern;
            long found = (x - ONES) & ~x & HIGHS;   // exact for the lowest match, which is all we use
            if (found != 0) return i + ByteWords.firstMarkedByte(found);
            i += 8;
        }
        for (; i < to; i++) {
            if (b[i] == target) return i;
        }
        return -1;
    }

    /** The index of the first {@code x} or {@code y} in {@code b[from, to)}, or -1. */
    public static int indexOfEither(byte[] b, int from, int to, byte x, byte y) {
        long px = (x & 0xFFL) * ONES, py = (y & 0xFFL) * ONES;
        int i = from;
        while (i + 8 <= to) {
            long w = ByteWords.longAt(b, i);
            long a = w ^ px, c = w ^ py;
            long found = ((a - ONES) & ~a | (c - ONES) & ~c) & HIGHS;   // each side exact for its lowest match
            if (found != 0) return i + ByteWords.firstMarkedByte(found);
            i += 8;
        }
        for (; i < to; i++) {
            if (b[i] == x || b[i] == y) return i;
        }
        return -1;
    }
}
