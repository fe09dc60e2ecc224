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

    /** What a final aggregation sizes its first spill by: every row an output partition gets, buffered or spilled. */
    @Test void knowsTheRowsOfEachOutputPartitionSpilledOrNot() {
        for (long budget : new long[] {1000, 1 << 26}) {
            try (MemoryPool pool = new MemoryPool(budget)) {
                ExchangeExec exchange = new ExchangeExec(scan(1000, 64),
                        new Partitioning.Hash(List.of(new BoundColumn(1, "v", DataTypes.INT, true)), 4), pool, 16);
                assertThat(exchange.rows(0)).as("not run yet").isEqualTo(-1);
                Map<Integer, long[]> counts = new HashMap<>();
                try (Scheduler scheduler = new Scheduler(2)) {
                    scheduler.run(exchange, "test", 0, (partition, stream, ctx) -> {
                        long expected = exchange.rows(partition);
                        long read = 0;
                        for (Batch b = stream.next(); b != null; b = stream.next()) read += b.rowCount();
                        synchronized (counts) {
                            counts.put(partition, new long[] {expected, read});
                        }
                    });
                }
                long total = 0;
                for (long[] c : counts.values()) {
                    assertThat(c[0]).as("budget " + budget).isEqualTo(c[1]);
                    total += c[1];
                }
                assertThat(total).isEqualTo(1000);
            }
        }
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

    /**
     * The input cut into batches of {@code sliceRows} (one task reads many batches), sampling {@code what} each time
     * the exchange asks for another batch.
     */
    private static ExecNode sampling(ExecNode input, int sliceRows, java.util.function.LongSupplier what, List<Long> usedBeforeEachBatch) {
        return new ExecNode() {
            @Override public StructType schema() { return input.schema(); }
            @Override public int partitionCount() { return input.partitionCount(); }
            @Override public List<ExecNode> children() { return List.of(input); }
            @Override public String describe() { return "sampling"; }
            @Override public BatchStream execute(int partition, TaskContext ctx) {
                BatchStream in = input.execute(partition, ctx);
                return new BatchStream() {
                    Batch whole;
                    int at;

                    @Override public Batch next() {
                        synchronized (usedBeforeEachBatch) {
                            usedBeforeEachBatch.add(what.getAsLong());
                        }
                        if (whole == null || at == whole.rowCount()) {
                            whole = in.next();
                            at = 0;
                            if (whole == null) return null;
                        }
                        int n = Math.min(sliceRows, whole.rowCount() - at);
                        at += n;
                        return whole.slice(at - n, n);
                    }
                    @Override public void close() { in.close(); }
                };
            }
        };
    }

    /**
     * With more output partitions than rows per partition, every row waits in a batch under construction until the
     * input ends: those batches are reserved as they grow (they were held outside the budget before).
     */
    @Test void batchesUnderConstructionAreReserved() {
        try (MemoryPool pool = new MemoryPool(1 << 26)) {
            List<Long> used = new ArrayList<>();
            ExchangeExec exchange = new ExchangeExec(sampling(scan(5_000, 5_000), 500, pool::used, used),
                    new Partitioning.Hash(List.of(new BoundColumn(1, "v", DataTypes.INT, true)), 1_000), pool, 4096);
            Map<Integer, List<Object[]>> parts = run(exchange, 1);
            assertThat(parts.values().stream().mapToInt(List::size).sum()).isEqualTo(5_000);
            // one task: before its 10th batch, 4,500 rows (about 12 bytes each) are held in batches under construction
            assertThat(used.get(9)).isGreaterThan(4_500L * 12);
            assertThat(pool.used()).isZero();
        }
    }

    /** Under a budget smaller than the rows under construction, they are written out early and come back in order. */
    @Test void batchesUnderConstructionSpillWhenRefused() {
        Partitioning byValue = new Partitioning.Hash(List.of(new BoundColumn(1, "v", DataTypes.INT, true)), 200);
        Map<Integer, List<Object[]>> reference = run(new ExchangeExec(scan(20_000, 20_000), byValue, new MemoryPool(1 << 26), 4096), 1);
        try (MemoryPool pool = new MemoryPool(64 << 10)) {
            List<Long> spilled = new ArrayList<>();
            ExchangeExec exchange = new ExchangeExec(sampling(scan(20_000, 20_000), 1_000, () -> pool.spills().bytesWritten(), spilled),
                    byValue, pool, 4096);
            Map<Integer, List<Object[]>> parts = run(exchange, 1);
            for (int i = 0; i < 200; i++) assertThat(parts.get(i)).containsExactlyElementsOf(reference.get(i));
            // no target fills a batch (100 rows each): before, nothing was reserved or spilled until the task's input
            // ended; now it writes out while it reads (5,000 rows held take more than the budget)
            assertThat(spilled.get(6)).as("spilled while the task read its input").isPositive();
            assertThat(pool.spills().liveFiles()).isZero();
            assertThat(pool.used()).isZero();
        }
    }

    /**
     * The charge for batches under construction never waits and never fails: with the whole budget held by a
     * consumer the exchange cannot free (another running task's), every input batch is split and handed on at once
     * (to disk), the rows come back in order, and the exchange never waited in the pool.
     */
    @Test void batchesUnderConstructionNeverWaitForMemory() throws Exception {
        Partitioning byValue = new Partitioning.Hash(List.of(new BoundColumn(1, "v", DataTypes.INT, true)), 50);
        Map<Integer, List<Object[]>> reference = run(new ExchangeExec(scan(20_000, 2_000), byValue, new MemoryPool(1 << 26), 4096), 3);
        try (MemoryPool pool = new MemoryPool(256 << 10)) {
            java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            Thread other = new Thread(() -> {
                try (var r = pool.newReservation("other task")) {
                    r.grow(pool.budget());
                    held.countDown();
                    done.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            other.start();
            held.await();
            Map<Integer, List<Object[]>> parts;
            try {
                parts = run(new ExchangeExec(sampling(scan(20_000, 2_000), 500, () -> 0, new ArrayList<>()), byValue, pool, 4096), 3);
            } finally {
                done.countDown();
                other.join();
            }
            for (int i = 0; i < 50; i++) assertThat(parts.get(i)).containsExactlyElementsOf(reference.get(i));
            assertThat(pool.waits()).as("the splitter never waited for memory").isZero();
            assertThat(pool.spills().bytesWritten()).isPositive();
            assertThat(pool.spills().liveFiles()).isZero();
            assertThat(pool.used()).isZero();
        }
    }
}
