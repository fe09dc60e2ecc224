package dev.sluice.exec;

import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.Expression;
import dev.sluice.expr.GroupAccumulator;
import dev.sluice.expr.agg.Aggregation;
import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.Reservation;
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
 * the states are reserved from the memory pool as they grow (MEMORY_EXHAUSTED when refused); the
 * reservation is released when the partition's stream closes.
 */
public final class HashAggregateExec implements ExecNode {
    public enum Mode { PARTIAL, FINAL }

    private final Mode mode;
    private final ExecNode input;
    private final List<Expression> keys;                 // PARTIAL: bound to the input; FINAL: the leading input columns
    private final List<AggregateExpression> aggregates;  // as written (for explain)
    private final List<List<Expression>> boundInputs;    // PARTIAL: each aggregate's evaluated inputs, bound
    private final List<Expression> results;              // FINAL: output expressions over [keys, aggregate results]
    private final StructType schema;
    private final MemoryPool pool;
    private final int batchSize;

    private HashAggregateExec(Mode mode, ExecNode input, List<Expression> keys, List<AggregateExpression> aggregates,
                              List<List<Expression>> boundInputs, List<Expression> results, StructType schema,
                              MemoryPool pool, int batchSize) {
        this.mode = mode;
        this.input = input;
        this.keys = List.copyOf(keys);
        this.aggregates = List.copyOf(aggregates);
        this.boundInputs = boundInputs;
        this.results = results;
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

    @Override public StructType schema() { return schema; }

    @Override public int partitionCount() { return input.partitionCount(); }

    @Override public List<ExecNode> children() { return List.of(input); }

    @Override public String describe() {
        List<Expression> shown = new ArrayList<>(aggregates);
        String text = "HashAggregateExec(" + mode.name().toLowerCase(java.util.Locale.ROOT) + "): keys=" + Explain.expressions(keys)
                + ", functions=" + Explain.expressions(shown);
        return mode == Mode.FINAL ? text + ", output=" + Explain.expressions(results) : text;
    }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        BatchStream in = input.execute(partition, ctx);
        Reservation reservation = pool.newReservation("hash aggregate (" + mode.name().toLowerCase(java.util.Locale.ROOT) + ")");
        return new BatchStream() {
            Table table;
            int emitted;

            @Override public Batch next() {
                if (table == null) {
                    table = consume(in, ctx, reservation);
                    in.close();
                }
                if (emitted >= table.groups.groupCount()) return null;
                int from = emitted, to = Math.min(table.groups.groupCount(), from + batchSize);
                emitted = to;
                return mode == Mode.PARTIAL ? table.partialBatch(from, to) : table.finalBatch(from, to);
            }

            @Override public void close() {
                in.close();
                reservation.close();
                table = null;
            }
        };
    }

    private Table consume(BatchStream in, TaskContext ctx, Reservation reservation) {
        DataType[] keyTypes = new DataType[keys.size()];
        for (int k = 0; k < keyTypes.length; k++) keyTypes[k] = keys.get(k).dataType();
        Table table = new Table(new GroupTable(keyTypes));
        int[] groupIds = new int[0];
        for (Batch b = in.next(); b != null; b = in.next()) {
            ctx.checkCancelled();
            int n = b.rowCount();
            if (groupIds.length < n) groupIds = new int[n];
            ColumnVector[] keyVectors = new ColumnVector[keys.size()];
            for (int k = 0; k < keyVectors.length; k++) keyVectors[k] = keys.get(k).evaluate(b);
            table.groups.findOrInsert(keyVectors, n, groupIds);
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
            reserve(table, reservation);
        }
        if (mode == Mode.FINAL && keys.isEmpty()) {
            // a global aggregate has one group even when no row arrived (count = 0, sum = NULL)
            table.groups.findOrInsert(new ColumnVector[0], 0, groupIds);
            for (GroupAccumulator acc : table.accumulators) acc.ensureGroups(1);
        }
        return table;
    }

    /** Grows the reservation to the table's current estimate (it lags by at most one batch). */
    private void reserve(Table table, Reservation reservation) {
        long bytes = table.groups.bytes();
        for (GroupAccumulator acc : table.accumulators) bytes += acc.estimatedBytes();
        if (bytes > reservation.bytes()) reservation.grow(bytes - reservation.bytes());
    }

    /** The groups of one partition and the accumulators of every aggregate. */
    private final class Table {
        final GroupTable groups;
        final GroupAccumulator[] accumulators;

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

        Batch finalBatch(int from, int to) {
            List<ColumnVector> columns = keyColumns(from, to);
            for (int a = 0; a < accumulators.length; a++) {
                FlatVector out = Vectors.allocate(aggregates.get(a).dataType(), to - from);
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
            for (FlatVector k : groups.keyColumns()) columns.add(k.slice(from, to - from));
            return columns;
        }
    }
}
