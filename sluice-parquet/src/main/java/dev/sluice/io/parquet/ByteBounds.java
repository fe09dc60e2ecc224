package dev.sluice.io.parquet;

import dev.sluice.vector.ByteWords;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.io.api.Binary;

/**
 * The least and greatest of some byte strings in unsigned byte order (parquet's order for BINARY and strings),
 * held in place in the arrays they came from: only valid while those arrays are (one write of a vector).
 * The greatest is tried first, so ascending values (timestamps as text) cost one comparison.
 */
final class ByteBounds {
    private byte[] minArray;
    private int minStart;
    private int minLength;
    private byte[] maxArray;
    private int maxStart;
    private int maxLength;

    void offer(byte[] a, int start, int length) {
        if (minArray == null) {
            minArray = maxArray = a;
            minStart = maxStart = start;
            minLength = maxLength = length;
        } else if (compare(a, start, length, maxArray, maxStart, maxLength) > 0) {
            maxArray = a;
            maxStart = start;
            maxLength = length;
        } else if (compare(a, start, length, minArray, minStart, minLength) < 0) {
            minArray = a;
            minStart = start;
            minLength = length;
        }
    }

    /** Updates {@code statistics} with the bounds (which they copy), if any value was offered, and forgets them. */
    void moveInto(Statistics<?> statistics) {
        if (minArray == null) return;
        statistics.updateStats(Binary.fromReusedByteArray(minArray, minStart, minLength));
        statistics.updateStats(Binary.fromReusedByteArray(maxArray, maxStart, maxLength));
        minArray = maxArray = null;
    }

    /**
     * The sign of {@link java.util.Arrays#compareUnsigned} over {@code a[aStart, aStart + aLength)} and
     * {@code b[bStart, bStart + bLength)}: unsigned byte order, a prefix first. Eight bytes at a time, then byte by
     * byte: a few hundred bytes of compiled code, where the JDK's mismatch intrinsic with its range checks made
     * each inlined compare over a kilobyte.
     */
    static int compare(byte[] a, int aStart, int aLength, byte[] b, int bStart, int bLength) {
        int n = Math.min(aLength, bLength);
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long x = ByteWords.longAt(a, aStart + i);
            long y = ByteWords.longAt(b, bStart + i);
            if (x != y) return Long.compareUnsigned(Long.reverseBytes(x), Long.reverseBytes(y));
        }
        for (; i < n; i++) {
            int d = (a[aStart + i] & 0xFF) - (b[bStart + i] & 0xFF);
            if (d != 0) return d;
        }
        return aLength - bLength;
    }
}
