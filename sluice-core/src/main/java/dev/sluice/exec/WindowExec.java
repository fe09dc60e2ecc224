package dev.sluice.exec;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.SortOrder;
import dev.sluice.expr.WindowExpression;
import dev.sluice.expr.WindowFrame;
import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.Reservation;
import dev.sluice.memory.SpillFile;
import dev.sluice.memory.SpillListener;
import dev.sluice.plan.Explain;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Window functions over input that is already partitioned by the partition keys (an exchange below): each
 * partition buffers its rows (memory reserved), sorts them stably by partition keys then order keys, walks the
 * window partitions (runs of equal partition keys) computing every function, and emits the rows in that order
 * with one column per function appended. When the rows do not fit, the sort spills runs and the merged rows
 * are processed from disk in chunks of whole window partitions. A window partition larger than a chunk is cut
 * into chunks too ({@link Chunker}), each continuing where the one before stopped ({@link WindowCarry}): a chunk
 * keeps the rows before its first row and reads the rows after its last one that the functions look at
 * ({@link WindowStreamNeeds}), and a function of the whole partition (its size, a whole-partition frame) gets
 * it from a first pass that writes the partition to a spill file, which the chunks then read again. Only a
 * function that cannot be streamed (a frame from after UNBOUNDED PRECEDING to UNBOUNDED FOLLOWING) needs its
 * window partition to fit: MEMORY_EXHAUSTED naming it when it does not.
 */
public final class WindowExec implements ExecNode {
    private static final long RESULT_BYTES_PER_VALUE = 16;

    private final ExecNode input;
    private final List<Expression> partitionBy;
    private final List<SortOrder> orderBy;
    private final List<WindowExpression> functions;
    private final StructType schema;
    private final MemoryPool pool;
    private final int batchSize;
    private final List<SortOrder> sortKeys;
    private final RowOrdering sortOrdering;
    private final RowOrdering partitionOrdering;
    private final RowOrdering peerOrdering;
    private final WindowStreamNeeds needs;   // what a cut window partition needs (or which function refuses cuts)
    private volatile OperatorMetrics metrics;

    /** Keys and functions are bound to the input's columns. */
    public WindowExec(ExecNode input, List<Expression> partitionBy, List<SortOrder> orderBy, List<WindowExpression> functions,
                      StructType schema, MemoryPool pool, int batchSize) {
        this.input = input;
        this.partitionBy = List.copyOf(partitionBy);
        this.orderBy = List.copyOf(orderBy);
        this.functions = List.copyOf(functions);
        this.schema = schema;
        this.pool = pool;
        this.batchSize = batchSize;
        List<SortOrder> keys = new ArrayList<>();
        List<SortOrder> partitionKeys = new ArrayList<>();
        for (Expression e : this.partitionBy) partitionKeys.add(SortOrder.asc(e));
        keys.addAll(partitionKeys);
        keys.addAll(this.orderBy);
        this.sortKeys = List.copyOf(keys);
        this.sortOrdering = new RowOrdering(sortKeys);
        this.partitionOrdering = new RowOrdering(partitionKeys);
        this.peerOrdering = new RowOrdering(this.orderBy);
        this.needs = WindowStreamNeeds.of(this.functions);
    }

    /** The partition keys (bound to the input, whose columns keep their places in the output). */
    public List<Expression> partitionBy() { return partitionBy; }

    @Override public StructType schema() { return schema; }

    @Override public int partitionCount() { return input.partitionCount(); }

    @Override public List<ExecNode> children() { return List.of(input); }

    @Override public void attachMetrics(OperatorMetrics metrics) { this.metrics = metrics; }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        Reservation reservation = pool.newSpillableReservation("window", ctx::isCancelled);
        OperatorMetrics m = metrics;
        RunBuilder builder = new RunBuilder(input.schema(), sortKeys, sortOrdering, reservation, -1,
                m == null ? dev.sluice.memory.SpillListener.NONE : m);
        return new BatchStream() {
            SortedRun run;           // the rows being emitted (all of the partition, or one chunk of whole window partitions)
            FlatVector[] results;    // one value per row emitted from the run: positions [emitFrom, emitTo)
            int next;
            int emitFrom;
            int emitTo;
            boolean started;
            RunMerger merger;        // when the input spilled: the sorted rows, streamed from disk
            Chunker chunker;
            dev.sluice.memory.SpillFile spilledOutput;   // the rest of the output, written out for another operator
            dev.sluice.memory.SpillFile.Reader outputReader;
            WindowCarry carry;       // the window partition the last chunk cut, continued by the next one

            @Override public synchronized Batch next() {
                while (true) {
                    ctx.checkCancelled();
                    if (outputReader != null) return outputReader.next();
                    if (run != null && next < emitTo) return emit();
                    if (!started) {
                        start();
                        continue;
                    }
                    if (chunker == null) return null;
                    reservation.shrink(reservation.bytes());
                    Chunk chunk = chunker.next(merger, reservation);
                    if (chunk == null) return null;
                    if (chunk.firstPass() != null) carry = chunk.firstPass();
                    load(chunk.run(), chunk.head(), chunk.tail(), chunk.open());
                }
            }

            private Batch emit() {
                int to = Math.min(emitTo, next + batchSize);
                Batch rows = run.viewOf(next, to);
                ColumnVector[] out = Arrays.copyOf(rows.columns(), rows.columnCount() + results.length);
                for (int f = 0; f < results.length; f++) out[rows.columnCount() + f] = results[f].slice(next - emitFrom, to - next);
                Batch batch = new Batch(out, to - next);
                next = to;
                return batch;
            }

            /**
             * Another operator (above this one in the same task, or another task) needs the memory: the output
             * not emitted yet goes to a spill file and is read back from there.
             */
            private synchronized void spillOutput() {
                if (outputReader != null || run == null || next >= emitTo) return;
                spilledOutput = reservation.spills().newFile("window-output", m == null ? dev.sluice.memory.SpillListener.NONE : m);
                while (next < emitTo) spilledOutput.write(emit());
                spilledOutput.finishWriting();
                outputReader = spilledOutput.reader(schema);
                run = null;
                results = null;
                reservation.shrink(reservation.bytes());
            }

            /** Reads and sorts the input: the whole partition in memory, or spilled runs merged as a stream. */
            private void start() {
                started = true;
                try (BatchStream in = input.execute(partition, ctx)) {
                    for (Batch b = in.next(); b != null; b = in.next()) builder.add(b);
                }
                List<SpilledRun> spilled = builder.finishSpilled();
                if (spilled == null) {
                    load(builder.finish(), 0, 0, false);
                    // the whole partition is in memory until emitted: let others have it written out
                    reservation.setSharedSpiller(this::spillOutput);
                    return;
                }
                // every run is on disk (the runs keep no first keys: they are read from their start): the chunks
                // reserve what they hold, the merge its readers
                reservation.shrink(reservation.bytes());
                dev.sluice.memory.SpillListener listener = m == null ? dev.sluice.memory.SpillListener.NONE : m;
                MergeReaders.Sort sort = new MergeReaders.Sort(input.schema(), sortKeys, sortOrdering, pool, listener, "window-merge");
                merger = MergeReaders.open(spilled, null, null, sort, ctx, batchSize, true);
                chunker = new Chunker(listener);
            }

            /**
             * Computes a run: its first {@code head} rows were emitted with the chunk before (context), its last
             * {@code tail} rows are emitted with the next one (read ahead); {@code open}: its last window partition
             * goes on in the next chunk.
             */
            private void load(SortedRun r, int head, int tail, boolean open) {
                run = r;
                next = head;
                emitFrom = head;
                emitTo = r.rows - tail;
                // peer bookkeeping, one result per row and function, an aggregate's sorted inputs and group ids (a
                // chunk's rows were reserved with theirs, Chunker.reserve, so that it never waits holding its rows)
                if (chunker == null) reservation.grow(r.rows * computeBytesPerRow());
                Computed c = compute(r, ctx, carry, head, tail, open);
                results = c.results();
                carry = c.carry();
            }

            @Override public synchronized void close() {
                reservation.setSharedSpiller(null);
                if (merger != null) merger.close();
                if (chunker != null) chunker.close();
                if (outputReader != null) outputReader.close();
                if (spilledOutput != null) spilledOutput.delete();
                builder.deleteSpills();
                reservation.close();
            }
        };
    }

    /** What computing a row holds beside the row: peer bookkeeping, a result per function (and an aggregate's inputs). */
    private long computeBytesPerRow() { return WindowGroup.bytesFor(1) + RESULT_BYTES_PER_VALUE * functions.size() * 2; }

    /** A chunk's results, and where its last window partition stands if the next chunk continues it. */
    private record Computed(FlatVector[] results, WindowCarry carry) {}

    /**
     * Every function's value for the emitted rows of {@code run} (all but the first {@code head} and the last
     * {@code tail}), whose sorted order holds whole window partitions, except that the first may continue one cut
     * before ({@code carryIn}; the head rows are its rows emitted before) and the last may go on ({@code open};
     * the tail rows are its rows read ahead).
     */
    private Computed compute(SortedRun run, TaskContext ctx, WindowCarry carryIn, int head, int tail, boolean open) {
        int n = run.rows;
        Batch all = new Batch(run.columns, n);
        FlatVector[] results = new FlatVector[functions.size()];
        WindowFunctionExec[] evaluators = new WindowFunctionExec[functions.size()];
        SortOrder firstOrder = orderBy.isEmpty() ? null : orderBy.get(0);
        for (int f = 0; f < results.length; f++) {
            WindowExpression w = functions.get(f);
            results[f] = Vectors.allocate(w.dataType(), Math.max(n - head - tail, 1));
            evaluators[f] = WindowFunctionExec.of(w, all, run.order, firstOrder, f);
        }
        ColumnVector[] orderKeys = Arrays.copyOfRange(run.keys, partitionBy.size(), run.keys.length);
        WindowCarry carryOut = null;
        int start = 0;
        while (start < n) {
            ctx.checkCancelled();
            int end = start + 1;
            while (end < n && partitionOrdering.compare(run.keys, run.order[start], run.keys, run.order[end]) == 0) end++;
            boolean last = open && end == n;
            int from = start == 0 ? head : start;
            int to = last ? end - tail : end;
            WindowGroup group = new WindowGroup(start, end, from, to, run.order, orderKeys, peerOrdering);
            // the chunk before may have been cut right where a new window partition starts
            WindowCarry in = start == 0 && carryIn != null
                    && partitionOrdering.compare(carryIn.lastKeys(), 0, run.keys, run.order[0]) == 0 ? carryIn : null;
            boolean peerContinues = in != null && in.rowsBefore() > 0 && from < to && peerOrdering.compare(
                    Arrays.copyOfRange(in.lastKeys(), partitionBy.size(), in.lastKeys().length), 0, orderKeys, run.order[from]) == 0;
            for (int f = 0; f < results.length; f++) evaluators[f].fill(group, results[f], in, peerContinues);
            if (last) carryOut = carryAfter(group, in, peerContinues, run.keys, evaluators);
            start = end;
        }
        return new Computed(results, carryOut);
    }

    /** Where {@code group}'s window partition stands after its last emitted row (the chunk cut it there). */
    private static WindowCarry carryAfter(WindowGroup g, WindowCarry in, boolean peerContinues, ColumnVector[] sortKeys,
                                          WindowFunctionExec[] evaluators) {
        if (g.to == g.from) return in;   // nothing emitted: the partition stands where it stood
        long before = in == null ? 0 : in.rowsBefore();
        int rank = WindowFunctionExec.rankAt(g, g.to - 1, in, peerContinues);
        int dense = in == null ? 0 : in.denseBefore();
        for (int p = g.from; p < g.to; p++) if (WindowFunctionExec.startsPeers(g, p, peerContinues)) dense++;
        ColumnVector[] lastKeys = new ColumnVector[sortKeys.length];
        for (int k = 0; k < lastKeys.length; k++) {
            FlatVector v = Vectors.allocate(sortKeys[k].type(), 1);
            v.appendFrom(sortKeys[k], g.order[g.to - 1]);
            lastKeys[k] = v;
        }
        Object[] states = new Object[evaluators.length];
        for (int f = 0; f < states.length; f++) states[f] = evaluators[f].stateAfter();
        long rows = before + g.to - g.from;
        return in == null ? new WindowCarry(rows, rank, dense, lastKeys, states, -1, null) : in.next(rows, rank, dense, lastKeys, states);
    }

    /** The error for a window partition (or the rows around a cut) that does not fit, naming the functions. */
    private SluiceException partitionTooLarge(SluiceException e) {
        if (e.code() != ErrorCode.MEMORY_EXHAUSTED) return e;
        String reason;
        if (!needs.streamable()) {
            reason = "the window function " + needs.refusal().sql() + " needs its whole window partition in memory ("
                    + needs.reason() + " is not computed as a stream), and a window partition is larger than the budget";
        } else {
            List<String> names = new ArrayList<>();
            for (WindowExpression w : functions) names.add(w.sql());
            reason = "the window functions " + String.join(", ", names) + " need " + needs.behind() + " rows before and "
                    + needs.ahead() + " rows after each row" + (needs.wholePeers() ? ", and each peer group whole," : "")
                    + " in memory, and they do not fit in the budget";
        }
        return SluiceException.of(ErrorCode.MEMORY_EXHAUSTED).with("reason", reason).cause(e).build();
    }

    /**
     * A run to compute and emit: its first {@code head} rows are context (emitted with the chunk before), its last
     * {@code tail} rows are read ahead (emitted with the next chunk); {@code open}: its last window partition goes
     * on in the next chunk; {@code firstPass}: the first pass over the partition that starts this run (or null).
     */
    private record Chunk(SortedRun run, int head, int tail, boolean open, WindowCarry firstPass) {}

    /**
     * Cuts the merged, sorted rows into chunks of whole window partitions of about a batch or more. A window
     * partition that fills the buffer alone is cut when the functions allow it ({@link #needs}): a chunk then
     * emits up to where enough rows follow it ({@code ahead}; never inside a peer group when peers must stay
     * whole), and the next chunk starts with the rows the functions look back at ({@code behind}, one more so that
     * a sliding frame restarts where it would in memory). When a function needs the whole partition, the partition
     * is first written to a spill file (counting it and accumulating whole-partition frames), then cut into chunks
     * read back from that file. Otherwise one window partition larger than memory still has to fit
     * (MEMORY_EXHAUSTED naming the function).
     */
    private final class Chunker implements AutoCloseable {
        private final SpillListener spillListener;
        private final ArrayDeque<Batch> pending = new ArrayDeque<>();   // read past a partition's end in its first pass
        private Batch pushedBack;             // read, but the pool refused to let the buffer hold it: read again first
        private FlatVector[] buffer;
        private int rows;
        private int head;                    // leading rows of the buffer already emitted (context of a cut partition)
        private boolean done;
        private ColumnVector[] streamedKeys;  // sort keys (one row) of the partition last cut into chunks
        private WindowCarry firstPass;        // the first pass of the partition about to be cut, for its first chunk
        private SpillFile partitionFile;      // that partition, read back by the chunks
        private SpillFile.Reader partitionReader;
        private SuffixFrames suffix;          // that partition's suffix frames, from a reverse pass over its file
        private final boolean hasSuffixFrames;

        Chunker(SpillListener spillListener) {
            this.spillListener = spillListener;
            boolean any = false;
            for (WindowExpression w : functions) any |= SuffixFrames.applies(w);
            this.hasSuffixFrames = any;
        }

        private void closeSuffix() {
            if (suffix != null) suffix.close();
            suffix = null;
        }

        Chunk next(RunMerger merger, Reservation reservation) {
            if (rows > 0) reserve(new Batch(buffer, rows), reservation);   // the rows kept from the chunk before
            // refused: the pool would not let the buffer grow now (other tasks hold the memory, or asked this one to
            // spill): a chunk is cut from what is buffered when one can be, rather than waiting while holding it
            boolean refused = false;
            while (true) {
                if (done && rows <= head) return null;   // what is left was emitted already
                if (!done && rows < batchSize && (!refused || rows <= head)) {
                    if (rows <= head) {
                        if (!pull(merger, reservation)) done = true;   // nothing to emit yet: wait for memory if must
                        continue;
                    }
                    Batch b = nextBatch(merger);
                    if (b == null) done = true;
                    else if (tryReserve(b, reservation)) add(b);
                    else {
                        pushedBack = b;
                        refused = true;
                    }
                    continue;
                }
                Batch all = new Batch(buffer, rows);
                ColumnVector[] keys = new ColumnVector[sortKeys.size()];
                for (int k = 0; k < keys.length; k++) keys[k] = sortKeys.get(k).evaluate(all);
                if (done) return take(rows, rows, rows, 0, false);
                // keep the last window partition: it may go on in the next batches
                int cut = rows - 1;
                while (cut > 0 && partitionOrdering.compare(keys, cut - 1, keys, rows - 1) == 0) cut--;
                if (cut > 0) return take(cut, cut, cut, 0, false);
                // one window partition fills the buffer: stream it in chunks, if every function can, once a batch
                // follows the context kept before it and precedes the rows read ahead
                if (!needs.streamable() || rows < head + needs.ahead() + batchSize) {
                    if (!pull(merger, reservation)) done = true;
                    continue;
                }
                boolean continuing = streamedKeys != null && partitionOrdering.compare(streamedKeys, 0, keys, 0) == 0;
                if (!continuing && needs.twoPass()) {
                    firstPass(merger, keys, reservation);   // empties the buffer: it refills from the partition's file
                    refused = false;
                    continue;
                }
                int emitEnd = (int) (rows - needs.ahead());
                if (needs.wholePeers()) {   // end at a peer group's start: the group may go on past the buffer
                    int peer = Math.min(emitEnd, rows - 1);
                    emitEnd = peer;
                    while (emitEnd > 0 && sortOrdering.compare(keys, emitEnd - 1, keys, peer) == 0) emitEnd--;
                }
                ValueFrameCut valueCut = valueFrameCut(keys, emitEnd);
                emitEnd = valueCut.emitEnd();
                if (emitEnd <= head) {   // a peer group (or a RANGE frame) larger than the buffer: read on
                    if (!pull(merger, reservation)) done = true;
                    continue;
                }
                if (!continuing) streamedKeys = rowOf(keys, 0);
                int keep = needs.behind() == 0 ? 0 : (int) Math.min(needs.behind() + 1, emitEnd);
                keep = Math.max(keep, emitEnd - valueCut.contextStart(emitEnd));
                return take(rows, emitEnd - keep, emitEnd, keep, true);
            }
        }

        /** Where RANGE frames with value offsets let a chunk end, and the row their next chunk must keep from. */
        private record ValueFrameCut(int emitEnd, FrameBounds[] bounds, boolean[] running) {
            /** The first buffer row the rows from {@code emitEnd} on still look at (or carry a state up to). */
            int contextStart(int end) {
                int start = end;
                for (int f = 0; f < bounds.length; f++) start = Math.min(start, running[f] ? bounds[f].upper(end - 1) : bounds[f].lower(end));
                return start;
            }
        }

        /**
         * Lowers {@code emitEnd} to the first row whose RANGE frame (value offsets) may end past the buffer: the
         * frame's end is known only once a row past its bound has been read.
         */
        private ValueFrameCut valueFrameCut(ColumnVector[] keys, int emitEnd) {
            List<WindowExpression> frames = needs.valueFrames();
            if (frames.isEmpty()) return new ValueFrameCut(emitEnd, new FrameBounds[0], new boolean[0]);
            int[] order = new int[rows];
            for (int i = 0; i < rows; i++) order[i] = i;
            ColumnVector[] orderKeys = Arrays.copyOfRange(keys, partitionBy.size(), keys.length);
            WindowGroup group = new WindowGroup(0, rows, order, orderKeys, peerOrdering);
            FrameBounds[] bounds = new FrameBounds[frames.size()];
            boolean[] running = new boolean[bounds.length];
            for (int f = 0; f < bounds.length; f++) {
                WindowFrame frame = frames.get(f).effectiveFrame();
                bounds[f] = new FrameBounds(frame, orderBy.get(0));
                bounds[f].reset(group);
                running[f] = frame.lower() == WindowFrame.UNBOUNDED_PRECEDING;
                int lo = head, hi = emitEnd;   // frame ends are monotone in sorted order: the first one at the buffer's end
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (bounds[f].upper(mid) >= rows) hi = mid; else lo = mid + 1;
                }
                emitEnd = lo;
            }
            return new ValueFrameCut(emitEnd, bounds, running);
        }

        /**
         * The buffer's first {@code chunkRows} rows as a chunk emitting up to {@code emitEnd}; the buffer goes on
         * from {@code restFrom}, its first {@code restHead} rows already emitted.
         */
        private Chunk take(int chunkRows, int restFrom, int emitEnd, int restHead, boolean open) {
            FlatVector[] chunk = buffer;
            FlatVector[] rest = allocate();
            for (int c = 0; c < rest.length; c++) for (int r = restFrom; r < rows; r++) rest[c].appendFrom(chunk[c], r);
            Chunk out = new Chunk(runOf(chunk, chunkRows), head, chunkRows - emitEnd, open, firstPass);
            firstPass = null;
            buffer = rest;
            rows -= restFrom;
            head = restHead;
            return out;
        }

        private SortedRun runOf(FlatVector[] chunk, int n) {
            ColumnVector[] columns = new ColumnVector[chunk.length];
            for (int c = 0; c < columns.length; c++) columns[c] = chunk[c].slice(0, n);
            Batch b = new Batch(columns, n);
            ColumnVector[] keys = new ColumnVector[sortKeys.size()];
            for (int k = 0; k < keys.length; k++) keys[k] = sortKeys.get(k).evaluate(b);
            int[] order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i;
            return new SortedRun(columns, keys, order, n);
        }

        /**
         * The first pass over the window partition that fills the buffer (none of it emitted yet): writes it to a
         * spill file while counting it and accumulating every whole-partition frame; the rows read past its end
         * wait in {@link #pending}. The buffer then refills from the file.
         */
        private void firstPass(RunMerger merger, ColumnVector[] keys, Reservation reservation) {
            ColumnVector[] first = rowOf(keys, 0);
            partitionFile = reservation.spills().newFile("window-partition", spillListener);
            Object[] whole = new Object[functions.size()];
            long count = accumulate(new Batch(buffer, rows), whole);
            partitionFile.write(new Batch(buffer, rows));
            buffer = null;
            rows = 0;
            reservation.shrink(reservation.bytes());
            for (Batch b = nextBatch(merger); b != null; b = nextBatch(merger)) {
                ColumnVector[] bKeys = new ColumnVector[partitionBy.size()];
                for (int k = 0; k < bKeys.length; k++) bKeys[k] = sortKeys.get(k).evaluate(b);
                int n = b.rowCount(), split = 0;
                while (split < n && partitionOrdering.compare(first, 0, bKeys, split) == 0) split++;
                if (split > 0) {
                    Batch part = split == n ? b : b.slice(0, split);
                    count += accumulate(part, whole);
                    partitionFile.write(part);
                }
                if (split < n) {
                    pending.addFirst(b.slice(split, n - split));
                    break;
                }
            }
            partitionFile.finishWriting();
            closeSuffix();
            if (hasSuffixFrames) {   // frames to the partition's end: a reverse pass over the file
                suffix = SuffixFrames.compute(partitionFile, input.schema(), count, functions, orderBy, peerOrdering,
                        reservation.spills(), spillListener);
                for (int f = 0; f < whole.length; f++) if (SuffixFrames.applies(functions.get(f))) whole[f] = suffix;
            }
            partitionReader = partitionFile.reader(input.schema());
            firstPass = WindowCarry.firstPass(first, functions.size(), count, whole);
            streamedKeys = first;
        }

        /** Adds a batch of the partition to the whole-partition frames' states; its row count. */
        private long accumulate(Batch b, Object[] whole) {
            int n = b.rowCount();
            int[] order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i;
            for (int f = 0; f < whole.length; f++) {
                WindowExpression w = functions.get(f);
                WindowFrame frame = w.effectiveFrame();
                if (w.function().isRanking() || w.function() == WindowExpression.Function.LAG || w.function() == WindowExpression.Function.LEAD
                        || frame.lower() != WindowFrame.UNBOUNDED_PRECEDING || frame.upper() != WindowFrame.UNBOUNDED_FOLLOWING) continue;
                FrameAccumulator acc = FrameAccumulator.of(w, b, order);
                if (whole[f] != null) acc.continueFrom(whole[f]);
                acc.add(0, n);
                whole[f] = acc.state();
            }
            return n;
        }

        /**
         * The next sorted rows: a batch the pool refused (read again first), a partition's spill file being read
         * again, rows read past it, then the merge.
         */
        private Batch nextBatch(RunMerger merger) {
            if (pushedBack != null) {
                Batch b = pushedBack;
                pushedBack = null;
                return b;
            }
            if (partitionReader != null) {
                Batch b = partitionReader.next();
                if (b != null) return b;
                closePartitionFile();
            }
            if (!pending.isEmpty()) return pending.poll();
            return merger.next();
        }

        private boolean pull(RunMerger merger, Reservation reservation) {
            Batch b = nextBatch(merger);
            if (b == null) return false;
            append(b, reservation);
            return true;
        }

        private void append(Batch b, Reservation reservation) {
            reserve(b, reservation);
            add(b);
        }

        /** Appends rows already reserved. */
        private void add(Batch b) {
            if (buffer == null) buffer = allocate();
            for (int c = 0; c < buffer.length; c++) for (int r = 0; r < b.rowCount(); r++) buffer[c].appendFrom(b.column(c), r);
            rows += b.rowCount();
        }

        /**
         * Reserves rows to buffer and what computing them holds ({@link #computeBytesPerRow}), waiting for memory if
         * it must: in one request, so that a chunk never waits while holding rows it reserved before.
         */
        private void reserve(Batch b, Reservation reservation) {
            try {
                reservation.grow(bytesOf(b));
            } catch (SluiceException e) {
                throw partitionTooLarge(e);
            }
        }

        /** As {@link #reserve}, but only if the pool grants it without this task waiting (false: it did not). */
        private boolean tryReserve(Batch b, Reservation reservation) { return reservation.tryGrow(bytesOf(b)); }

        private long bytesOf(Batch b) { return dev.sluice.vector.BatchSizes.estimate(b) + b.rowCount() * computeBytesPerRow(); }

        private FlatVector[] allocate() {
            FlatVector[] out = new FlatVector[input.schema().size()];
            for (int c = 0; c < out.length; c++) out[c] = Vectors.allocate(input.schema().field(c).dataType(), batchSize);
            return out;
        }

        private ColumnVector[] rowOf(ColumnVector[] keys, int row) {
            ColumnVector[] out = new ColumnVector[keys.length];
            for (int k = 0; k < keys.length; k++) {
                FlatVector v = Vectors.allocate(keys[k].type(), 1);
                v.appendFrom(keys[k], row);
                out[k] = v;
            }
            return out;
        }

        private void closePartitionFile() {
            if (partitionReader != null) partitionReader.close();
            partitionReader = null;
            if (partitionFile != null) partitionFile.delete();
            partitionFile = null;
        }

        @Override public void close() {
            closePartitionFile();
            closeSuffix();
        }
    }

    @Override public String describe() {
        List<String> parts = new ArrayList<>();
        for (WindowExpression w : functions) parts.add(Explain.expression(w));
        return "WindowExec: " + String.join(", ", parts);
    }
}
