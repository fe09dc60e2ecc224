package dev.sluice.exec;

import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * A k-way merge of sorted slices of runs into batches of at most {@code batchSize} rows. Ties go to the
 * earlier slice (slices are in input partition order), so the merge is a stable sort of the concatenated
 * input. When one slice is left, its rows come out as views instead of copies.
 */
final class RunMerger {
    /** Rows {@code [from, to)} of a run's sorted order. */
    record Slice(SortedRun run, int from, int to) {}

    private final StructType schema;
    private final RowOrdering ordering;
    private final int batchSize;
    private final Slice[] slices;
    private final int[] position;
    private final int[] heap;   // slice indexes, a binary min-heap by (current row, slice index)
    private int heapSize;
    private long remaining;

    RunMerger(StructType schema, RowOrdering ordering, List<Slice> slices, int batchSize, long limit) {
        this.schema = schema;
        this.ordering = ordering;
        this.batchSize = Math.max(1, batchSize);
        List<Slice> nonEmpty = new ArrayList<>();
        for (Slice s : slices) if (s.to() > s.from()) nonEmpty.add(s);
        this.slices = nonEmpty.toArray(new Slice[0]);
        this.position = new int[this.slices.length];
        this.heap = new int[this.slices.length];
        for (int i = 0; i < this.slices.length; i++) {
            position[i] = this.slices[i].from();
            heap[heapSize++] = i;
        }
        for (int i = heapSize / 2 - 1; i >= 0; i--) siftDown(i);
        this.remaining = limit < 0 ? Long.MAX_VALUE : limit;
    }

    /** The next batch, or null when done. */
    Batch next() {
        if (heapSize == 0 || remaining == 0) return null;
        int want = (int) Math.min(batchSize, remaining);
        if (heapSize == 1) {
            int s = heap[0];
            int end = (int) Math.min(slices[s].to(), (long) position[s] + want);
            Batch view = slices[s].run().viewOf(position[s], end);
            position[s] = end;
            if (end == slices[s].to()) heapSize = 0;
            remaining -= view.rowCount();
            return view;
        }
        FlatVector[] out = new FlatVector[schema.size()];
        for (int c = 0; c < out.length; c++) out[c] = Vectors.allocate(schema.field(c).dataType(), want);
        int n = 0;
        while (n < want && heapSize > 0) {
            int s = heap[0];
            SortedRun run = slices[s].run();
            int row = run.order[position[s]];
            ColumnVector[] columns = run.columns;
            for (int c = 0; c < out.length; c++) out[c].appendFrom(columns[c], row);
            n++;
            if (++position[s] == slices[s].to()) {
                heap[0] = heap[--heapSize];
            }
            if (heapSize > 0) siftDown(0);
        }
        remaining -= n;
        return out.length == 0 ? Batch.ofRowCount(n) : new Batch(out, n);
    }

    private boolean less(int x, int y) {
        SortedRun rx = slices[x].run(), ry = slices[y].run();
        int c = ordering.compare(rx.keys, rx.order[position[x]], ry.keys, ry.order[position[y]]);
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
}
