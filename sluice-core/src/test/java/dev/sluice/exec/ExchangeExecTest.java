package dev.sluice.exec;

import dev.sluice.expr.BoundColumn;
import dev.sluice.io.MemorySource;
import dev.sluice.memory.MemoryPool;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeExecTest {
    private static final StructType SCHEMA = StructType.fromDDL("k STRING, v INT");

    private static ScanExec scan(int rows, int rowsPerSplit) {
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) data.add(Row.of(SCHEMA, "key" + (i % 7), i));
        MemorySource source = new MemorySource(SCHEMA, data, rowsPerSplit);
        return new ScanExec(source, source.splits(), SCHEMA, List.of());
    }

    private static Map<Integer, List<Object[]>> run(ExecNode root, int parallelism) {
        Map<Integer, List<Object[]>> out = new HashMap<>();
        try (Scheduler scheduler = new Scheduler(parallelism)) {
            scheduler.run(root, "test", 0, (partition, stream, ctx) -> {
                List<Object[]> rows = new ArrayList<>();
                for (Batch b = stream.next(); b != null; b = stream.next()) {
                    for (int r = 0; r < b.rowCount(); r++) rows.add(new Object[] {b.column(0).getObject(r), b.column(1).getObject(r)});
                }
                synchronized (out) {
                    out.put(partition, rows);
                }
            });
        }
        return out;
    }

    @Test void hashPartitioningSendsEqualKeysToOnePartitionAndKeepsEveryRow() {
        ExchangeExec exchange = new ExchangeExec(scan(1000, 64),
                new Partitioning.Hash(List.of(new BoundColumn(0, "k", DataTypes.STRING, true)), 3), new MemoryPool(1 << 26), 100);
        Map<Integer, List<Object[]>> parts = run(exchange, 2);
        assertThat(parts).hasSize(3);
        Map<Object, Integer> partitionOfKey = new HashMap<>();
        int total = 0;
        for (Map.Entry<Integer, List<Object[]>> e : parts.entrySet()) {
            for (Object[] row : e.getValue()) {
                assertThat(partitionOfKey.putIfAbsent(row[0], e.getKey())).isIn(null, e.getKey());
                total++;
            }
        }
        assertThat(total).isEqualTo(1000);
    }

    @Test void theSameBucketsForAnyParallelism() {
        List<Object> reference = null;
        for (int p : new int[] {1, 3, 7}) {
            ExchangeExec exchange = new ExchangeExec(scan(500, 33),
                    new Partitioning.Hash(List.of(new BoundColumn(1, "v", DataTypes.INT, true)), 4), new MemoryPool(1 << 26), 16);
            List<Object> flat = new ArrayList<>();
            Map<Integer, List<Object[]>> parts = run(exchange, p);
            for (int i = 0; i < 4; i++) for (Object[] row : parts.get(i)) flat.add(row[1]);
            if (reference == null) reference = flat;
            assertThat(flat).isEqualTo(reference);
        }
    }

    @Test void refusedBuffersSpillToDiskAndComeBackInOrder() {
        try (MemoryPool pool = new MemoryPool(1000)) {
            ExchangeExec exchange = new ExchangeExec(scan(1000, 64),
                    new Partitioning.Hash(List.of(new BoundColumn(1, "v", DataTypes.INT, true)), 4), pool, 16);
            Map<Integer, List<Object[]>> parts = run(exchange, 2);
            ExchangeExec roomy = new ExchangeExec(scan(1000, 64),
                    new Partitioning.Hash(List.of(new BoundColumn(1, "v", DataTypes.INT, true)), 4), new MemoryPool(1 << 26), 16);
            Map<Integer, List<Object[]>> reference = run(roomy, 2);
            for (int i = 0; i < 4; i++) {
                assertThat(parts.get(i)).containsExactlyElementsOf(reference.get(i));
            }
            assertThat(pool.spills().bytesWritten()).isPositive();
            assertThat(pool.spills().liveFiles()).isZero();
            assertThat(pool.used()).isZero();
        }
    }

    /**
     * A partition's reader releases each buffered batch as it takes it, and what it has not taken yet can still be
     * spilled for another consumer: the rows come back in the same order.
     */
    @Test void bucketsBeingReadReleaseAsTheyGoAndCanStillSpill() {
        Map<Integer, List<Object[]>> reference = run(new ExchangeExec(scan(1000, 64),
                new Partitioning.Hash(List.of(new BoundColumn(1, "v", DataTypes.INT, true)), 2), new MemoryPool(1 << 26), 16), 1);
        try (MemoryPool pool = new MemoryPool(1 << 20)) {
            ExchangeExec exchange = new ExchangeExec(scan(1000, 64),
                    new Partitioning.Hash(List.of(new BoundColumn(1, "v", DataTypes.INT, true)), 2), pool, 16);
            Map<Integer, List<Object[]>> out = new HashMap<>();
            long[] usedBeforeAndAfter = new long[2];
            try (Scheduler scheduler = new Scheduler(1)) {
                scheduler.run(exchange, "test", 0, (partition, stream, ctx) -> {
                    List<Object[]> rows = new ArrayList<>();
                    int batches = 0;
                    for (Batch b = stream.next(); b != null; b = stream.next()) {
                        for (int r = 0; r < b.rowCount(); r++) rows.add(new Object[] {b.column(0).getObject(r), b.column(1).getObject(r)});
                        if (partition == 0 && ++batches == 3) {
                            usedBeforeAndAfter[0] = pool.used();
                            // another consumer needs nearly the whole budget: the exchange's buffers go to disk
                            try (var other = pool.newSpillableReservation("other", () -> false)) {
                                assertThat(other.tryGrow(pool.budget() - 64)).isTrue();
                            }
                            usedBeforeAndAfter[1] = pool.used();
                        }
                    }
                    synchronized (out) {
                        out.put(partition, rows);
                    }
                });
            }
            assertThat(usedBeforeAndAfter[0]).as("buffers left after three batches were taken").isPositive();
            assertThat(usedBeforeAndAfter[1]).as("everything buffered was written out").isZero();
            for (int i = 0; i < 2; i++) assertThat(out.get(i)).containsExactlyElementsOf(reference.get(i));
            assertThat(pool.spills().bytesWritten()).isPositive();
            assertThat(pool.spills().liveFiles()).isZero();
            assertThat(pool.used()).isZero();
        }
    }

    @Test void aReaderReleasesTheBatchesItTakes() {
        try (MemoryPool pool = new MemoryPool(1 << 20)) {
            ExchangeExec exchange = new ExchangeExec(scan(1000, 64), new Partitioning.Single(), pool, 16);
            List<Long> used = new ArrayList<>();
            try (Scheduler scheduler = new Scheduler(1)) {
                scheduler.run(exchange, "test", 0, (partition, stream, ctx) -> {
                    for (Batch b = stream.next(); b != null; b = stream.next()) used.add(pool.used());
                });
            }
            assertThat(used.get(0)).isPositive();
            assertThat(used).isSortedAccordingTo((a, b) -> Long.compare(b, a));
            assertThat(used.get(used.size() - 1)).isZero();
        }
    }
}
