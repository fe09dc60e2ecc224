package dev.sluice.exec;

import dev.sluice.vector.Batch;

/**
 * The batches of every partition of {@code input}, partition after partition, on one task: what a global limit or
 * offset reads. A partition opens only when the one before it is used up, so a consumer that stops early never
 * opens the rest.
 */
final class PartitionsInOrder implements BatchStream {
    private final ExecNode input;
    private final TaskContext ctx;
    private int nextPartition;
    private BatchStream current;

    PartitionsInOrder(ExecNode input, TaskContext ctx) {
        this.input = input;
        this.ctx = ctx;
    }

    @Override public Batch next() {
        while (true) {
            if (current == null) {
                if (nextPartition >= input.partitionCount()) return null;
                current = input.execute(nextPartition++, ctx);
            }
            Batch batch = current.next();
            if (batch != null) return batch;
            current.close();
            current = null;
        }
    }

    @Override public void close() {
        if (current != null) current.close();
        current = null;
    }
}
