package dev.sluice.io.parquet;

import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.io.api.Binary;

import java.util.Arrays;

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
        } else if (Arrays.compareUnsigned(a, start, start + length, maxArray, maxStart, maxStart + maxLength) > 0) {
            maxArray = a;
            maxStart = start;
            maxLength = length;
        } else if (Arrays.compareUnsigned(a, start, start + length, minArray, minStart, minStart + minLength) < 0) {
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
}
