package dev.sluice.exec;

import dev.sluice.expr.BoundColumn;
import dev.sluice.io.MemorySource;
import dev.sluice.memory.MemoryPool;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An exchange read by two consumers (the exchange and a {@link ReusedExchangeExec} of it, under a union: its first
 * partitions are the exchange's, read first at parallelism 1, then the reused reader's) keeps each output partition,
 * in memory or spilled, until its second reader has read it to the end, and releases it right then, before the query
 * ends; both readers get every row in the same order.
 */
class SharedExchangeReleaseTest {
    private static final StructType SCHEMA = StructType.fromDDL("k STRING, v INT");
    private static final int PARTITIONS = 3;

    private static ScanExec scan(int rows) {
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) data.add(Row.of(SCHEMA, "key" + (i % 101), i));
        MemorySource source = new MemorySource(SCHEMA, data, 500);
        return new ScanExec(source, source.splits(), SCHEMA, List.of());
    }

    /** Budget in bytes: everything buffered (large), or everything spilled as it is cut (tiny). */
    @ParameterizedTest
    @ValueSource(longs = {1L << 28, 1L << 10})
    void eachPartitionIsReleasedRightAfterItsSecondReader(long budget) {
        try (MemoryPool pool = new MemoryPool(budget)) {
            ExchangeExec exchange = new ExchangeExec(scan(20_000),
                    new Partitioning.Hash(List.of(new BoundColumn(0, "k", DataTypes.STRING, true)), PARTITIONS), pool, 256);
            ExecNode root = new UnionExec(List.of(exchange, new ReusedExchangeExec(exchange)), SCHEMA);
            assertThat(exchange.describe()).endsWith(", read by 2");
            Map<Integer, List<Integer>> read = new ConcurrentHashMap<>();
            Map<Integer, long[]> heldAfter = new ConcurrentHashMap<>();   // memory used, live spill files after the read
            try (Scheduler scheduler = new Scheduler(1)) {
                scheduler.run(root, "test", 0, (partition, stream, ctx) -> {
                    List<Integer> values = new ArrayList<>();
                    for (Batch b = stream.next(); b != null; b = stream.next()) {
                        for (int r = 0; r < b.rowCount(); r++) values.add(b.column(1).getInt(r));
                    }
                    read.put(partition, values);
                    heldAfter.put(partition, new long[] {pool.used(), pool.spills().liveFiles()});
                });
            }
            int total = 0;
            for (int p = 0; p < PARTITIONS; p++) {
                assertThat(read.get(PARTITIONS + p)).as("the second reader's rows").isEqualTo(read.get(p));
                total += read.get(p).size();
            }
            assertThat(total).isEqualTo(20_000);
            boolean spilled = budget < 1 << 20;
            // after every first read, all partitions are still held; each second read releases its partition
            long[] afterFirstReads = heldAfter.get(PARTITIONS - 1);
            assertThat(spilled ? afterFirstReads[1] : afterFirstReads[0]).as("held for the second readers").isPositive();
            long before = spilled ? afterFirstReads[1] : afterFirstReads[0];
            for (int p = 0; p < PARTITIONS; p++) {
                long[] after = heldAfter.get(PARTITIONS + p);
                long now = spilled ? after[1] : after[0];
                assertThat(now).as("released after the second read of partition " + p).isLessThan(before);
                before = now;
            }
            assertThat(before).as("all released before the query ended").isZero();
            assertThat(pool.used()).isZero();
            assertThat(pool.spills().liveFiles()).isZero();
        }
    }
}
