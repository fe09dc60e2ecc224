package dev.sluice.exec;

import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.SortOrder;
import dev.sluice.expr.WindowExpression;
import dev.sluice.expr.WindowFrame;
import dev.sluice.expr.agg.Average;
import dev.sluice.expr.agg.CentralMoments;
import dev.sluice.expr.agg.Comoments;
import dev.sluice.expr.agg.Count;
import dev.sluice.expr.agg.FirstLast;
import dev.sluice.expr.agg.MinMax;
import dev.sluice.expr.agg.Sum;
import dev.sluice.memory.SpillFile;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.List;

/**
 * A frame from after UNBOUNDED PRECEDING to UNBOUNDED FOLLOWING whose function a reverse pass cannot compute with the
 * in-memory values ({@link SuffixFrames#reversible}: a floating-point or decimal sum, an average, a variance, a RANGE
 * frame starting at a value offset after the row), over a window partition larger than memory. As in memory (and as
 * Spark's unbounded-following frame), each row's frame is accumulated from its start to the partition's end, in
 * window order, so the values are the same to the last bit; cost: rows² / 2 additions, as in memory. For each chunk
 * of {@link SuffixFrames#CHUNK} rows, one forward pass over the partition's spill file from the chunk's first frame
 * start adds every row to the state of each row of the chunk whose frame has started (one state per row of the
 * chunk, fixed-size: only aggregates whose state does not grow, and first/last/nth_value, go this way).
 */
final class SuffixRecompute {
    private SuffixRecompute() {}

    /** True when {@code w} (a suffix-frame function) keeps a state of fixed size, so that a chunk of them fits. */
    static boolean applies(WindowExpression w) {
        switch (w.function()) {
            case FIRST_VALUE: case LAST_VALUE: case NTH_VALUE: return true;
            case AGGREGATE: {
                AggregateExpression a = (AggregateExpression) w.input();
                if (a.distinct()) return false;
                Object f = a.function();
                return f instanceof Sum || f instanceof Average || f instanceof Count || f instanceof MinMax
                        || f instanceof CentralMoments || f instanceof Comoments || f instanceof FirstLast;
            }
            default: return false;
        }
    }

    /**
     * Writes {@code w}'s values for the {@code rows} rows of {@code partition} (in window order) to {@code out}, one
     * block per chunk of {@link SuffixFrames#CHUNK} rows ({@code firstBlock[chunk]}: its block).
     */
    static void write(SpillFile partition, StructType schema, long rows, WindowExpression w, List<SortOrder> orderBy,
                      RowOrdering peers, SpillFile out, int[] firstBlock) {
        int blocks = partition.blockCount();
        long[] blockStart = new long[blocks + 1];
        for (int b = 0; b < blocks; b++) blockStart[b + 1] = blockStart[b] + partition.blockRows(b);
        Start start = new Start(w.effectiveFrame(), orderBy, peers);
        Batch empty = emptyBatch(schema);
        for (long a = 0; a < rows; a += SuffixFrames.CHUNK) {
            int c = (int) Math.min(SuffixFrames.CHUNK, rows - a);
            ColumnVector[] chunkKeys = start.needsKeys() ? keysOf(partition, schema, orderBy, blockStart, a, c) : null;
            Object[] states = new Object[c];
            int started = 0;   // the chunk's rows whose frame has started (frame starts do not decrease)
            FrameAccumulator acc = null;
            for (int b = start.firstBlock(a, rows, blockStart); b < blocks && b >= 0; b++) {
                Batch block;
                try (SpillFile.Reader reader = partition.reader(schema, b)) {
                    block = reader.next();
                }
                int n = block.rowCount();
                ColumnVector[] keys = start.needsKeys() ? evaluate(orderBy, block) : null;
                int[] order = new int[n];
                for (int r = 0; r < n; r++) order[r] = r;
                acc = FrameAccumulator.of(w, block, order);
                int before = started;
                int[] from = new int[c];
                for (int r = 0; r < n && started < c; r++) {
                    while (started < c && start.atOrPast(blockStart[b] + r, keys, r, a + started, chunkKeys, started)) from[started++] = r;
                }
                for (int g = 0; g < started; g++) {
                    if (states[g] == null) acc.reset();
                    else acc.continueFrom(states[g]);
                    acc.add(g < before ? 0 : from[g], n);
                    states[g] = acc.state();
                }
            }
            if (acc == null) acc = FrameAccumulator.of(w, empty, new int[0]);
            FlatVector values = Vectors.allocate(w.dataType(), c);
            for (int g = 0; g < c; g++) {
                if (states[g] == null) acc.reset();   // a frame that starts past the partition's end: empty
                else acc.continueFrom(states[g]);
                acc.result(values);
            }
            firstBlock[(int) (a / SuffixFrames.CHUNK)] = out.blockCount();
            out.write(new Batch(new ColumnVector[] {values}, c));
        }
        out.finishWriting();
    }

    private static ColumnVector[] evaluate(List<SortOrder> orderBy, Batch block) {
        ColumnVector[] keys = new ColumnVector[orderBy.size()];
        for (int k = 0; k < keys.length; k++) keys[k] = orderBy.get(k).evaluate(block);
        return keys;
    }

    /** The order keys of the partition's rows {@code [a, a + c)}, copied. */
    private static ColumnVector[] keysOf(SpillFile partition, StructType schema, List<SortOrder> orderBy, long[] blockStart,
                                         long a, int c) {
        FlatVector[] keys = new FlatVector[orderBy.size()];
        for (int k = 0; k < keys.length; k++) keys[k] = Vectors.allocate(orderBy.get(k).dataType(), c);
        int b = blockOf(blockStart, a);
        try (SpillFile.Reader reader = partition.reader(schema, b)) {
            long at = blockStart[b];
            int got = 0;
            while (got < c) {
                Batch block = reader.next();
                ColumnVector[] bk = evaluate(orderBy, block);
                for (int r = (int) Math.max(0, a - at); r < block.rowCount() && got < c; r++, got++) {
                    for (int k = 0; k < keys.length; k++) keys[k].appendFrom(bk[k], r);
                }
                at += block.rowCount();
            }
        }
        return keys;
    }

    /** The block holding partition row {@code row}. */
    private static int blockOf(long[] blockStart, long row) {
        int lo = 0, hi = blockStart.length - 2;
        while (lo < hi) {   // the last block starting at or before the row
            int mid = (lo + hi + 1) >>> 1;
            if (blockStart[mid] <= row) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    private static Batch emptyBatch(StructType schema) {
        ColumnVector[] columns = new ColumnVector[schema.size()];
        for (int c = 0; c < columns.length; c++) columns[c] = Vectors.allocate(schema.field(c).dataType(), 0);
        return new Batch(columns, 0);
    }

    /** Where a row's frame starts, by {@link FrameBounds#lower}'s rules, for rows met in window order. */
    private static final class Start {
        private final WindowFrame frame;
        private final RowOrdering peers;
        private final FrameBounds.ValueStart valueStart;

        Start(WindowFrame frame, List<SortOrder> orderBy, RowOrdering peers) {
            this.frame = frame;
            this.peers = peers;
            this.valueStart = frame.type() == WindowFrame.Type.RANGE && frame.hasValueOffset()
                    ? new FrameBounds.ValueStart(frame.lower(), orderBy.get(0)) : null;
        }

        boolean needsKeys() { return frame.type() == WindowFrame.Type.RANGE; }

        /** The first block to read for the chunk starting at row {@code a} (-1: every frame starts past the end). */
        int firstBlock(long a, long rows, long[] blockStart) {
            if (frame.type() != WindowFrame.Type.ROWS) return 0;   // a RANGE frame may start anywhere before the row
            long s = Math.max(0, a + frame.lower());
            return s >= rows ? -1 : blockOf(blockStart, s);
        }

        /**
         * True when partition row {@code j} (row {@code r} of {@code keys}) is at or past the frame start of row
         * {@code i} (row {@code g} of {@code chunkKeys}).
         */
        boolean atOrPast(long j, ColumnVector[] keys, int r, long i, ColumnVector[] chunkKeys, int g) {
            if (frame.type() == WindowFrame.Type.ROWS) return j >= i + frame.lower();
            if (valueStart != null) return !valueStart.before(keys[0], r, chunkKeys[0], g, j < i);
            return j >= i || peers.compare(keys, r, chunkKeys, g) == 0;   // CURRENT ROW: the row's peer group
        }
    }
}
