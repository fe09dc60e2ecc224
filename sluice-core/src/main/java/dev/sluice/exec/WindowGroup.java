package dev.sluice.exec;

import dev.sluice.vector.ColumnVector;

/**
 * One window partition inside a sorted run: sorted positions {@code [start, end)}, {@code order[p]} the row
 * id at position p. Knows its peer groups (rows equal on every order key) for ranks and RANGE frames.
 * Functions emit values for the positions {@code [from, to)}: all of them, unless the partition is streamed in
 * chunks and the run holds rows already emitted before {@code from} (context for frames that look back) or rows
 * to be emitted by the next chunk from {@code to} on (read ahead for frames that look forward).
 */
final class WindowGroup {
    final int start;
    final int end;
    final int from;
    final int to;
    final int[] order;
    final ColumnVector[] orderKeys;
    private final int[] peerStart;
    private final int[] peerEnd;

    WindowGroup(int start, int end, int[] order, ColumnVector[] orderKeys, RowOrdering peers) {
        this(start, end, start, end, order, orderKeys, peers);
    }

    WindowGroup(int start, int end, int from, int to, int[] order, ColumnVector[] orderKeys, RowOrdering peers) {
        this.start = start;
        this.end = end;
        this.from = from;
        this.to = to;
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
