package dev.sluice.exec;

import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * A k-way merge of sorted cursors (in-memory slices of runs, spilled runs read block by block) into batches
 * of at most {@code batchSize} rows. Ties go to the earlier cursor (cursors are in input partition order, a
 * partition's spilled runs before its last run), so the merge is a stable sort of the concatenated input.
 * When one cursor is left, its rows come out as views instead of copies.
 */
final class RunMerger implements AutoCloseable {
    /** Rows {@code [from, to)} of a run's sorted order. */
    record Slice(SortedRun run, int from, int to) {}

    private final StructType schema;
    private final RowOrdering ordering;
    private final int batchSize;
    private final RunCursor[] cursors;
    private final int[] heap;   // cursor indexes, a binary min-heap by (current row, cursor index)
    private int heapSize;
    private long remaining;
    private final List<Runnable> onClose = new ArrayList<>();

    RunMerger(StructType schema, RowOrdering ordering, List<Slice> slices, int batchSize, long limit) {
        this(schema, ordering, batchSize, limit, cursorsOf(slices));
    }

    RunMerger(StructType schema, RowOrdering ordering, int batchSize, long limit, List<RunCursor> cursors) {
        this.schema = schema;
        this.ordering = ordering;
        this.batchSize = Math.max(1, batchSize);
        List<RunCursor> nonEmpty = new ArrayList<>();
        for (RunCursor c : cursors) if (c.pos < c.end || c.refill()) nonEmpty.add(c);
        this.cursors = nonEmpty.toArray(new RunCursor[0]);
        this.heap = new int[this.cursors.length];
        for (int i = 0; i < this.cursors.length; i++) heap[heapSize++] = i;
        for (int i = heapSize / 2 - 1; i >= 0; i--) siftDown(i);
        this.remaining = limit < 0 ? Long.MAX_VALUE : limit;
    }

    private static List<RunCursor> cursorsOf(List<Slice> slices) {
        List<RunCursor> out = new ArrayList<>(slices.size());
        for (Slice s : slices) out.add(RunCursor.of(s.run(), s.from(), s.to()));
        return out;
    }

    /** The next batch, or null when done. */
    Batch next() {
        if (heapSize == 0 || remaining == 0) return null;
        int want = (int) Math.min(batchSize, remaining);
        if (heapSize == 1) {
            RunCursor c = cursors[heap[0]];
            int stop = (int) Math.min(c.end, (long) c.pos + want);
            Batch view = c.run.viewOf(c.pos, stop);
            c.pos = stop;
            if (stop == c.end && !c.refill()) heapSize = 0;
            remaining -= view.rowCount();
            return view;
        }
        FlatVector[] out = new FlatVector[schema.size()];
        for (int c = 0; c < out.length; c++) out[c] = Vectors.allocate(schema.field(c).dataType(), want);
        int n = 0;
        while (n < want && heapSize > 0) {
            RunCursor cur = cursors[heap[0]];
            int row = cur.run.order[cur.pos];
            ColumnVector[] columns = cur.run.columns;
            for (int c = 0; c < out.length; c++) out[c].appendFrom(columns[c], row);
            n++;
            if (++cur.pos == cur.end && !cur.refill()) {
                heap[0] = heap[--heapSize];
            }
            if (heapSize > 0) siftDown(0);
        }
        remaining -= n;
        return out.length == 0 ? Batch.ofRowCount(n) : new Batch(out, n);
    }

    private boolean less(int x, int y) {
        RunCursor cx = cursors[x], cy = cursors[y];
        int rx = cx.run.order[cx.pos], ry = cy.run.order[cy.pos];
        int c = ordering.compare(cx.run.prefix, cx.run.keys, rx, cy.run.prefix, cy.run.keys, ry);
        return c != 0 ? c < 0 : x < y;
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1, r = l + 1, smallest = i;
            if (l < heapSize && less(heap[l], heap[smallest])) smallest = l;
            if (r < heapSize && less(heap[r], heap[smallest])) smallest = r;
            if (smallest == i) return;
            int t = heap[i];
            heap[i] = heap[smallest];
            heap[smallest] = t;
            i = smallest;
        }
    }

    /** Runs {@code action} when the merger closes, after its cursors (the readers' memory, the files a merge wrote). */
    void onClose(Runnable action) { onClose.add(action); }

    /** Closes every cursor (spill readers), then runs the close actions. */
    @Override public void close() {
        for (RunCursor c : cursors) c.close();
        for (Runnable r : onClose) r.run();
        onClose.clear();
    }
}
