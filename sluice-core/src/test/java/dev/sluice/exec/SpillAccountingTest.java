package dev.sluice.exec;

import dev.sluice.expr.BoundColumn;
import dev.sluice.expr.SortOrder;
import dev.sluice.io.MemorySource;
import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.Reservation;
import dev.sluice.memory.SpillListener;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What spilling holds besides its state is charged to the budget: the minimum block buffers of spill partitions
 * when the pool has no room, and a spilled sort's per-block first keys.
 */
class SpillAccountingTest {
    @TempDir Path dir;

    private static final StructType SCHEMA = StructType.fromDDL("k STRING, v INT");

    private static ScanExec scan(int rows, int rowsPerSplit) {
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) data.add(Row.of(SCHEMA, "key-" + (i * 7919 % rows), (i * 7919) % rows));
        MemorySource source = new MemorySource(SCHEMA, data, rowsPerSplit);
        return new ScanExec(source, source.splits(), SCHEMA, List.of());
    }

    @Test void minimumSpillBuffersAreChargedWhenThePoolHasNoRoom() {
        try (MemoryPool pool = new MemoryPool(1 << 20, dir, 10);
             Reservation other = pool.newReservation("another operator")) {
            other.grow(pool.budget());
            try (SpillPartitions parts = new SpillPartitions(pool.spills(), SpillListener.NONE, "test", 0, 64, pool)) {
                List<Object> keys = new ArrayList<>();
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    keys.add("k" + i);
                    values.add(i);
                }
                Batch batch = new Batch(new ColumnVector[] {Vectors.of(DataTypes.STRING, keys), Vectors.of(DataTypes.INT, values)}, 1000);
                parts.add(batch, new ColumnVector[] {batch.column(1)}, new DataType[] {DataTypes.INT});
                // before, 64 buffers of 16 KiB sat outside the budget: the pool saw only the other operator
                long minimum = SpillPartitions.minBlockBytes(pool, 64);
                assertThat(minimum).isEqualTo(4 << 10);   // a quarter of 1 MiB over 64 partitions
                assertThat(pool.used()).isEqualTo(pool.budget() + 64 * minimum);
                // what a charge took past the budget is accounted
                assertThat(pool.peakOverBudget()).isEqualTo(64 * minimum);
                parts.finish();
                assertThat(pool.used()).isEqualTo(pool.budget());
            }
        }
    }

    /**
     * The smallest partition buffers follow the budget and the tasks running at once, so that set operations and
     * spilled broadcasts (16 partitions per side, charged now) fit a small budget shared by many tasks.
     */
    @Test void minimumPartitionBuffersFollowTheBudgetAndTheTasks() {
        try (MemoryPool small = new MemoryPool(1 << 20, dir, 10); MemoryPool large = new MemoryPool(16 << 20, dir, 10)) {
            small.taskSlots(7);
            large.taskSlots(2);
            assertThat(SpillPartitions.minBlockBytes(small, 16)).isEqualTo((1 << 20) / 4 / (16 * 7));
            // -Xmx64m's budget on two cores keeps 16 KiB blocks even at the largest fan-out
            assertThat(SpillPartitions.minBlockBytes(large, 128)).isEqualTo(SpillPartitions.MIN_BLOCK_BYTES);
            assertThat(SpillPartitions.minBlockBytes(new MemoryPool(64 << 10, dir, 10), 128)).isEqualTo(SpillPartitions.FLOOR_BLOCK_BYTES);
        }
    }

    /** A sort that spilled everything keeps its runs' first keys charged while its outputs are read, until it is released. */
    @Test void aSpilledSortChargesItsFirstKeys() {
        int rows = 40_000;
        try (MemoryPool pool = new MemoryPool(64 << 10, dir, 2_000)) {
            SortExec sort = new SortExec(scan(rows, 5_000), List.of(SortOrder.asc(new BoundColumn(1, "v", DataTypes.INT, false))), pool, 1024, 2);
            List<Long> usedWhileReading = new ArrayList<>();
            List<Integer> values = new ArrayList<>();
            List<List<Integer>> byPartition = new ArrayList<>(List.of(new ArrayList<>(), new ArrayList<>()));
            try (Scheduler scheduler = new Scheduler(1)) {
                scheduler.run(sort, "test", 0, (partition, stream, ctx) -> {
                    for (Batch b = stream.next(); b != null; b = stream.next()) {
                        synchronized (usedWhileReading) {
                            usedWhileReading.add(pool.used());
                        }
                        for (int r = 0; r < b.rowCount(); r++) byPartition.get(partition).add(b.column(1).getInt(r));
                    }
                });
            }
            values.addAll(byPartition.get(0));
            values.addAll(byPartition.get(1));
            assertThat(values).hasSize(rows).isSorted();
            assertThat(pool.spills().bytesWritten()).isPositive();
            // every run is on disk while the outputs are read: before, nothing was charged then
            assertThat(usedWhileReading).allSatisfy(u -> assertThat(u).isPositive());
            assertThat(pool.used()).isZero();
            assertThat(pool.spills().liveFiles()).isZero();
        }
    }

    /**
     * The index a spilled global sort keeps to read its runs by key range does not grow with the input: 8 times the
     * rows (8 times the blocks) hold an index no larger. Before, it kept one key per block (charged past the budget).
     */
    @Test void aSpilledSortsIndexDoesNotGrowWithTheInput() {
        long[] small = sortIndex(50_000);
        long[] large = sortIndex(400_000);
        assertThat(large[1]).isGreaterThan(6 * small[1]);   // blocks of the runs read by key range
        assertThat(small[0]).isPositive();
        // bounded by the runs read at once (at most 16) times BlockIndex.maxBytes (here its floor of 16 entries)
        assertThat(large[0]).isLessThanOrEqualTo(2 * small[0]);
        assertThat(large[0]).isLessThan(large[1] * 8);   // far below one int key (8 bytes at least) per block
    }

    /** Sorts {@code rows} rows under a 64 KiB budget: {index bytes, blocks indexed} while the outputs are read. */
    private long[] sortIndex(int rows) {
        try (MemoryPool pool = new MemoryPool(64 << 10, dir, 2_000)) {
            SortExec sort = new SortExec(scan(rows, 25_000), List.of(SortOrder.asc(new BoundColumn(1, "v", DataTypes.INT, false))), pool, 1024, 2);
            long[] seen = new long[2];
            long[] count = new long[1];
            try (Scheduler scheduler = new Scheduler(1)) {
                scheduler.run(sort, "test", 0, (partition, stream, ctx) -> {
                    for (Batch b = stream.next(); b != null; b = stream.next()) {
                        synchronized (seen) {
                            seen[0] = Math.max(seen[0], sort.indexBytes());
                            seen[1] = Math.max(seen[1], sort.indexedBlocks());
                            count[0] += b.rowCount();
                        }
                    }
                });
            }
            assertThat(count[0]).isEqualTo(rows);
            assertThat(pool.used()).isZero();
            assertThat(pool.spills().liveFiles()).isZero();
            return seen;
        }
    }
}
