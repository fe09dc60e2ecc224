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
 * partition buffers its rows (memory reserved; MEMORY_EXHAUSTED when refused), sorts them stably by partition
 * keys then order keys, walks the window partitions (runs of equal partition keys) computing every function,
 * and emits the rows in that order with one column per function appended.
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
    }

    /** The partition keys (bound to the input, whose columns keep their places in the output). */
    public List<Expression> partitionBy() { return partitionBy; }

    @Override public StructType schema() { return schema; }

    @Override public int partitionCount() { return input.partitionCount(); }

    @Override public List<ExecNode> children() { return List.of(input); }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        Reservation reservation = pool.newReservation("window");
        return new BatchStream() {
            SortedRun run;
            FlatVector[] results;
            int next;

            @Override public Batch next() {
                ctx.checkCancelled();
                if (run == null) compute();
                if (next >= run.rows) return null;
                int to = Math.min(run.rows, next + batchSize);
                Batch rows = run.viewOf(next, to);
                ColumnVector[] out = Arrays.copyOf(rows.columns(), rows.columnCount() + results.length);
                for (int f = 0; f < results.length; f++) out[rows.columnCount() + f] = results[f].slice(next, to - next);
                Batch batch = new Batch(out, to - next);
                next = to;
                return batch;
            }

            private void compute() {
                RunBuilder builder = new RunBuilder(input.schema(), sortKeys, sortOrdering, reservation, -1);
                try (BatchStream in = input.execute(partition, ctx)) {
                    for (Batch b = in.next(); b != null; b = in.next()) builder.add(b);
                }
                run = builder.finish();
                int n = run.rows;
                // peer bookkeeping, one result per row and function, an aggregate's sorted inputs and group ids
                reservation.grow(WindowGroup.bytesFor(n) + RESULT_BYTES_PER_VALUE * n * functions.size() * 2);
                Batch all = new Batch(run.columns, n);
                results = new FlatVector[functions.size()];
                WindowFunctionExec[] evaluators = new WindowFunctionExec[functions.size()];
                SortOrder firstOrder = orderBy.isEmpty() ? null : orderBy.get(0);
                for (int f = 0; f < results.length; f++) {
                    WindowExpression w = functions.get(f);
                    results[f] = Vectors.allocate(w.dataType(), Math.max(n, 1));
                    evaluators[f] = WindowFunctionExec.of(w, all, run.order, firstOrder);
                }
                ColumnVector[] orderKeys = Arrays.copyOfRange(run.keys, partitionBy.size(), run.keys.length);
                int start = 0;
                while (start < n) {
                    ctx.checkCancelled();
                    int end = start + 1;
                    while (end < n && partitionOrdering.compare(run.keys, run.order[start], run.keys, run.order[end]) == 0) end++;
                    WindowGroup group = new WindowGroup(start, end, run.order, orderKeys, peerOrdering);
                    for (int f = 0; f < results.length; f++) evaluators[f].fill(group, results[f]);
                    start = end;
                }
            }

            @Override public void close() { reservation.close(); }
        };
    }

    @Override public String describe() {
        List<String> parts = new ArrayList<>();
        for (WindowExpression w : functions) parts.add(Explain.expression(w));
        return "WindowExec: " + String.join(", ", parts);
    }
}
