package dev.sluice.exec;

import dev.sluice.vector.Batch;

import java.util.function.IntFunction;

/**
 * The batches of streams {@code 0 .. count-1}, one after another; stream {@code i} opens only when the one before it
 * is used up (a consumer that stops early never opens the rest) and {@code open} may answer null for an empty one.
 * What spilled partitions replay (a global limit or offset reads its input through {@link OrderedStream}).
 */
final class ConcatenatedStream implements BatchStream {
    private final int count;
    private final IntFunction<BatchStream> open;
    private int next;
    private BatchStream current;

    ConcatenatedStream(int count, IntFunction<BatchStream> open) {
        this.count = count;
        this.open = open;
    }

    @Override public Batch next() {
        while (true) {
            if (current != null) {
                Batch batch = current.next();
                if (batch != null) return batch;
                current.close();
                current = null;
            }
            if (next >= count) return null;
            current = open.apply(next++);
        }
    }

    @Override public void close() {
        if (current != null) current.close();
        current = null;
        next = count;
    }
}
