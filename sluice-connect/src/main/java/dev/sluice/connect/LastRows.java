package dev.sluice.connect;

import dev.sluice.exec.CloseableIterator;
import dev.sluice.vector.Batch;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The last {@code n} rows of a stream of batches, in order ({@code df.tail(n)} at the top of a query): batches are kept
 * while the ones after them do not yet hold n rows, so at most n rows and one batch more are held, never the result.
 */
final class LastRows {
    private final long n;
    private final ArrayDeque<Batch> kept = new ArrayDeque<>();
    private long rows;

    LastRows(long n) { this.n = Math.max(0, n); }

    void add(Batch batch) {
        if (n == 0 || batch.rowCount() == 0) return;
        kept.addLast(batch);
        rows += batch.rowCount();
        while (rows - kept.peekFirst().rowCount() >= n) rows -= kept.removeFirst().rowCount();
    }

    /** The kept batches as a stream to encode (nothing to close). */
    CloseableIterator<Batch> iterator() {
        java.util.Iterator<Batch> it = batches().iterator();
        return new CloseableIterator<>() {
            @Override public boolean hasNext() { return it.hasNext(); }
            @Override public Batch next() { return it.next(); }
            @Override public void close() { }
        };
    }

    /** The kept batches, the first sliced so that exactly min(n, rows seen) rows remain. */
    List<Batch> batches() {
        List<Batch> out = new java.util.ArrayList<>(kept);
        if (rows > n) {
            Batch first = out.get(0);
            int drop = (int) (rows - n);
            out.set(0, first.slice(drop, first.rowCount() - drop));
        }
        return out;
    }
}
