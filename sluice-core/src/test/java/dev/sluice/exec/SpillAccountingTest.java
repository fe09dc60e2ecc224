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
                assertThat(pool.used()).isEqualTo(pool.budget() + 64 * SpillPartitions.MIN_BLOCK_BYTES);
                // what a charge took past the budget is accounted
                assertThat(pool.peakOverBudget()).isEqualTo(64 * SpillPartitions.MIN_BLOCK_BYTES);
                parts.finish();
                assertThat(pool.used()).isEqualTo(pool.budget());
            }
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
     * The runs a spilled sort's output partitions merge are read at once, each reader holding a decoded block and a
     * stream buffer: charged while the partition is read (before, only the runs' first keys were).
     */
    @Test void aSpilledSortChargesTheReadersOfTheRunsItMerges() {
        // blocks of 1,024 rows (the budget is large enough), so the runs' first keys are a few KiB
        int rows = 400_000;
        try (MemoryPool pool = new MemoryPool(4 << 20, dir, 2_000)) {
            SortExec sort = new SortExec(scan(rows, 50_000), List.of(SortOrder.asc(new BoundColumn(1, "v", DataTypes.INT, false))), pool, 1024, 2);
            List<Long> usedWhileReading = new ArrayList<>();
            List<Integer> values = new ArrayList<>();
            try (Scheduler scheduler = new Scheduler(1)) {
                scheduler.run(sort, "test", 0, (partition, stream, ctx) -> {
                    for (Batch b = stream.next(); b != null; b = stream.next()) {
                        synchronized (usedWhileReading) {
                            usedWhileReading.add(pool.used());
                            for (int r = 0; r < b.rowCount(); r++) values.add(b.column(1).getInt(r));
                        }
                    }
                });
            }
            assertThat(values).hasSize(rows);
            assertThat(usedWhileReading).allSatisfy(u -> assertThat(u).isGreaterThanOrEqualTo(READERS_OF_TWO_RUNS));
            assertThat(pool.used()).isZero();
            assertThat(pool.spills().liveFiles()).isZero();
        }
    }

    /**
     * A sortWithinPartitions that spilled many runs merges them in passes of the budget's fan-in, the readers charged:
     * before, it opened every run at once (here about a hundred) outside the budget.
     */
    @Test void sortWithinPartitionsMergesAtMostTheBudgetsFanInAtOnce() {
        int rows = 400_000;
        try (MemoryPool pool = new MemoryPool(4 << 20, dir, 2_000)) {
            SortWithinPartitionsExec sort = new SortWithinPartitionsExec(scan(rows, rows),
                    List.of(SortOrder.asc(new BoundColumn(1, "v", DataTypes.INT, false))), pool, 1024);
            List<Long> usedWhileReading = new ArrayList<>();
            List<Integer> values = new ArrayList<>();
            try (Scheduler scheduler = new Scheduler(1)) {
                scheduler.run(sort, "test", 0, (partition, stream, ctx) -> {
                    for (Batch b = stream.next(); b != null; b = stream.next()) {
                        usedWhileReading.add(pool.used());
                        for (int r = 0; r < b.rowCount(); r++) values.add(b.column(1).getInt(r));
                    }
                });
            }
            assertThat(values).hasSize(rows).isSorted();
            // the final merge's readers are charged: at least two runs' stream buffers
            assertThat(usedWhileReading).allSatisfy(u -> assertThat(u).isGreaterThanOrEqualTo(READERS_OF_TWO_RUNS));
            assertThat(pool.used()).isZero();
            assertThat(pool.spills().liveFiles()).isZero();
        }
    }

    /** Two runs' readers at least: two stream buffers and two decoded blocks of 1,024 rows of at least an int each. */
    private static final long READERS_OF_TWO_RUNS = 2L * (dev.sluice.memory.SpillFile.READ_BUFFER_BYTES + 4 * SpilledRun.BLOCK_ROWS);

    /** The fan-in and the spilled block size follow the budget. */
    @Test void fanInAndBlockRowsFollowTheBudget() {
        assertThat(SpilledRun.blockRows(1L << 20, 80)).isEqualTo((int) ((1L << 20) / 64 / 80));
        assertThat(SpilledRun.blockRows(256L << 20, 80)).isEqualTo(SpilledRun.BLOCK_ROWS);
        assertThat(SpilledRun.blockRows(1L << 10, 1000)).isEqualTo(SpilledRun.MIN_BLOCK_ROWS);
        // rows of 80 bytes: blocks of 204 rows (16 KiB) at 1 MiB, of 1,024 (80 KiB) at 16 MiB and more
        assertThat(MergeFanIn.of(1L << 20, 20L << 10)).isEqualTo(MergeFanIn.MIN);
        assertThat(MergeFanIn.of(16L << 20, 84L << 10)).isEqualTo(6);
        assertThat(MergeFanIn.of(256L << 20, 84L << 10)).isEqualTo(MergeFanIn.MAX);
    }
}
