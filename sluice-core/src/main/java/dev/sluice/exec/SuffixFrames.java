package dev.sluice.exec;

import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.SortOrder;
import dev.sluice.expr.WindowExpression;
import dev.sluice.expr.WindowFrame;
import dev.sluice.expr.agg.Count;
import dev.sluice.expr.agg.MinMax;
import dev.sluice.expr.agg.Sum;
import dev.sluice.memory.SpillFile;
import dev.sluice.memory.SpillListener;
import dev.sluice.memory.SpillManager;
import dev.sluice.types.DataType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * Frames that end at UNBOUNDED FOLLOWING but start after UNBOUNDED PRECEDING ({@code rowsBetween(k,
 * unboundedFollowing)}, {@code rangeBetween(currentRow, unboundedFollowing)}) over a window partition larger than
 * memory: a frame's value depends on rows not read yet, so they are computed by a reverse pass over the partition's
 * spill file (written by the chunker's first pass), block by block from the last, adding each row to a state that
 * then covers the rows from it to the partition's end. Each function's values go to a spill file of their own, in
 * blocks of {@link #CHUNK} rows written last first; the chunks of the second, forward pass read them in order.
 * Only functions whose value does not depend on the order rows are added in (count, min, max, sum of integers,
 * first/last_value, which pick from the other end) stream this way, so that the values are exactly those of the
 * in-memory path, which recomputes each row's frame from its start; others still need their partition in memory.
 */
final class SuffixFrames implements AutoCloseable {
    static final int CHUNK = 1024;

    private final List<Integer> functions;      // the operator's suffix functions, by index
    private final SpillFile[] files;             // per suffix function
    private final int[][] firstBlock;            // per suffix function: the file's first block of each chunk of rows
    private final StructType[] schemas;
    private final long rows;
    private int loadedChunk = -1;
    private final FlatVector[] loaded;

    private SuffixFrames(List<Integer> functions, SpillFile[] files, int[][] firstBlock, StructType[] schemas, long rows) {
        this.functions = functions;
        this.files = files;
        this.firstBlock = firstBlock;
        this.schemas = schemas;
        this.rows = rows;
        this.loaded = new FlatVector[files.length];
    }

    /** True for a frame from after UNBOUNDED PRECEDING to UNBOUNDED FOLLOWING. */
    static boolean isSuffix(WindowFrame f) {
        return f.upper() == WindowFrame.UNBOUNDED_FOLLOWING && f.lower() != WindowFrame.UNBOUNDED_PRECEDING;
    }

    /**
     * True when {@code w}'s suffix frame streams over a partition larger than memory: by the reverse pass, or
     * recomputed forward from each row's frame start ({@link SuffixRecompute}).
     */
    static boolean streamable(WindowExpression w) { return reversible(w) || SuffixRecompute.applies(w); }

    /** True for a frame function (an aggregate, first/last/nth_value) over a suffix frame. */
    static boolean applies(WindowExpression w) {
        WindowExpression.Function f = w.function();
        return !f.isRanking() && f != WindowExpression.Function.LAG && f != WindowExpression.Function.LEAD && isSuffix(w.effectiveFrame());
    }

    /**
     * True when {@code w}'s suffix frame can be computed by the reverse pass with exactly the in-memory values: a ROWS
     * frame starting at an offset, or a RANGE frame starting at the current row's peers, of a function that adds
     * rows in any order to the same value.
     */
    static boolean reversible(WindowExpression w) {
        WindowFrame f = w.effectiveFrame();
        // a RANGE frame starting at a value offset after the row (rangeBetween(1, unboundedFollowing)) starts at rows
        // the reverse pass has added before it reads the row's key: only offsets at or before the row stream
        if (!isSuffix(f) || (f.type() == WindowFrame.Type.RANGE && f.lower() > 0)) return false;
        if (w.function() == WindowExpression.Function.FIRST_VALUE || w.function() == WindowExpression.Function.LAST_VALUE
                || w.function() == WindowExpression.Function.NTH_VALUE) return true;
        if (w.function() != WindowExpression.Function.AGGREGATE) return false;
        AggregateExpression a = (AggregateExpression) w.input();
        if (a.distinct()) return false;
        if (a.function() instanceof Count || a.function() instanceof MinMax) return true;
        if (a.function() instanceof Sum s) {   // integers sum exactly (a long sum could overflow in one order only)
            DataType t = s.child().dataType();
            return t instanceof dev.sluice.types.IntegerType || t instanceof dev.sluice.types.ShortType || t instanceof dev.sluice.types.ByteType;
        }
        return false;
    }

    /**
     * The reverse pass over {@code partition} ({@code rows} rows in window order) for the operator's functions whose
     * frame is a suffix. {@code orderBy}/{@code peers}: the window's order, to find peer groups (RANGE frames).
     */
    static SuffixFrames compute(SpillFile partition, StructType schema, long rows, List<WindowExpression> all, List<SortOrder> orderBy,
                                RowOrdering peers, SpillManager spills, SpillListener listener) {
        List<Integer> functions = new ArrayList<>();
        for (int f = 0; f < all.size(); f++) if (applies(all.get(f))) functions.add(f);
        int k = functions.size();
        SpillFile[] files = new SpillFile[k];
        StructType[] schemas = new StructType[k];
        int chunks = (int) ((rows + CHUNK - 1) / CHUNK);
        int[][] firstBlock = new int[k][chunks];
        Reverse[] passes = new Reverse[k];
        try {
            boolean anyReversible = false;
            for (int i = 0; i < k; i++) {
                WindowExpression w = all.get(functions.get(i));
                files[i] = spills.newFile("window-suffix", listener);
                schemas[i] = new StructType(List.of(new StructField("v", w.dataType(), true)));
                if (reversible(w)) {
                    passes[i] = new Reverse(w, rows, files[i], firstBlock[i], orderBy.isEmpty() ? null : orderBy.get(0));
                    anyReversible = true;
                }
            }
            ColumnVector[] laterKeys = null;   // the order keys of the row after the block being read (one row)
            long end = rows;                   // the partition's rows from here on are added
            for (int b = anyReversible ? partition.blockCount() - 1 : -1; b >= 0; b--) {
                Batch block;
                try (SpillFile.Reader reader = partition.reader(schema, b)) {
                    block = reader.next();
                }
                int n = block.rowCount();
                ColumnVector[] keys = new ColumnVector[orderBy.size()];
                for (int o = 0; o < keys.length; o++) keys[o] = orderBy.get(o).evaluate(block);
                boolean[] peerOfNext = new boolean[n];   // row r is a peer of row r + 1 (across blocks too)
                for (int r = 0; r < n; r++) {
                    if (r + 1 < n) peerOfNext[r] = peers.compare(keys, r, keys, r + 1) == 0;
                    else peerOfNext[r] = laterKeys != null && peers.compare(keys, r, laterKeys, 0) == 0;
                }
                for (Reverse pass : passes) if (pass != null) pass.block(block, end - n, peerOfNext, keys);
                end -= n;
                laterKeys = rowOf(keys, 0);
            }
            for (Reverse pass : passes) if (pass != null) pass.finish();
            // the others: each row's frame accumulated forward from its start, as in memory
            for (int i = 0; i < k; i++) {
                if (passes[i] != null) continue;
                SuffixRecompute.write(partition, schema, rows, all.get(functions.get(i)), orderBy, peers, files[i], firstBlock[i]);
            }
        } catch (RuntimeException | Error e) {
            for (SpillFile f : files) if (f != null) f.delete();
            throw e;
        }
        return new SuffixFrames(functions, files, firstBlock, schemas, rows);
    }

    /**
     * Appends function {@code function}'s values (its index in the operator) for the partition's rows
     * {@code [row, row + count)}; rows are asked for in order.
     */
    void append(int function, long row, int count, FlatVector out) {
        int i = functions.indexOf(function);
        for (long r = row; r < row + count; r++) {
            int chunk = (int) (r / CHUNK);
            if (chunk != loadedChunk) load(chunk);
            out.appendFrom(loaded[i], (int) (r - (long) chunk * CHUNK));
        }
    }

    private void load(int chunk) {
        int wanted = (int) Math.min(CHUNK, rows - (long) chunk * CHUNK);
        for (int i = 0; i < files.length; i++) {
            FlatVector v = Vectors.allocate(schemas[i].field(0).dataType(), wanted);
            try (SpillFile.Reader reader = files[i].reader(schemas[i], firstBlock[i][chunk])) {
                for (int got = 0; got < wanted; ) {
                    Batch b = reader.next();
                    for (int r = 0; r < b.rowCount() && got < wanted; r++, got++) v.appendFrom(b.column(0), r);
                }
            }
            loaded[i] = v;
        }
        loadedChunk = chunk;
    }

    private static ColumnVector[] rowOf(ColumnVector[] keys, int row) {
        ColumnVector[] out = new ColumnVector[keys.length];
        for (int k = 0; k < keys.length; k++) {
            FlatVector v = Vectors.allocate(keys[k].type(), 1);
            v.appendFrom(keys[k], row);
            out[k] = v;
        }
        return out;
    }

    @Override public void close() {
        for (SpillFile f : files) f.delete();
    }

    /**
     * One function's reverse pass: rows are added last to first; row i's value is the state once the frame's first
     * row has been added ({@code i + k} for a ROWS frame from offset k, clamped to the partition; the first row of
     * i's peer group for RANGE), values come out from the last row to the first and are written in chunks of
     * {@link #CHUNK} rows, each reversed into window order.
     */
    private static final class Reverse {
        private final WindowExpression w;
        private final boolean range;
        private final long lower;
        private final FrameBounds.ValueStart valueStart;   // a RANGE frame starting at a value offset, else null
        private FlatVector waiting;     // value offsets: the order keys of the rows added whose value is not out yet
        private int waitingHead;        // ... from this one (row next) on
        private final long rows;
        private final SpillFile file;
        private final int[] firstBlock;
        private Object state;           // the rows added so far (from the partition's end), null before the first
        private FlatVector pending;     // values of rows (next, next + pending size], last row first
        private long next;              // the next row whose value comes out
        private long peersWaiting;      // RANGE: rows of the current peer group added, their value not out yet

        Reverse(WindowExpression w, long rows, SpillFile file, int[] firstBlock, SortOrder firstOrder) {
            WindowFrame f = w.effectiveFrame();
            this.w = w;
            this.range = f.type() == WindowFrame.Type.RANGE;
            this.lower = f.lower();
            this.valueStart = range && f.hasValueOffset() ? new FrameBounds.ValueStart(f.lower(), firstOrder) : null;
            this.rows = rows;
            this.file = file;
            this.firstBlock = firstBlock;
            this.next = rows - 1;
            if (valueStart != null) waiting = Vectors.allocate(firstOrder.dataType(), 64);
        }

        /**
         * Adds the rows of {@code block} (partition rows {@code [from, from + n)}) from its last; {@code keys}: its
         * order keys.
         */
        void block(Batch block, long from, boolean[] peerOfNext, ColumnVector[] keys) {
            int n = block.rowCount();
            int[] order = new int[n];
            for (int r = 0; r < n; r++) order[r] = r;
            FrameAccumulator acc = FrameAccumulator.reversed(w, block, order);
            if (state != null) acc.continueFrom(state);
            if (state == null && !range && lower >= 0) {
                // rows whose frame starts past the partition's end: an empty frame
                for (long i = rows - 1; i >= Math.max(0, rows - lower); i--) emit(acc, 1);
            }
            for (int r = n - 1; r >= 0; r--) {
                long j = from + r;
                if (valueStart != null) {
                    // row j is before the frame of the rows waiting from row next on: their frames start after it
                    while (waitingHead < waiting.size() && valueStart.before(keys[0], r, waiting, waitingHead, true)) {
                        emit(acc, 1);
                        waitingHead++;
                    }
                    acc.add(r, r + 1);
                    waiting.appendFrom(keys[0], r);
                    if (waitingHead > 1024 && waitingHead * 2 > waiting.size()) compactWaiting();
                } else if (range) {
                    if (peersWaiting > 0 && !peerOfNext[r]) {   // row j ends a peer group: the one after it is complete
                        emit(acc, peersWaiting);
                        peersWaiting = 0;
                    }
                    acc.add(r, r + 1);
                    peersWaiting++;
                } else {
                    acc.add(r, r + 1);
                    long i = j - lower;   // the row whose frame starts here
                    if (i >= 0 && i < rows) emit(acc, 1);
                }
            }
            state = acc.state();
            lastAcc = acc;
        }

        private FrameAccumulator lastAcc;

        /** Drops the keys of the rows whose value is out. */
        private void compactWaiting() {
            FlatVector kept = Vectors.allocate(waiting.type(), Math.max(16, waiting.size() - waitingHead));
            for (int i = waitingHead; i < waiting.size(); i++) kept.appendFrom(waiting, i);
            waiting = kept;
            waitingHead = 0;
        }

        void finish() {
            if (valueStart != null) emit(lastAcc, waiting.size() - waitingHead);   // their frames start at the first row
            else if (range) emit(lastAcc, peersWaiting);
            else if (lower < 0) for (long i = Math.min(rows, -lower) - 1; i >= 0; i--) emit(lastAcc, 1);
            if (pending != null && pending.size() > 0) throw dev.sluice.error.SluiceException.internal("suffix frame values left over");
        }

        /** Row {@code next}'s value (and the {@code times - 1} rows before it: peers), written when a chunk is full. */
        private void emit(FrameAccumulator acc, long times) {
            for (long t = 0; t < times; t++) {
                if (pending == null) pending = Vectors.allocate(w.dataType(), CHUNK);
                acc.result(pending);
                if (next % CHUNK == 0) {   // rows [next, next + pending) are a chunk: out in window order
                    int n = pending.size();
                    int[] backwards = new int[n];
                    for (int r = 0; r < n; r++) backwards[r] = n - 1 - r;
                    firstBlock[(int) (next / CHUNK)] = file.blockCount();
                    file.write(new Batch(new ColumnVector[] {pending.select(backwards, n)}, n));
                    pending = null;
                }
                next--;
            }
        }
    }
}
