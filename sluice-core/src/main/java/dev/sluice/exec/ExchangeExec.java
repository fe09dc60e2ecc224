package dev.sluice.exec;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.ValueHasher;
import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.Reservation;
import dev.sluice.memory.SpillFile;
import dev.sluice.memory.SpillListener;
import dev.sluice.plan.Explain;
import dev.sluice.types.DataType;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.BatchSizes;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatRows;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * Redistributes rows between stages: the input stage runs first (all its partitions), each task cutting its
 * rows into one bucket per output partition; output partition i then reads bucket i of every input
 * partition, in input partition order, so the result never depends on the number of workers. Buffered
 * batches are reserved from the memory pool, one spillable reservation per input task: when the pool refuses,
 * the task writes its buckets to one spill file per output partition; any task short of memory may also have
 * them written out later, even while they are being read (what is left of a bucket goes to a second file that
 * its reader reads after the batches it already took). An output partition reads its spilled blocks, then its
 * buffered batches, releasing each batch's memory as it hands it on, then what was spilled while it read;
 * once read to the end, its buckets and files are released.
 *
 * <p>An exchange may have several readers ({@link ReusedExchangeExec}: a self-join's two sides read one exchange of
 * their common input). Then each reader walks the buffered batches without taking them, and an output partition's
 * buckets, memory and files are released when its last reader has read it to the end; a spill while it is read
 * writes every buffered batch of the partition to the tail file, and a reader that had read some of them skips
 * those rows there.
 */
public final class ExchangeExec implements StageBoundary {
    private final ExecNode input;
    private final Partitioning partitioning;
    private final MemoryPool pool;
    private final int batchSize;
    private TaskBuckets[] tasks;   // by input partition
    private boolean[] reading;     // output partitions whose reader took its snapshot: no more spilling of them
    private boolean writingThrough;  // some task's buckets were spilled: batches cut after that go straight to disk
    private int readers = 1;       // how many consumers read every output partition (more when reused)
    private int[] readsDone;       // per output partition: readers that read it to the end
    private volatile OperatorMetrics metrics;

    public ExchangeExec(ExecNode input, Partitioning partitioning, MemoryPool pool, int batchSize) {
        this.input = input;
        this.partitioning = partitioning;
        this.pool = pool;
        this.batchSize = batchSize;
    }

    public ExecNode input() { return input; }

    public Partitioning partitioning() { return partitioning; }

    /** One more consumer reads every output partition (a {@link ReusedExchangeExec}); called while planning. */
    synchronized void addReader() {
        if (tasks != null) throw new IllegalStateException("a reader added after the exchange ran");
        readers++;
    }

    synchronized int readers() { return readers; }

    @Override public StructType schema() { return input.schema(); }

    @Override public int partitionCount() { return partitioning.partitionCount(); }

    @Override public List<ExecNode> children() { return List.of(input); }

    @Override public void attachMetrics(OperatorMetrics metrics) { this.metrics = metrics; }

    @Override public void materialize(StageRunner runner) {
        int inputs = input.partitionCount();
        int outputs = partitioning.partitionCount();
        synchronized (this) {
            tasks = new TaskBuckets[inputs];
            reading = new boolean[outputs];
            readsDone = new int[outputs];
            writingThrough = false;
        }
        OperatorMetrics m = metrics;
        SpillListener listener = m == null ? SpillListener.NONE : m;
        runner.runStage(input, "exchange " + describePartitioning(), (partition, stream, ctx) -> {
            TaskBuckets mine = new TaskBuckets(outputs, pool.newSpillableReservation("exchange", ctx::isCancelled), listener);
            synchronized (this) {
                tasks[partition] = mine;
            }
            Splitter splitter = new Splitter(outputs, mine, partition);
            Thread owner = Thread.currentThread();
            // the buckets are always safe to write out, so any task short of memory may do it; the batches under
            // construction only on the task's own thread between two input batches (its upstream operator, a
            // window or a sort, needs the memory), else at the task's next batch
            mine.reservation.setSharedSpiller(() -> {
                synchronized (this) {
                    if (tasks != null) mine.spillAll();
                }
                if (Thread.currentThread() == owner && !splitter.splitting) splitter.spillBuilding();
                else splitter.spillRequested = true;
            });
            for (Batch b = stream.next(); b != null; b = stream.next()) splitter.add(b);
            splitter.finish();
            mine.finishWriting();
            mine.reservation.detachFromTask();   // the buckets wait for their readers
        });
    }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        List<TaskBuckets> inputs = new ArrayList<>();
        List<SpillFile> files = new ArrayList<>();
        boolean shared;
        synchronized (this) {
            if (tasks == null) throw SluiceException.internal("an exchange read before it ran or after its release");
            shared = readers > 1;
            reading[partition] = true;   // from now on a spill of this partition's buckets goes to their tail files
            for (TaskBuckets t : tasks) {
                if (t == null) continue;
                inputs.add(t);
                files.add(t.files[partition]);
            }
        }
        return new BatchStream() {
            int task;
            int phase;   // per input task: 0 its spill file, 1 its buffered batches, 2 what was spilled while reading
            SpillFile.Reader reader;
            java.util.Iterator<Batch> buffered;   // shared: this reader's walk of the task's buffered batches
            long skip;                             // shared: rows of the tail file this reader already had from memory
            boolean ended;

            @Override public Batch next() {
                while (true) {
                    ctx.checkCancelled();
                    if (task >= inputs.size()) {
                        if (!ended) releaseOutput(partition);   // once per reader, however often it asks again
                        ended = true;
                        return null;
                    }
                    if (reader != null) {
                        Batch b = reader.next();
                        if (b != null && skip > 0) b = skipRows(b);
                        if (b != null) return b;
                        reader.close();
                        reader = null;
                        phase++;
                        continue;
                    }
                    TaskBuckets t = inputs.get(task);
                    if (phase == 0) {
                        SpillFile f = files.get(task);
                        if (f != null) reader = f.reader(schema());
                        else phase++;
                    } else if (phase == 1) {
                        Batch b = shared ? nextShared(t) : t.take(partition);
                        if (b != null) return b;
                        phase++;
                    } else if (phase == 2) {
                        SpillFile tail = t.tail(partition);
                        if (tail != null) reader = tail.reader(schema());
                        else phase++;
                    } else {
                        task++;
                        phase = 0;
                        buffered = null;
                        skip = 0;
                    }
                }
            }

            /** The next buffered batch, left in its bucket for the other readers; null once none is left or spilled. */
            private Batch nextShared(TaskBuckets t) {
                synchronized (ExchangeExec.this) {
                    if (t.tails[partition] != null || t.buckets[partition] == null) return null;   // spilled: the tail has them all
                    if (buffered == null) buffered = t.buckets[partition].iterator();
                    if (!buffered.hasNext()) return null;
                    Batch b = buffered.next();
                    skip += b.rowCount();
                    return b;
                }
            }

            /** {@code b} without the rows this reader already had from memory (a shared tail holds all of them). */
            private Batch skipRows(Batch b) {
                while (b != null && skip >= b.rowCount()) {
                    skip -= b.rowCount();
                    b = reader.next();
                }
                if (b == null || skip == 0) return b;
                Batch rest = b.slice((int) skip, b.rowCount() - (int) skip);
                skip = 0;
                return rest;
            }

            @Override public void close() {
                if (reader != null) reader.close();
                reader = null;
            }
        };
    }

    /**
     * The rows output partition {@code p} receives from every input task (known once the input stage has run, -1
     * before): what reads it can size its spill partitions for what is coming instead of guessing.
     */
    public synchronized long rows(int p) {
        if (tasks == null) return -1;
        long rows = 0;
        for (TaskBuckets t : tasks) if (t != null) rows += t.rows[p];
        return rows;
    }

    /** A reader read output partition {@code p} to the end: after its last reader, its buckets, files and memory go. */
    private synchronized void releaseOutput(int p) {
        if (tasks == null) return;
        if (++readsDone[p] < readers) return;
        for (TaskBuckets t : tasks) if (t != null) t.release(p);
    }

    @Override public synchronized void release() {
        if (tasks == null) return;
        for (TaskBuckets t : tasks) if (t != null) t.releaseAll();
        tasks = null;
    }

    @Override public String describe() {
        int n = readers();
        return "ExchangeExec: " + describePartitioning() + (n > 1 ? ", read by " + n : "");
    }

    String describePartitioning() {
        if (partitioning instanceof Partitioning.Hash h) return "hash(" + Explain.expressions(h.keys()) + ", " + h.partitionCount() + ")";
        if (partitioning instanceof Partitioning.RoundRobin r) return "roundrobin(" + r.partitionCount() + ")";
        if (partitioning instanceof Partitioning.Direct d) return "shufflepartitionidpassthrough(" + d.id().sql() + ", " + d.partitionCount() + ")";
        if (partitioning instanceof Partitioning.SparkHash h) return "hashpartitioning(" + Explain.expressions(h.keys()) + ", " + h.partitionCount() + ")";
        return "single";
    }

    /**
     * One input task's output: per output partition, the blocks of its spill file, then its buffered batches,
     * then (when spilled while being read) the blocks of its tail file.
     */
    private final class TaskBuckets {
        final java.util.ArrayDeque<Batch>[] buckets;
        final java.util.ArrayDeque<Long>[] sizes;
        final long[] bytes;
        final long[] rows;   // every row cut for each output partition, buffered or spilled
        final SpillFile[] files;
        final SpillFile[] tails;
        final Reservation reservation;
        final SpillListener listener;

        @SuppressWarnings("unchecked")
        TaskBuckets(int outputs, Reservation reservation, SpillListener listener) {
            this.buckets = new java.util.ArrayDeque[outputs];
            this.sizes = new java.util.ArrayDeque[outputs];
            this.bytes = new long[outputs];
            this.rows = new long[outputs];
            this.files = new SpillFile[outputs];
            this.tails = new SpillFile[outputs];
            this.reservation = reservation;
            this.listener = listener;
            for (int i = 0; i < outputs; i++) {
                buckets[i] = new java.util.ArrayDeque<>();
                sizes[i] = new java.util.ArrayDeque<>();
            }
        }

        /**
         * Buffers a batch for {@code target}, or spills everything (this batch included) when refused. Once some
         * task's buckets were spilled, every task's later batches are written at once: buffered again, they would
         * outlive young collections and be spilled anyway, each round leaving up to a budget's worth of garbage in
         * the old generation (at a small heap, a full collection per round).
         */
        void deliver(int target, Batch b) {
            synchronized (ExchangeExec.this) {
                if (writingThrough && !reading[target]) {
                    // another task's spill set the flag while this task still buffers earlier batches for target:
                    // they go to the file first, so the partition's reader keeps this task's batch order
                    SpillFile f = file(target);
                    long freed = bytes[target];
                    for (Batch earlier : buckets[target]) f.write(earlier);
                    buckets[target].clear();
                    sizes[target].clear();
                    bytes[target] = 0;
                    f.write(b);
                    f.finishWriting();
                    if (freed > 0) reservation.shrink(freed);
                    return;
                }
            }
            long size = BatchSizes.estimate(b);
            if (reservation.tryGrowNow(size)) {
                synchronized (ExchangeExec.this) {
                    buckets[target].add(b);
                    sizes[target].add(size);
                    bytes[target] += size;
                }
                return;
            }
            synchronized (ExchangeExec.this) {
                spillAll();
                SpillFile f = file(target);
                f.write(b);
                f.finishWriting();   // no write buffer stays open per output partition, outside the budget
            }
        }

        /** Output partition {@code target}'s spill file (caller holds the exchange's lock); the exchange writes through from now on. */
        private SpillFile file(int target) {
            writingThrough = true;
            if (files[target] == null) files[target] = reservation.spills().newFile("exchange", listener).storeUncompressed();
            return files[target];
        }

        /**
         * Writes every buffered bucket to its file (caller holds the exchange's lock): the spill file while no
         * reader has started, else a tail file the reader reads after the batches it took.
         */
        void spillAll() {
            long freed = 0;
            for (int t = 0; t < buckets.length; t++) {
                if (buckets[t] == null || buckets[t].isEmpty()) continue;
                SpillFile out;
                if (!reading[t]) {
                    out = file(t);
                } else {
                    if (tails[t] != null) continue;   // cannot happen: the buckets are complete once read
                    out = tails[t] = reservation.spills().newFile("exchange", listener).storeUncompressed();
                }
                for (Batch b : buckets[t]) out.write(b);
                buckets[t].clear();
                sizes[t].clear();
                freed += bytes[t];
                bytes[t] = 0;
                out.finishWriting();
            }
            reservation.shrink(freed);
        }

        /** The next buffered batch of output partition {@code p}, its memory released; null when none is left. */
        Batch take(int p) {
            synchronized (ExchangeExec.this) {
                if (buckets[p] == null || buckets[p].isEmpty()) return null;
                long size = sizes[p].poll();
                bytes[p] -= size;
                reservation.shrink(size);
                return buckets[p].poll();
            }
        }

        /** What was spilled of output partition {@code p}'s buckets while it was being read, or null. */
        SpillFile tail(int p) {
            synchronized (ExchangeExec.this) {
                return tails[p];
            }
        }

        void finishWriting() {
            synchronized (ExchangeExec.this) {
                for (SpillFile f : files) if (f != null) f.finishWriting();
            }
        }

        void release(int p) {
            buckets[p] = null;
            sizes[p] = null;
            reservation.shrink(bytes[p]);
            bytes[p] = 0;
            if (files[p] != null) files[p].delete();
            files[p] = null;
            if (tails[p] != null) tails[p].delete();
            tails[p] = null;
        }

        void releaseAll() {
            for (int p = 0; p < buckets.length; p++) release(p);
            reservation.close();
        }
    }

    /**
     * One input task's rows cut into per-output buckets of compact batches. The batches under construction (one
     * per output partition, so their memory grows with the partition count) are charged to the task's reservation:
     * rows held times the input's average row size, twice for the vectors' spare capacity, reserved before a batch
     * is split and settled as targets fill. The charge never waits and never fails ({@link Reservation#tryGrowNow}),
     * so a task holding batches under construction is never among the waiters (the mutual wait that made a 7-task
     * intersect in 1 MiB fail): refused, the task writes its buckets and batches under construction to its spill
     * files (cut short: smaller blocks, same row order) and asks again for the new batch alone; refused again, that
     * batch is split and every piece handed on at once (to its bucket or, refused, its file), so what is held
     * outside the budget is at most the batch in flight, as in any streaming operator.
     */
    private final class Splitter {
        private final int outputs;
        private final TaskBuckets out;
        private final FlatVector[][] building;
        private final int[] rows;
        private long buildingRows;      // rows held in {@code building}, all targets together
        private long toCome;            // rows of the batch being split not appended yet (reserved ahead)
        private long inputRows;
        private long inputBytes;
        private long buildingReserved;  // what the reservation holds for {@code building}
        boolean splitting;              // inside add(): the batches under construction are changing
        volatile boolean spillRequested;

        private int nextRoundRobin;   // round-robin: the next row's partition
        // per-batch scratch, kept: new arrays for each input batch were a few young collections more per job
        private int[] targets = new int[0];
        private int[] order = new int[0];
        private long[] hashes = new long[0];

        Splitter(int outputs, TaskBuckets out, int inputPartition) {
            this.outputs = outputs;
            this.nextRoundRobin = inputPartition % outputs;
            this.out = out;
            this.building = new FlatVector[outputs][];
            this.rows = new int[outputs];
        }

        void add(Batch batch) {
            if (outputs == 1) {
                out.rows[0] += batch.rowCount();
                out.deliver(0, compact(batch));
                return;
            }
            splitting = true;
            try {
                if (spillRequested) spillBuilding();
                boolean reserved = reserveBuilding(batch);
                toCome = batch.rowCount();
                split(batch);
                toCome = 0;
                if (!reserved) for (int t = 0; t < outputs; t++) flush(t);
                settleBuilding();
            } finally {
                splitting = false;
            }
        }

        private void split(Batch batch) {
            int n = batch.rowCount();
            if (n == 0) return;
            int[] targets = targets(batch);
            // the rows grouped by target, each group in row order (a counting sort), then gathered a target at a
            // time: a copy loop per column instead of a call per row and column
            int[] starts = new int[outputs + 1];
            for (int r = 0; r < n; r++) starts[targets[r] + 1]++;
            for (int t = 0; t < outputs; t++) starts[t + 1] += starts[t];
            if (order.length < n) order = new int[n];
            int[] order = this.order;
            int[] fill = java.util.Arrays.copyOf(starts, outputs);
            for (int r = 0; r < n; r++) order[fill[targets[r]]++] = r;
            for (int t = 0; t < outputs; t++) {
                for (int from = starts[t], to = starts[t + 1]; from < to; ) {
                    int m = Math.min(to - from, batchSize - rows[t]);
                    append(t, batch, order, from, from + m);
                    from += m;
                }
            }
        }

        /** The output partition of each row of {@code batch}. */
        private int[] targets(Batch batch) {
            int n = batch.rowCount();
            if (targets.length < n) targets = new int[n];
            int[] targets = this.targets;
            if (partitioning instanceof Partitioning.RoundRobin) {
                for (int r = 0; r < n; r++) {
                    targets[r] = nextRoundRobin;
                    nextRoundRobin = nextRoundRobin + 1 == outputs ? 0 : nextRoundRobin + 1;
                }
                return targets;
            }
            if (partitioning instanceof Partitioning.SparkHash h) {
                ColumnVector hashes = h.hash().evaluate(batch);
                for (int r = 0; r < n; r++) targets[r] = Math.floorMod(hashes.getInt(r), outputs);
                return targets;
            }
            if (partitioning instanceof Partitioning.Direct d) {
                ColumnVector ids = d.id().evaluate(batch);
                for (int r = 0; r < n; r++) {
                    if (ids.isNull(r)) {
                        throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "repartitionById")
                                .with("reason", "the partition ID expression " + d.id().sql() + " must not be NULL").build();
                    }
                    targets[r] = Math.floorMod(ids.getInt(r), outputs);
                }
                return targets;
            }
            List<Expression> keys = ((Partitioning.Hash) partitioning).keys();
            if (keys.size() == 1 && ValueHasher.partitionHashesStoredBytes(keys.get(0).dataType())) {
                FlatRows flat = FlatRows.of(keys.get(0).evaluate(batch));
                if (flat != null && flat.base() instanceof BytesVector && flat.noNulls()) {
                    if (hashes.length < n) hashes = new long[n];
                    long[] hashes = this.hashes;
                    ValueHasher.partitionHashBytes(flat, hashes, n);
                    for (int r = 0; r < n; r++) targets[r] = (int) Math.floorMod(hashes[r], (long) outputs);
                    return targets;
                }
            }
            ColumnVector[] keyVectors = new ColumnVector[keys.size()];
            DataType[] keyTypes = new DataType[keys.size()];
            for (int k = 0; k < keyVectors.length; k++) {
                keyVectors[k] = keys.get(k).evaluate(batch);
                keyTypes[k] = keys.get(k).dataType();
            }
            for (int r = 0; r < n; r++) targets[r] = (int) Math.floorMod(ValueHasher.partitionHashRow(keyTypes, keyVectors, r), (long) outputs);
            return targets;
        }

        /** What {@code heldRows} rows under construction take: the average row, twice for spare capacity. */
        private long buildingBytes(long heldRows) {
            return inputRows == 0 ? 0 : 2 * (long) Math.ceil((double) inputBytes * heldRows / inputRows);
        }

        /**
         * Reserves for the batch's rows joining those under construction, without waiting: refused, writes out what
         * the task holds and asks for the batch alone. False when that is refused too (the batch is handed on as
         * soon as it is split).
         */
        private boolean reserveBuilding(Batch batch) {
            inputRows += batch.rowCount();
            inputBytes += BatchSizes.estimate(batch);
            long more = buildingBytes(buildingRows + batch.rowCount()) - buildingReserved;
            if (more <= 0 || out.reservation.tryGrowNow(more)) {
                buildingReserved += Math.max(0, more);
                return true;
            }
            spillBuilding();
            more = buildingBytes(batch.rowCount());
            if (out.reservation.tryGrowNow(more)) {
                buildingReserved += more;
                return true;
            }
            return false;
        }

        /** Gives back what the batches under construction no longer hold (targets that filled up and went out). */
        private void settleBuilding() {
            long less = buildingReserved - buildingBytes(buildingRows + toCome);
            if (less > 0) {
                out.reservation.shrink(less);
                buildingReserved -= less;
            }
        }

        /** Cuts every batch under construction short and writes it, with the buffered buckets, to the spill files. */
        void spillBuilding() {
            spillRequested = false;
            synchronized (ExchangeExec.this) {
                out.spillAll();
                for (int t = 0; t < outputs; t++) {
                    if (rows[t] == 0) continue;
                    SpillFile f = out.file(t);
                    f.write(new Batch(building[t], rows[t]));
                    f.finishWriting();
                    building[t] = null;
                    buildingRows -= rows[t];
                    rows[t] = 0;
                }
            }
            out.reservation.shrink(buildingReserved);
            buildingReserved = 0;
        }

        /** Appends rows {@code order[from, to)} of {@code batch} to target's batch under construction (they fit in it). */
        private void append(int target, Batch batch, int[] order, int from, int to) {
            if (building[target] == null) {
                // room for twice these rows (a whole batch when two targets share the input), strings' bytes from the
                // batch's average: appended by doubling from 64 rows, the buffers were copied several times and then
                // once more when cut to size
                int expect = Math.max(64, Math.min(batchSize, 2 * (to - from)));
                int sample = Math.min(batch.rowCount(), 64);
                building[target] = new FlatVector[batch.columnCount()];
                for (int c = 0; c < batch.columnCount(); c++) building[target][c] = Vectors.allocateLike(batch.column(c), sample, expect);
            }
            for (int c = 0; c < batch.columnCount(); c++) building[target][c].appendRows(batch.column(c), order, from, to);
            int m = to - from;
            buildingRows += m;
            out.rows[target] += m;
            toCome -= m;
            rows[target] += m;
            if (rows[target] == batchSize) flush(target);
        }

        private void flush(int target) {
            if (rows[target] == 0) return;
            // the bucket holds the batch until its reader comes: without the spare capacity of appending (strings'
            // bytes doubled, up to twice what they hold), so that its reservation counts what the heap holds
            for (FlatVector v : building[target]) v.trimToSize();
            Batch b = new Batch(building[target], rows[target]);
            buildingRows -= rows[target];
            building[target] = null;
            rows[target] = 0;
            settleBuilding();   // the batch's memory moves from the building share to its bucket's
            out.deliver(target, b);
        }

        void finish() {
            for (int i = 0; i < outputs; i++) flush(i);
            settleBuilding();
        }

        private Batch compact(Batch batch) {
            ColumnVector[] cols = new ColumnVector[batch.columnCount()];
            for (int c = 0; c < cols.length; c++) {
                FlatVector v = Vectors.copy(batch.column(c));
                v.trimToSize();   // buffered until read, as a split batch
                cols[c] = v;
            }
            return new Batch(cols, batch.rowCount());
        }
    }
}
