package dev.sluice.exec;

import dev.sluice.vector.Batch;

/** A {@link RunMerger} as a partition's stream, stopping at a cancel. */
final class Merges {
    private Merges() {}

    static BatchStream stream(RunMerger merger, TaskContext ctx) {
        return new BatchStream() {
            @Override public Batch next() {
                ctx.checkCancelled();
                return merger.next();
            }

            @Override public void close() { merger.close(); }
        };
    }
}
