package dev.sluice.exec;

import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.Expression;
import dev.sluice.expr.GroupAccumulator;
import dev.sluice.expr.agg.Aggregation;
import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.Reservation;
import dev.sluice.memory.SpillListener;
import dev.sluice.plan.Explain;
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
 * One phase of a hash aggregation. PARTIAL reads a partition's rows and emits, per group, the grouping keys
 * and each aggregate's partial state; FINAL reads those (after an exchange by the keys, so all states of a
 * group meet in one partition) and emits the keys and each aggregate's result, then computes the output
 * expressions from them. Groups come out in order of first appearance, so the output depends only on the
 * input order. A FINAL without keys always emits its one row, even for an empty input. The hash table and
 * the states are reserved from the memory pool as they grow; when the pool refuses, the partial phase flushes
 * its table downstream and the final phase spills it into hash partitions on disk (grace hashing) that it
 * aggregates one at a time afterwards. The reservation is released when the partition's stream closes.
 */
public final class HashAggregateExec implements ExecNode {
    public enum Mode { PARTIAL, FINAL }

    /** A final table spilled with more groups than this share of its input rows stops building tables until the input ends. */
    static final double DIRECT_SPILL_RATIO = 0.8;

    /** Groups of a spilled table encoded at once (their states are copied out for the spill). */
    private static final int SPILL_SLICE = 64 * 1024;

    private final Mode mode;
    private final ExecNode input;
    private final List<Expression> keys;                 // PARTIAL: bound to the input; FINAL: the leading input columns
    private final List<AggregateExpression> aggregates;  // as written (for explain)
    private final List<List<Expression>> boundInputs;    // PARTIAL: each aggregate's evaluated inputs, bound
    private final List<Expression> results;              // FINAL: output expressions over [keys, aggregate results]
    private final boolean[] resultReads;                 // FINAL: which columns of [keys, aggregate results] results read
    private final StructType schema;
    private final MemoryPool pool;
    private final int batchSize;
    private volatile OperatorMetrics metrics;
    /** PARTIAL: a task's flushed table did not reduce its rows, so every task started after it passes rows through. */
    private volatile boolean partialDoesNotReduce;
    /** A table's short-key codes stopped paying (long or mostly distinct keys), so later tables are built without them. */
    private volatile boolean shortKeyCodesDoNotPay;

    private HashAggregateExec(Mode mode, ExecNode input, List<Expression> keys, List<AggregateExpression> aggregates,
                              List<List<Expression>> boundInputs, List<Expression> results, StructType schema,
                              MemoryPool pool, int batchSize) {
        this.mode = mode;
        this.input = input;
        this.keys = List.copyOf(keys);
        this.aggregates = List.copyOf(aggregates);
        this.boundInputs = boundInputs;
        this.results = results;
        this.resultReads = columnsRead(results, keys.size() + aggregates.size());
        this.schema = schema;
        this.pool = pool;
        this.batchSize = batchSize;
    }

    /** The partial phase: {@code keys} and {@code boundInputs} are bound to {@code input}'s columns. */
    public static HashAggregateExec partial(ExecNode input, List<Expression> keys, List<AggregateExpression> aggregates,
                                            List<List<Expression>> boundInputs, MemoryPool pool, int batchSize) {
        List<StructField> fields = new ArrayList<>();
        for (Expression k : keys) fields.add(new StructField(k.sql(), k.dataType(), true));
        for (int a = 0; a < aggregates.size(); a++) {
            List<DataType> states = Aggregation.stateTypes(aggregates.get(a));
            for (int s = 0; s < states.size(); s++) fields.add(new StructField("_state" + a + "_" + s, states.get(s), true));
        }
        return new HashAggregateExec(Mode.PARTIAL, input, keys, aggregates, boundInputs, List.of(), new StructType(fields), pool, batchSize);
    }

    /**
     * The final phase over a partial phase's output (keys first, then the states); {@code results} are bound to
     * the internal row [keys..., one result per aggregate].
     */
    public static HashAggregateExec finalPhase(ExecNode input, List<Expression> keys, List<AggregateExpression> aggregates,
                                               List<Expression> results, StructType schema, MemoryPool pool, int batchSize) {
        return new HashAggregateExec(Mode.FINAL, input, keys, aggregates, List.of(), List.copyOf(results), schema, pool, batchSize);
    }

    public Mode mode() { return mode; }

    /**
     * Which of the first {@code width} input columns {@code expressions} read. A final phase builds only those: the
     * groups of a {@code count()} over an aggregation (M2, M5) are counted, and their keys need not be copied out.
     */
    private static boolean[] columnsRead(List<Expression> expressions, int width) {
        boolean[] read = new boolean[width];
        for (Expression e : expressions) {
            for (Expression node : dev.sluice.expr.Expressions.collect(e)) {
                if (node instanceof dev.sluice.expr.BoundColumn b && b.index() < width) read[b.index()] = true;
            }
        }
        return read;
    }

    @Override public StructType schema() { return schema; }

    @Override public int partitionCount() { return input.partitionCount(); }

    @Override public List<ExecNode> children() { return List.of(input); }

    @Override public String describe() {
        List<Expression> shown = new ArrayList<>(aggregates);
        String text = "HashAggregateExec(" + mode.name().toLowerCase(java.util.Locale.ROOT) + "): keys=" + Explain.expressions(keys)
                + ", functions=" + Explain.expressions(shown);
        return mode == Mode.FINAL ? text + ", output=" + Explain.expressions(results) : text;
    }

    @Override public void attachMetrics(OperatorMetrics metrics) { this.metrics = metrics; }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        BatchStream in = input.execute(partition, ctx);
        Reservation reservation = pool.newSpillableReservation("hash aggregate (" + mode.name().toLowerCase(java.util.Locale.ROOT) + ")",
                ctx::isCancelled);
        OperatorMetrics m = metrics;
        SpillListener listener = m == null ? SpillListener.NONE : m;
        if (mode == Mode.PARTIAL) return new PartialStream(in, ctx, reservation);
        long inputRows = input instanceof ExchangeExec exchange ? exchange.rows(partition) : -1;
        return new FinalStream(in, ctx, reservation, listener, inputRows);
    }

    /**
     * The partial phase: when the table grows past what the pool grants, it is flushed downstream as it is
     * (the final phase merges the states of a group however many times it was flushed) and a new one starts.
     * When a flushed table had almost as many groups as rows (the keys barely repeat, e.g. a group by an id),
     * the rest of the input is passed through: each row becomes its own partial state, without the hash
     * table, which would only have cost a probe and a copy per row (as Presto's adaptive partial aggregation).
     */
    private final class PartialStream implements BatchStream {
        private final BatchStream in;
        private final TaskContext ctx;
        private final Reservation reservation;
        private final boolean mayPassThrough = mayPassThrough();
        private Table out;
        private int emitted;
        private boolean inputDone;
        private boolean passThrough;

        PartialStream(BatchStream in, TaskContext ctx, Reservation reservation) {
            this.in = in;
            this.ctx = ctx;
            this.reservation = reservation;
            // what an earlier task learned holds for this one: each would otherwise grow a table to its share of
            // the budget first (it outlives young collections and dies in the old generation)
            this.passThrough = mayPassThrough && partialDoesNotReduce;
        }

        @Override public Batch next() {
            while (true) {
                if (out != null && emitted < out.groups.groupCount()) {
                    int from = emitted, to = Math.min(out.groups.groupCount(), from + batchSize);
                    emitted = to;
                    return out.partialBatch(from, to);
                }
                if (out != null) {
                    out = null;
                    reservation.shrink(reservation.bytes());
                }
                if (inputDone) return null;
                if (passThrough) {
                    Batch b = in.next();
                    if (b == null) {
                        inputDone = true;
                        in.close();
                        return null;
                    }
                    ctx.checkCancelled();
                    if (b.rowCount() > 0) return passThrough(b);
                    continue;
                }
                Table table = newTable();
                boolean full = false;
                long rows = 0;
                int[][] groupIds = {new int[0]};
                for (Batch b = in.next(); b != null; b = in.next()) {
                    ctx.checkCancelled();
                    accumulate(table, b, groupIds);
                    rows += b.rowCount();
                    if (!reserveNow(table, reservation)) {
                        full = true;
                        break;
                    }
                }
                if (!full) {
                    inputDone = true;
                    in.close();
                } else if (mayPassThrough && rows >= PASS_THROUGH_MIN_ROWS && table.groups.groupCount() > PASS_THROUGH_RATIO * rows) {
                    passThrough = true;
                    partialDoesNotReduce = true;
                }
                out = table;
                emitted = 0;
            }
        }

        @Override public void close() {
            in.close();
            reservation.close();
            out = null;
        }
    }

    /** Rows a flushed partial table must have seen before its ratio of groups to rows decides anything. */
    static final int PASS_THROUGH_MIN_ROWS = 1024;
    /** A flushed partial table with more groups than this share of its rows stops partial aggregation. */
    static final double PASS_THROUGH_RATIO = 0.8;

    /**
     * True when rows may skip the partial table: there are keys, and no key is a float or double (the table
     * stores -0.0 as 0.0; a row passed through would keep its -0.0 and could be hashed to another partition).
     */
    private boolean mayPassThrough() {
        if (keys.isEmpty()) return false;
        for (Expression k : keys) {
            if (k.dataType() instanceof dev.sluice.types.DoubleType || k.dataType() instanceof dev.sluice.types.FloatType) return false;
        }
        return true;
    }

    /** A batch of input rows as partial states, one group per row: the keys as they are, each row's state. */
    private Batch passThrough(Batch b) {
        int n = b.rowCount();
        int[] identity = new int[n];
        for (int r = 0; r < n; r++) identity[r] = r;
        List<ColumnVector> columns = new ArrayList<>();
        for (Expression k : keys) columns.add(k.evaluate(b));
        for (int a = 0; a < aggregates.size(); a++) {
            GroupAccumulator acc = Aggregation.newAccumulator(aggregates.get(a));
            acc.ensureGroups(n);
            List<Expression> exprs = boundInputs.get(a);
            ColumnVector[] inputs = new ColumnVector[exprs.size()];
            for (int i = 0; i < inputs.length; i++) inputs[i] = exprs.get(i).evaluate(b);
            acc.update(inputs, identity, n);
            List<DataType> types = Aggregation.stateTypes(aggregates.get(a));
            FlatVector[] states = new FlatVector[types.size()];
            for (int s = 0; s < states.length; s++) states[s] = Vectors.allocate(types.get(s), n);
            for (int g = 0; g < n; g++) acc.writeState(g, states);
            columns.addAll(List.of(states));
        }
        return new Batch(columns.toArray(new ColumnVector[0]), n);
    }

    /**
     * The final phase: when the table grows past what the pool grants, its groups (keys and merged states,
     * the phase's own input format) are spilled into hash partitions and a new table starts; after the input,
     * each partition is aggregated on its own, re-partitioned with another seed when it is still too big.
     * Groups come out in order of first appearance when nothing spilled.
     */
    private final class FinalStream implements BatchStream {
        private final BatchStream in;
        private final TaskContext ctx;
        private final Reservation reservation;
        private final SpillListener listener;
        private final java.util.ArrayDeque<Work> work = new java.util.ArrayDeque<>();
        private final List<SpillPartitions> spills = new ArrayList<>();
        private final DataType[] keyTypes;
        /** The rows the exchange delivers to this partition, or -1 when not known. */
        private final long inputRows;
        private Table out;
        private int emitted;
        private boolean inputDone;
        /** The last grace partition's table, emptied for the next one (its memory stays reserved meanwhile). */
        private Table spare;

        private record Work(SpillPartitions owner, int partition, int level) {}

        FinalStream(BatchStream in, TaskContext ctx, Reservation reservation, SpillListener listener, long inputRows) {
            this.in = in;
            this.inputRows = inputRows;
            this.ctx = ctx;
            this.reservation = reservation;
            this.listener = listener;
            this.keyTypes = new DataType[keys.size()];
            for (int k = 0; k < keyTypes.length; k++) keyTypes[k] = keys.get(k).dataType();
        }

        @Override public Batch next() {
            while (true) {
                if (out != null && emitted < out.groups.groupCount()) {
                    int from = emitted, to = Math.min(out.groups.groupCount(), from + batchSize);
                    emitted = to;
                    return out.finalBatch(from, to);
                }
                if (out != null) {
                    keepForReuse(out);
                    out = null;
                }
                if (!inputDone) {
                    out = aggregate(in::next, 0, inputRows, newTable());
                    inputDone = true;
                    in.close();
                    if (out != null && keys.isEmpty()) {
                        // a global aggregate has one group even when no row arrived (count = 0, sum = NULL)
                        out.groups.findOrInsert(new ColumnVector[0], 0, new int[0]);
                        for (GroupAccumulator acc : out.accumulators) acc.ensureGroups(1);
                    }
                } else {
                    Work w = work.poll();
                    if (w == null) return null;
                    var file = w.owner().get(w.partition());
                    try (var reader = file.reader(input.schema())) {
                        out = aggregate(reader::next, w.level(), file.rows(), takeSpare(file.rows()));
                    } finally {
                        w.owner().delete(w.partition());
                    }
                }
                emitted = 0;
            }
        }

        /**
         * Aggregates a source of {@code sourceRows} rows (-1: unknown); null when it had to spill (its partitions
         * are queued as work). A source of known size (a spilled file; the exchange's rows for this partition) is
         * split into as many partitions as the groups that fit say are needed, so that each partition fits in one
         * more level; of unknown size, by what the budget affords ({@link SpillPartitions#firstFanout}).
         */
        private Table aggregate(java.util.function.Supplier<Batch> source, int level, long sourceRows, Table table) {
            SpillPartitions partitions = null;
            boolean direct = false;   // the rows go straight to the partitions, without the table
            long tableRows = 0;
            int[][] groupIds = {new int[0]};
            for (Batch b = source.get(); b != null; b = source.get()) {
                ctx.checkCancelled();
                if (direct) {
                    partitions.add(b, keyVectors(b), keyTypes);
                    continue;
                }
                accumulate(table, b, groupIds);
                tableRows += b.rowCount();
                if (reserve(table, reservation)) continue;
                if (keys.isEmpty() || level >= SpillPartitions.MAX_LEVEL || table.groups.groupCount() < 2) {
                    force(table, reservation);   // one group cannot be split further: it must fit
                    continue;
                }
                if (partitions == null) {
                    int fanout = sourceRows < 0 ? SpillPartitions.firstFanout(pool) : SpillPartitions.fanoutFor(sourceRows, table.groups.groupCount());
                    partitions = new SpillPartitions(reservation.spills(), listener, "aggregate", level, fanout, pool)
                            .storeUncompressed();
                    spills.add(partitions);
                }
                // the table merged almost nothing (its rows were nearly all distinct groups): the rest of the
                // input is partitioned as it comes, since the input has the spill's format (keys, then states)
                direct = table.groups.groupCount() > DIRECT_SPILL_RATIO * tableRows;
                spill(table, partitions);
                table = newTable();
                tableRows = 0;
                reservation.shrink(reservation.bytes());
            }
            if (partitions == null) return table;
            spill(table, partitions);
            reservation.shrink(reservation.bytes());
            partitions.finish();
            for (int p = partitions.fanout() - 1; p >= 0; p--) {
                if (partitions.get(p) != null) work.addFirst(new Work(partitions, p, level + 1));
            }
            return null;
        }

        /**
         * After a table's groups went out: a grace partition's table (its output copied its keys) is emptied and kept
         * for the next partition, with its reservation; any other is dropped and its memory released.
         */
        private void keepForReuse(Table done) {
            if (done.copiesKeys && !work.isEmpty() && done.clear()) {
                spare = done;
                reservation.shrink(Math.max(0, reservation.bytes() - tableBytes(done)));
            } else {
                reservation.shrink(reservation.bytes());
            }
        }

        /**
         * A table for a grace partition of {@code rows} rows: the spare one unless it is more than twice as large as
         * those rows need (then its memory goes back to the pool); its output copies its keys so that it can be
         * emptied and reused once they are out.
         */
        private Table takeSpare(long rows) {
            Table table = spare;
            spare = null;
            if (table != null && table.groups.slotCount() > 4 * Math.max(1024, Long.highestOneBit(Math.max(1, rows)))) {
                table = null;   // the kept arrays are far larger than this partition can use
                reservation.shrink(reservation.bytes());
            }
            if (table == null) table = newTable();
            table.copiesKeys = true;
            return table;
        }

        private ColumnVector[] keyVectors(Batch b) {
            ColumnVector[] out = new ColumnVector[keys.size()];
            for (int k = 0; k < out.length; k++) out[k] = keys.get(k).evaluate(b);
            return out;
        }

        private void spill(Table table, SpillPartitions partitions) {
            int groups = table.groups.groupCount();
            ColumnVector[] keyColumns = new ColumnVector[keys.size()];
            // large slices of the table: each partition's share of a slice is then written as a block of its own
            int slice = Math.max(batchSize, SPILL_SLICE);
            for (int from = 0; from < groups; from += slice) {
                Batch states = table.partialBatch(from, Math.min(groups, from + slice));
                for (int k = 0; k < keyColumns.length; k++) keyColumns[k] = states.column(k);
                partitions.add(states, keyColumns, keyTypes);
            }
            partitions.flush();   // the buffers go before the next table grows
        }

        @Override public void close() {
            in.close();
            for (SpillPartitions s : spills) s.close();
            reservation.close();
            out = null;
        }
    }

    private Table newTable() {
        DataType[] keyTypes = new DataType[keys.size()];
        for (int k = 0; k < keyTypes.length; k++) keyTypes[k] = keys.get(k).dataType();
        return new Table(new GroupTable(keyTypes, true, !shortKeyCodesDoNotPay));
    }

    /** A flat copy of {@code v}, its string bytes allocated at once. */
    private static FlatVector copy(ColumnVector v) {
        int n = v.size();
        FlatVector out = Vectors.allocateLike(v, n, n);
        for (int r = 0; r < n; r++) out.appendFrom(v, r);
        return out;
    }

    /** Adds one batch to the table: its rows (partial) or its partial states (final). */
    private void accumulate(Table table, Batch b, int[][] groupIdsHolder) {
        int n = b.rowCount();
        if (groupIdsHolder[0].length < n) groupIdsHolder[0] = new int[n];
        int[] groupIds = groupIdsHolder[0];
        ColumnVector[] keyVectors = new ColumnVector[keys.size()];
        for (int k = 0; k < keyVectors.length; k++) keyVectors[k] = keys.get(k).evaluate(b);
        table.groups.findOrInsert(keyVectors, n, groupIds);
        if (table.groups.codesStopped()) shortKeyCodesDoNotPay = true;
        int groups = table.groups.groupCount();
        int column = keys.size();
        for (int a = 0; a < aggregates.size(); a++) {
            GroupAccumulator acc = table.accumulators[a];
            acc.ensureGroups(groups);
            if (mode == Mode.PARTIAL) {
                List<Expression> exprs = boundInputs.get(a);
                ColumnVector[] inputs = new ColumnVector[exprs.size()];
                for (int i = 0; i < inputs.length; i++) inputs[i] = exprs.get(i).evaluate(b);
                acc.update(inputs, groupIds, n);
            } else {
                int width = Aggregation.stateTypes(aggregates.get(a)).size();
                ColumnVector[] states = new ColumnVector[width];
                for (int s = 0; s < width; s++) states[s] = b.column(column + s);
                column += width;
                acc.merge(states, groupIds, n);
            }
        }
    }

    private static long tableBytes(Table table) {
        long bytes = table.groups.bytes();
        for (GroupAccumulator acc : table.accumulators) bytes += acc.estimatedBytes();
        return bytes;
    }

    /** Grows the reservation to the table's current estimate (it lags by at most one batch); false when refused. */
    private static boolean reserve(Table table, Reservation reservation) {
        long bytes = tableBytes(table);
        return bytes <= reservation.bytes() || reservation.tryGrow(bytes - reservation.bytes());
    }

    /** As {@link #reserve}, but refused at once when the pool is full: flushing a partial table is cheap. */
    private static boolean reserveNow(Table table, Reservation reservation) {
        long bytes = tableBytes(table);
        return bytes <= reservation.bytes() || reservation.tryGrowNow(bytes - reservation.bytes());
    }

    /**
     * Reserves the table's memory or fails with MEMORY_EXHAUSTED (for state that cannot be split), naming the
     * aggregate whose state is the largest (a {@code collect_list} of one huge group) and the setting to raise.
     */
    private void force(Table table, Reservation reservation) {
        long bytes = tableBytes(table);
        if (bytes <= reservation.bytes()) return;
        try {
            reservation.grow(bytes - reservation.bytes());
        } catch (dev.sluice.error.SluiceException e) {
            if (e.code() != dev.sluice.error.ErrorCode.MEMORY_EXHAUSTED) throw e;
            int largest = 0;
            for (int a = 1; a < table.accumulators.length; a++) {
                if (table.accumulators[a].estimatedBytes() > table.accumulators[largest].estimatedBytes()) largest = a;
            }
            String aggregate = table.accumulators.length == 0 ? "(none)" : Explain.expression(aggregates.get(largest));
            String groups = table.groups.groupCount() == 1 ? "one group" : table.groups.groupCount() + " groups that hash alike";
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.MEMORY_EXHAUSTED)
                    .with("reason", "the state of " + aggregate + " for " + groups
                            + (keys.isEmpty() ? "" : " of " + Explain.expressions(keys)) + " takes "
                            + (table.accumulators.length == 0 ? bytes : table.accumulators[largest].estimatedBytes())
                            + " bytes and cannot be split or spilled, and it does not fit in the memory budget of "
                            + reservation.budget() + " bytes (Sluice.builder().memoryBudget, system property "
                            + dev.sluice.memory.MemoryPool.BUDGET_PROPERTY + ")")
                    .with("aggregate", aggregate)
                    .with("setting", dev.sluice.memory.MemoryPool.BUDGET_PROPERTY)
                    .cause(e).build();
        }
    }

    /** The groups of one partition and the accumulators of every aggregate. */
    private final class Table {
        final GroupTable groups;
        final GroupAccumulator[] accumulators;
        /** The output copies the keys instead of viewing the table's vectors, which may then be reused. */
        boolean copiesKeys;

        Table(GroupTable groups) {
            this.groups = groups;
            this.accumulators = new GroupAccumulator[aggregates.size()];
            for (int a = 0; a < accumulators.length; a++) accumulators[a] = Aggregation.newAccumulator(aggregates.get(a));
        }

        Batch partialBatch(int from, int to) {
            List<ColumnVector> columns = keyColumns(from, to);
            for (int a = 0; a < accumulators.length; a++) {
                List<DataType> types = Aggregation.stateTypes(aggregates.get(a));
                FlatVector[] out = new FlatVector[types.size()];
                for (int s = 0; s < out.length; s++) out[s] = Vectors.allocate(types.get(s), to - from);
                for (int g = from; g < to; g++) accumulators[a].writeState(g, out);
                columns.addAll(List.of(out));
            }
            return new Batch(columns.toArray(new ColumnVector[0]), to - from);
        }

        /** The output rows of groups [from, to): only the columns the output expressions read are built. */
        Batch finalBatch(int from, int to) {
            List<ColumnVector> columns = new ArrayList<>();
            FlatVector[] keyVectors = groups.keyColumns();
            for (int k = 0; k < keyVectors.length; k++) {
                ColumnVector slice = keyVectors[k].slice(from, to - from);
                columns.add(copiesKeys && resultReads[k] ? copy(slice) : slice);   // a slice nothing reads needs no copy
            }
            for (int a = 0; a < accumulators.length; a++) {
                DataType type = aggregates.get(a).dataType();
                if (!resultReads[keyVectors.length + a]) {
                    columns.add(dev.sluice.vector.ConstantVector.of(type, null, to - from));   // never read
                    continue;
                }
                FlatVector out = Vectors.allocate(type, to - from);
                for (int g = from; g < to; g++) accumulators[a].writeResult(g, out);
                columns.add(out);
            }
            Batch internal = new Batch(columns.toArray(new ColumnVector[0]), to - from);
            ColumnVector[] out = new ColumnVector[results.size()];
            for (int i = 0; i < out.length; i++) out[i] = results.get(i).evaluate(internal);
            return new Batch(out, to - from);
        }

        private List<ColumnVector> keyColumns(int from, int to) {
            List<ColumnVector> columns = new ArrayList<>();
            for (FlatVector k : groups.keyColumns()) {
                ColumnVector slice = k.slice(from, to - from);
                columns.add(copiesKeys ? copy(slice) : slice);
            }
            return columns;
        }

        /**
         * Empties the table for another input, keeping the memory of its group table and of every accumulator that
         * can be emptied (the others are replaced); false when nothing could be kept.
         */
        boolean clear() {
            groups.clear();
            for (int a = 0; a < accumulators.length; a++) {
                if (!accumulators[a].clear()) accumulators[a] = Aggregation.newAccumulator(aggregates.get(a));
            }
            return true;
        }
    }
}
