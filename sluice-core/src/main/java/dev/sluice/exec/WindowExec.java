package dev.sluice.exec;

import dev.sluice.expr.Expression;
import dev.sluice.expr.SortOrder;
import dev.sluice.expr.WindowExpression;
import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.Reservation;
import dev.sluice.plan.Explain;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Window functions over input that is already partitioned by the partition keys (an exchange below): each
 * partition buffers its rows (memory reserved), sorts them stably by partition keys then order keys, walks the
 * window partitions (runs of equal partition keys) computing every function, and emits the rows in that order
 * with one column per function appended. When the rows do not fit, the sort spills runs and the merged rows
 * are processed from disk in chunks of whole window partitions. One window partition must then fit, unless
 * every function only looks back from its row (row_number, rank, dense_rank): then a partition larger than a
 * chunk is cut into chunks too, each continuing the counts where the one before stopped ({@link WindowCarry}).
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
    private final boolean streamable;   // window partitions may be cut into chunks (every function looks back only)
    private final boolean wholePeers;   // ... but not inside a peer group (a running aggregate over RANGE)
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
        boolean all = true, peers = false;
        for (WindowExpression w : this.functions) {
            all &= WindowFunctionExec.streamable(w);
            peers |= WindowFunctionExec.needsWholePeers(w);
        }
        this.streamable = all;
        this.wholePeers = peers;
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
            FlatVector[] results;
            int next;
            boolean started;
            RunMerger merger;        // when the input spilled: the sorted rows, streamed from disk
            Chunker chunker;
            dev.sluice.memory.SpillFile spilledOutput;   // the rest of the output, written out for another operator
            dev.sluice.memory.SpillFile.Reader outputReader;
            WindowCarry carry;       // the window partition the last chunk cut, continued by the next one
            final List<dev.sluice.memory.SpillFile> mergedRuns = new ArrayList<>();   // written by merge passes

            @Override public synchronized Batch next() {
                while (true) {
                    ctx.checkCancelled();
                    if (outputReader != null) return outputReader.next();
                    if (run != null && next < run.rows) return emit();
                    if (!started) {
                        start();
                        continue;
                    }
                    if (chunker == null) return null;
                    reservation.shrink(reservation.bytes());
                    SortedRun chunk = chunker.next(merger, reservation);
                    if (chunk == null) return null;
                    load(chunk, chunker.lastChunkOpen);
                }
            }

            private Batch emit() {
                int to = Math.min(run.rows, next + batchSize);
                Batch rows = run.viewOf(next, to);
                ColumnVector[] out = Arrays.copyOf(rows.columns(), rows.columnCount() + results.length);
                for (int f = 0; f < results.length; f++) out[rows.columnCount() + f] = results[f].slice(next, to - next);
                Batch batch = new Batch(out, to - next);
                next = to;
                return batch;
            }

            /**
             * Another operator (above this one in the same task, or another task) needs the memory: the output
             * not emitted yet goes to a spill file and is read back from there.
             */
            private synchronized void spillOutput() {
                if (outputReader != null || run == null || next >= run.rows) return;
                spilledOutput = reservation.spills().newFile("window-output", m == null ? dev.sluice.memory.SpillListener.NONE : m);
                while (next < run.rows) spilledOutput.write(emit());
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
                SortedRun last = builder.finish();
                if (builder.spilledRuns().isEmpty()) {
                    load(last, false);
                    // the whole partition is in memory until emitted: let others have it written out
                    reservation.setSharedSpiller(this::spillOutput);
                    return;
                }
                List<RunCursor> cursors = new ArrayList<>();
                for (SpilledRun s : mergePasses(builder.spilledRuns())) {
                    cursors.add(RunCursor.spilled(s, input.schema(), sortKeys, sortOrdering, null, null));
                }
                cursors.add(RunCursor.of(last, 0, last.rows));
                merger = new RunMerger(input.schema(), sortOrdering, batchSize, -1, cursors);
                chunker = new Chunker();
            }

            /** {@code open}: the run's last window partition goes on in the next chunk. */
            /**
             * Merges consecutive groups of runs (ties keep their order) until at most {@link SortExec#MAX_FAN_IN} are
             * left: each open run holds a decoded block and a read buffer, so a merge of every run at once would not
             * be bounded by the budget.
             */
            private List<SpilledRun> mergePasses(List<SpilledRun> runs) {
                List<SpilledRun> current = runs;
                while (current.size() > SortExec.MAX_FAN_IN) {
                    List<SpilledRun> next = new ArrayList<>();
                    for (int from = 0; from < current.size(); from += SortExec.MAX_FAN_IN) {
                        List<SpilledRun> group = current.subList(from, Math.min(current.size(), from + SortExec.MAX_FAN_IN));
                        if (group.size() == 1) {
                            next.add(group.get(0));
                            continue;
                        }
                        List<RunCursor> in = new ArrayList<>();
                        for (SpilledRun r : group) in.add(RunCursor.spilled(r, input.schema(), sortKeys, sortOrdering, null, null));
                        var file = reservation.spills().newFile("window-merge", m == null ? dev.sluice.memory.SpillListener.NONE : m);
                        mergedRuns.add(file);
                        try (RunMerger merger = new RunMerger(input.schema(), sortOrdering, SpilledRun.BLOCK_ROWS, -1, in)) {
                            next.add(SpilledRun.writeMerged(file, merger, sortKeys));
                        }
                        for (SpilledRun r : group) r.file.delete();
                    }
                    current = next;
                }
                return current;
            }

            private void load(SortedRun r, boolean open) {
                run = r;
                next = 0;
                // peer bookkeeping, one result per row and function, an aggregate's sorted inputs and group ids
                reservation.grow(WindowGroup.bytesFor(r.rows) + RESULT_BYTES_PER_VALUE * r.rows * functions.size() * 2);
                Computed c = compute(r, ctx, carry, open);
                results = c.results();
                carry = c.carry();
            }

            @Override public synchronized void close() {
                reservation.setSharedSpiller(null);
                if (merger != null) merger.close();
                if (outputReader != null) outputReader.close();
                if (spilledOutput != null) spilledOutput.delete();
                builder.deleteSpills();
                for (var f : mergedRuns) f.delete();
                reservation.close();
            }
        };
    }

    /** A chunk's results, and where its last window partition stands if the next chunk continues it. */
    private record Computed(FlatVector[] results, WindowCarry carry) {}

    /**
     * Every function's value for every row of {@code run}, whose sorted order holds whole window partitions,
     * except that the first may continue one cut before ({@code carryIn}) and the last may go on ({@code open}).
     */
    private Computed compute(SortedRun run, TaskContext ctx, WindowCarry carryIn, boolean open) {
        int n = run.rows;
        Batch all = new Batch(run.columns, n);
        FlatVector[] results = new FlatVector[functions.size()];
        WindowFunctionExec[] evaluators = new WindowFunctionExec[functions.size()];
        SortOrder firstOrder = orderBy.isEmpty() ? null : orderBy.get(0);
        for (int f = 0; f < results.length; f++) {
            WindowExpression w = functions.get(f);
            results[f] = Vectors.allocate(w.dataType(), Math.max(n, 1));
            evaluators[f] = WindowFunctionExec.of(w, all, run.order, firstOrder, f);
        }
        ColumnVector[] orderKeys = Arrays.copyOfRange(run.keys, partitionBy.size(), run.keys.length);
        WindowCarry carryOut = null;
        int start = 0;
        while (start < n) {
            ctx.checkCancelled();
            int end = start + 1;
            while (end < n && partitionOrdering.compare(run.keys, run.order[start], run.keys, run.order[end]) == 0) end++;
            WindowGroup group = new WindowGroup(start, end, run.order, orderKeys, peerOrdering);
            // the chunk before may have been cut right where a new window partition starts
            WindowCarry in = start == 0 && carryIn != null
                    && partitionOrdering.compare(carryIn.lastKeys(), 0, run.keys, run.order[0]) == 0 ? carryIn : null;
            boolean peerContinues = in != null && peerOrdering.compare(
                    Arrays.copyOfRange(in.lastKeys(), partitionBy.size(), in.lastKeys().length), 0, orderKeys, run.order[start]) == 0;
            for (int f = 0; f < results.length; f++) evaluators[f].fill(group, results[f], in, peerContinues);
            if (open && end == n) carryOut = carryAfter(group, in, peerContinues, run.keys, evaluators);
            start = end;
        }
        return new Computed(results, carryOut);
    }

    /** Where {@code group}'s window partition stands after its last row (the chunk cut it there). */
    private static WindowCarry carryAfter(WindowGroup g, WindowCarry in, boolean peerContinues, ColumnVector[] sortKeys,
                                          WindowFunctionExec[] evaluators) {
        long before = in == null ? 0 : in.rowsBefore();
        int lastPeerStart = g.peerStart(g.end - 1);
        int rank = peerContinues && lastPeerStart == g.start ? in.rankBefore() : (int) (before + lastPeerStart - g.start + 1);
        int dense = in == null ? 0 : in.denseBefore();
        for (int p = g.start; p < g.end; p++) if (g.peerStart(p) == p && !(peerContinues && p == g.start)) dense++;
        ColumnVector[] last = new ColumnVector[sortKeys.length];
        for (int k = 0; k < last.length; k++) {
            FlatVector v = Vectors.allocate(sortKeys[k].type(), 1);
            v.appendFrom(sortKeys[k], g.order[g.end - 1]);
            last[k] = v;
        }
        Object[] states = new Object[evaluators.length];
        for (int f = 0; f < states.length; f++) states[f] = evaluators[f].stateAfter();
        return new WindowCarry(before + g.size(), rank, dense, last, states);
    }

    /**
     * Cuts the merged, sorted rows into chunks of whole window partitions of about a batch or more. A window
     * partition is split only when the functions allow it ({@link #streamable}): then a chunk ends where the
     * buffer ends once it holds a batch of one partition ({@link #lastChunkOpen}); otherwise one window partition
     * larger than memory still has to fit (MEMORY_EXHAUSTED).
     */
    private final class Chunker {
        private FlatVector[] buffer;
        private int rows;
        private boolean done;
        boolean lastChunkOpen;   // the chunk returned last ends inside a window partition

        SortedRun next(RunMerger merger, Reservation reservation) {
            while (true) {
                if (done && rows == 0) return null;
                if (!done && rows < batchSize) {
                    Batch b = merger.next();
                    if (b == null) {
                        done = true;
                    } else {
                        append(b, reservation);
                        continue;
                    }
                }
                Batch all = new Batch(buffer, rows);
                ColumnVector[] keys = new ColumnVector[sortKeys.size()];
                for (int k = 0; k < keys.length; k++) keys[k] = sortKeys.get(k).evaluate(all);
                int cut = rows;
                boolean streamCut = false;
                if (!done) {   // keep the last window partition: it may go on in the next batches
                    cut = rows - 1;
                    while (cut > 0 && partitionOrdering.compare(keys, cut - 1, keys, rows - 1) == 0) cut--;
                    if (cut == 0 && streamable && rows >= batchSize) {
                        cut = rows;   // one window partition fills the buffer: stream it in chunks
                        if (wholePeers) {   // keep the last peer group whole: it may go on in the next batches
                            cut = rows - 1;
                            while (cut > 0 && sortOrdering.compare(keys, cut - 1, keys, rows - 1) == 0) cut--;
                        }
                        streamCut = cut > 0;
                    }
                    if (cut == 0) {
                        Batch b = merger.next();
                        if (b == null) done = true;
                        else append(b, reservation);
                        continue;
                    }
                }
                lastChunkOpen = streamCut;
                FlatVector[] chunk = buffer;
                int chunkRows = cut;
                FlatVector[] rest = allocate();
                for (int c = 0; c < rest.length; c++) for (int r = cut; r < rows; r++) rest[c].appendFrom(chunk[c], r);
                buffer = rest;
                rows -= cut;
                ColumnVector[] columns = new ColumnVector[chunk.length];
                ColumnVector[] chunkKeys = new ColumnVector[keys.length];
                for (int c = 0; c < columns.length; c++) columns[c] = chunk[c].slice(0, chunkRows);
                for (int k = 0; k < keys.length; k++) chunkKeys[k] = keys[k].slice(0, chunkRows);
                int[] order = new int[chunkRows];
                for (int i = 0; i < chunkRows; i++) order[i] = i;
                return new SortedRun(columns, chunkKeys, order, chunkRows);
            }
        }

        private void append(Batch b, Reservation reservation) {
            if (buffer == null) buffer = allocate();
            reservation.grow(dev.sluice.vector.BatchSizes.estimate(b));
            for (int c = 0; c < buffer.length; c++) for (int r = 0; r < b.rowCount(); r++) buffer[c].appendFrom(b.column(c), r);
            rows += b.rowCount();
        }

        private FlatVector[] allocate() {
            FlatVector[] out = new FlatVector[input.schema().size()];
            for (int c = 0; c < out.length; c++) out[c] = Vectors.allocate(input.schema().field(c).dataType(), batchSize);
            return out;
        }
    }

    @Override public String describe() {
        List<String> parts = new ArrayList<>();
        for (WindowExpression w : functions) parts.add(Explain.expression(w));
        return "WindowExec: " + String.join(", ", parts);
    }
}
