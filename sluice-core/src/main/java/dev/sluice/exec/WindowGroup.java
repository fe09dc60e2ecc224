package dev.sluice.exec;

import dev.sluice.vector.ColumnVector;

/**
 * One window partition inside a sorted run: sorted positions {@code [start, end)}, {@code order[p]} the row
 * id at position p. Knows its peer groups (rows equal on every order key) for ranks and RANGE frames.
 */
final class WindowGroup {
    final int start;
    final int end;
    final int[] order;
    final ColumnVector[] orderKeys;
    private final int[] peerStart;
    private final int[] peerEnd;

    WindowGroup(int start, int end, int[] order, ColumnVector[] orderKeys, RowOrdering peers) {
        this.start = start;
        this.end = end;
        this.order = order;
        this.orderKeys = orderKeys;
        int n = end - start;
        peerStart = new int[n];
        peerEnd = new int[n];
        int first = start;
        for (int p = start; p < end; p++) {
            if (p > start && peers.compare(orderKeys, order[p], orderKeys, order[p - 1]) != 0) first = p;
            peerStart[p - start] = first;
        }
        int last = end;
        for (int p = end - 1; p >= start; p--) {
            if (p < end - 1 && peers.compare(orderKeys, order[p], orderKeys, order[p + 1]) != 0) last = p + 1;
            peerEnd[p - start] = last;
        }
    }

    int size() { return end - start; }

    /** First position of p's peer group. */
    int peerStart(int p) { return peerStart[p - start]; }

    /** One past the last position of p's peer group. */
    int peerEnd(int p) { return peerEnd[p - start]; }

    /** Bytes this group's bookkeeping holds (for the memory reservation). */
    static long bytesFor(int rows) { return 8L * rows; }
}
