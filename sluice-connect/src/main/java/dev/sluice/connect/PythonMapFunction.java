package dev.sluice.connect;

import com.google.protobuf.ByteString;
import dev.sluice.plan.PartitionFunction;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.apache.arrow.memory.BufferAllocator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * A PySpark function over whole partitions or groups, returning rows of a declared schema: {@code mapInPandas} and
 * {@code mapInArrow} (one call per partition, its input batches pulled as the function asks for them),
 * {@code applyInPandas}/{@code applyInArrow} (one call per group) and their cogrouped forms (one call per key, with
 * both sides' groups). Evaluated by the session's Python workers ({@code python_worker.py}).
 */
final class PythonMapFunction {
    /** Rows per input batch of a map function; a batch also closes early once its rows pass {@link #BATCH_BYTES}. */
    static final int BATCH_ROWS = 8192;
    static final long BATCH_BYTES = 4L << 20;

    private final String name;
    private final StructType resultSchema;
    private final int evalType;
    private final ByteString command;
    private final PythonWorkers workers;
    private final Supplier<String> sessionZone;

    PythonMapFunction(String name, StructType resultSchema, int evalType, ByteString command, PythonWorkers workers,
                      Supplier<String> sessionZone) {
        this.name = name;
        this.resultSchema = resultSchema;
        this.evalType = evalType;
        this.command = command;
        this.workers = workers;
        this.sessionZone = sessionZone;
    }

    StructType resultSchema() { return resultSchema; }

    /** mapInPandas / mapInArrow: the function over each partition of rows of {@code inputSchema}. */
    PartitionFunction overPartitions(StructType inputSchema) {
        return (partition, rows) -> new MapOutput(inputSchema, rows);
    }

    /**
     * applyInPandas / applyInArrow over groups: each input row holds a group, as its key columns ({@code keyCount}
     * first columns) and its rows (the last column, an array of structs of {@code valueSchema}).
     */
    PartitionFunction overGroups(int keyCount, StructType keySchema, StructType valueSchema) {
        return (partition, groups) -> new Flattened(groups, group -> {
            Object[] keys = new Object[keyCount];
            for (int k = 0; k < keyCount; k++) keys[k] = group.get(k);
            return call(List.of(new Row(keySchema, keys)), keySchema,
                    List.of(rows(group.getList(keyCount), valueSchema)), List.of(valueSchema));
        });
    }

    /**
     * cogroup().applyInPandas / applyInArrow: each input row holds the left side's key columns and group (an array
     * of structs, null when the key has no rows there) and then the right side's.
     */
    PartitionFunction overCogroups(int keyCount, StructType leftKeys, StructType leftValues, StructType rightKeys,
                                   StructType rightValues) {
        return (partition, pairs) -> new Flattened(pairs, pair -> {
            boolean fromLeft = pair.get(keyCount) != null;
            StructType keySchema = fromLeft ? leftKeys : rightKeys;
            int first = fromLeft ? 0 : keyCount + 1;
            Object[] keys = new Object[keyCount];
            for (int k = 0; k < keyCount; k++) keys[k] = pair.get(first + k);
            List<Row> left = pair.get(keyCount) == null ? List.of() : rows(pair.getList(keyCount), leftValues);
            List<Row> right = pair.get(2 * keyCount + 1) == null ? List.of() : rows(pair.getList(2 * keyCount + 1), rightValues);
            return call(List.of(new Row(keySchema, keys)), keySchema, List.of(left, right), List.of(leftValues, rightValues));
        });
    }

    private static List<Row> rows(List<Object> structs, StructType schema) {
        List<Row> out = new ArrayList<>(structs.size());
        for (Object o : structs) {
            Row r = (Row) o;
            out.add(new Row(schema, r.values().toArray()));
        }
        return out;
    }

    /** One grouped request: the key row, then each group's rows; the function's result rows. */
    private List<Row> call(List<Row> key, StructType keySchema, List<List<Row>> groups, List<StructType> groupSchemas) {
        try (BufferAllocator allocator = Allocators.root().newChildAllocator("python-" + name, 0, Long.MAX_VALUE)) {
            List<byte[]> inputs = new ArrayList<>();
            inputs.add(ArrowBatches.encode(allocator, keySchema, key));
            for (int g = 0; g < groups.size(); g++) inputs.add(ArrowBatches.encode(allocator, groupSchemas.get(g), groups.get(g)));
            byte[] schema = ArrowBatches.encode(allocator, resultSchema, List.of());
            byte[] out = workers.with(name, w -> w.call(command.toByteArray(), evalType, sessionZone.get(), schema, inputs, name));
            return ArrowRows.decode(allocator, out, resultSchema).rows();
        }
    }

    /** Each input row's result rows, one after another. */
    private static final class Flattened implements Iterator<Row> {
        private final Iterator<Row> input;
        private final java.util.function.Function<Row, List<Row>> apply;
        private Iterator<Row> current = java.util.Collections.emptyIterator();

        Flattened(Iterator<Row> input, java.util.function.Function<Row, List<Row>> apply) {
            this.input = input;
            this.apply = apply;
        }

        @Override public boolean hasNext() {
            while (!current.hasNext() && input.hasNext()) current = apply.apply(input.next()).iterator();
            return current.hasNext();
        }

        @Override public Row next() {
            if (!hasNext()) throw new NoSuchElementException();
            return current.next();
        }
    }

    /**
     * One partition through a map-iterator function: the worker asks for input batches as the function pulls them
     * and sends each batch the function yields, so only one batch each way is held. The worker goes back to the pool
     * when the function has finished; one left mid-partition (the consumer stopped early) is ended.
     */
    private final class MapOutput implements Iterator<Row>, AutoCloseable {
        private final StructType inputSchema;
        private final Iterator<Row> input;
        private final BufferAllocator allocator;
        private PythonWorker worker;
        private Iterator<Row> batch = java.util.Collections.emptyIterator();
        private boolean done;

        MapOutput(StructType inputSchema, Iterator<Row> input) {
            this.inputSchema = inputSchema;
            this.input = input;
            this.allocator = Allocators.root().newChildAllocator("python-map-" + name, 0, Long.MAX_VALUE);
        }

        @Override public boolean hasNext() {
            while (!batch.hasNext() && !done) pull();
            return batch.hasNext();
        }

        @Override public Row next() {
            if (!hasNext()) throw new NoSuchElementException();
            return batch.next();
        }

        private void pull() {
            if (worker == null) {
                worker = workers.take(name);
                try {
                    worker.startMap(command.toByteArray(), evalType, sessionZone.get(),
                            ArrowBatches.encode(allocator, resultSchema, List.of()), name);
                } catch (RuntimeException e) {
                    abandon();
                    throw e;
                }
            }
            PythonWorker.Answer a;
            try {
                a = worker.answer(name);
            } catch (dev.sluice.error.SluiceException e) {
                if (e.code() == dev.sluice.error.ErrorCode.FAILED_EXECUTE_UDF) finish();   // the worker is ready again
                else abandon();
                throw e;
            }
            switch (a.status()) {
                case 0 -> finish();
                case 2 -> batch = ArrowRows.decode(allocator, a.body(), resultSchema).rows().iterator();
                case 3 -> worker.input(nextInput(), name);
                default -> {
                    abandon();
                    throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.PYTHON_WORKER_FAILED)
                            .with("executable", "python").with("function", name)
                            .with("reason", "it answered with the unknown status " + a.status()).build();
                }
            }
        }

        private byte[] nextInput() {
            List<Row> rows = new ArrayList<>();
            long bytes = 0;
            while (input.hasNext() && rows.size() < BATCH_ROWS && bytes < BATCH_BYTES) {
                Row r = input.next();
                rows.add(r);
                bytes += RowSizes.estimate(r);
            }
            return rows.isEmpty() ? new byte[0] : ArrowBatches.encode(allocator, inputSchema, rows);
        }

        private void finish() {
            done = true;
            if (worker != null) workers.give(worker);
            worker = null;
            allocator.close();
        }

        private void abandon() {
            done = true;
            if (worker != null) workers.discard(worker);
            worker = null;
            allocator.close();
        }

        @Override public void close() {
            if (!done) abandon();
        }
    }
}
