package dev.sluice.exec;

import dev.sluice.expr.BoundColumn;
import dev.sluice.expr.SortOrder;
import dev.sluice.io.MemorySource;
import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.Reservation;
import dev.sluice.memory.SpillFile;
import dev.sluice.memory.SpillListener;
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
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The readers of a k-way merge of spilled runs are reserved from the pool, and their number follows the budget. */
class MergeReadersTest {
    @TempDir Path dir;

    private static final StructType SCHEMA = StructType.fromDDL("k INT, pos INT, pad STRING");
    private static final List<SortOrder> ORDERS = List.of(SortOrder.asc(new BoundColumn(0, "k", DataTypes.INT, false)));

    @Test void blocksAreCappedSoTheFanInStaysHighAtSixteenMebibytes() {
        assertThat(MergeReaders.blockBytes(16L << 20)).isEqualTo(64 << 10);
        assertThat(MergeReaders.blockBytes(1L << 20)).isEqualTo(16 << 10);
        long reader = (64 << 10) + 1024 * 20 + MergeReaders.READ_BUFFER;   // a full block of 1,024 rows
        // two tasks merging at once under -Xmx64m's budget: more than 7 runs each (the reverted attempt gave 2)
        assertThat(MergeReaders.fanIn(16L << 20, reader, 2)).isBetween(8, 16);
        assertThat(MergeReaders.fanIn(16L << 20, reader, 1)).isEqualTo(16);
        assertThat(MergeReaders.fanIn(1L << 20, reader, 7)).isEqualTo(2);
        // more tasks merging at once: a smaller share each
        assertThat(MergeReaders.fanIn(64L << 20, reader, 8)).isLessThan(MergeReaders.fanIn(64L << 20, reader, 2));
    }

    /**
     * A global sort's merges take a quarter of the budget, up to 32 runs (its output tasks hold nothing else of the
     * sort), the window's and sortWithinPartitions' an eighth, up to 16 (their chunks share the task's memory).
     */
    @Test void aGlobalSortsMergesReadMoreRunsAtOnceThanAMergeInsideATask() {
        long reader = (64 << 10) + 1024 * 20 + MergeReaders.READ_BUFFER;
        int inTask = MergeReaders.fanIn(16L << 20, reader, 2);
        int global = MergeReaders.fanIn(16L << 20, reader, 2, MergeReaders.Share.GLOBAL_SORT);
        assertThat(global).isGreaterThanOrEqualTo(2 * inTask - 1).isLessThanOrEqualTo(MergeReaders.MAX_GLOBAL_FAN_IN);
        assertThat(MergeReaders.fanIn(64L << 20, reader, 1, MergeReaders.Share.GLOBAL_SORT)).isEqualTo(32);
        assertThat(MergeReaders.fanIn(1L << 20, reader, 7, MergeReaders.Share.GLOBAL_SORT)).isEqualTo(2);
    }

    /** Rows with a pad so that a run's 1,024-row blocks are cut at the block cap. */
    private static ScanExec scan(int rows, int rowsPerSplit) {
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) data.add(Row.of(SCHEMA, (int) ((i * 7919L) % 500), i, "pad-" + "x".repeat(40)));
        MemorySource source = new MemorySource(SCHEMA, data, rowsPerSplit);
        return new ScanExec(source, source.splits(), SCHEMA, List.of());
    }

    /**
     * A sort within partitions that spilled many runs under a small budget: the merge reserves its readers (the pool
     * counts a merging task while it is read, and never passes the budget), merges more runs than it may read at
     * once in passes, and the output is a stable sort. Before, every run was opened at once outside the budget.
     */
    @Test void sortWithinPartitionsMergesInPassesWithItsReadersReserved() {
        int rows = 60_000;
        try (MemoryPool pool = new MemoryPool(256 << 10, dir, 2_000)) {
            SortWithinPartitionsExec sort = new SortWithinPartitionsExec(scan(rows, rows), ORDERS, pool, 1024);
            List<Integer> merging = new ArrayList<>();
            List<int[]> out = new ArrayList<>();
            try (Scheduler scheduler = new Scheduler(1)) {
                scheduler.run(sort, "test", 0, (partition, stream, ctx) -> {
                    for (Batch b = stream.next(); b != null; b = stream.next()) {
                        merging.add(pool.mergingTasks(null));
                        for (int r = 0; r < b.rowCount(); r++) out.add(new int[] {b.column(0).getInt(r), b.column(1).getInt(r)});
                    }
                });
            }
            assertThat(out).hasSize(rows);
            for (int i = 1; i < rows; i++) {
                int[] a = out.get(i - 1), b = out.get(i);
                assertThat(a[0] < b[0] || (a[0] == b[0] && a[1] < b[1])).as("row %d", i).isTrue();   // stable
            }
            assertThat(merging).allSatisfy(n -> assertThat(n).isEqualTo(1));
            assertThat(pool.peakOverBudget()).isZero();
            assertThat(pool.used()).isZero();
            assertThat(pool.spills().liveFiles()).isZero();
        }
    }

    /** A merge that cannot get even two readers waits for memory that a running task releases, then merges. */
    @Test void aMergeWithoutRoomForTwoReadersWaitsForMemory() throws Exception {
        try (MemoryPool pool = new MemoryPool(256 << 10, dir, 10_000)) {
            List<SpilledRun> runs = new ArrayList<>();
            for (int r = 0; r < 3; r++) runs.add(run(pool, r, r, 2_000));
            AtomicBoolean holding = new AtomicBoolean();
            Thread other = new Thread(() -> {
                try (Reservation all = pool.newReservation("another task")) {
                    all.grow(pool.budget() - pool.used());
                    holding.set(true);
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            other.start();
            while (!holding.get()) Thread.onSpinWait();
            long start = System.nanoTime();
            MergeReaders.Sort sort = new MergeReaders.Sort(SCHEMA, ORDERS, new RowOrdering(ORDERS), pool, SpillListener.NONE, "test-merge");
            TaskContext ctx = new TaskContext(1, 0, new AtomicBoolean(), null);
            long rows = 0;
            int last = Integer.MIN_VALUE;
            try (RunMerger merger = MergeReaders.open(runs, null, null, sort, ctx, 1024, true)) {
                assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(200);   // it waited
                assertThat(pool.mergingTasks(null)).isEqualTo(1);
                for (Batch b = merger.next(); b != null; b = merger.next()) {
                    for (int r = 0; r < b.rowCount(); r++) {
                        assertThat(b.column(0).getInt(r)).isGreaterThanOrEqualTo(last);
                        last = b.column(0).getInt(r);
                    }
                    rows += b.rowCount();
                }
            }
            other.join();
            for (SpilledRun r : runs) r.file.delete();   // the caller's runs
            assertThat(rows).isEqualTo(6_000);
            assertThat(pool.used()).isZero();
            assertThat(pool.spills().liveFiles()).isZero();
        }
    }

    /** More runs than the task may read at once: consecutive groups are merged into runs of its own first, stably. */
    @Test void moreRunsThanReadersMergeInPassesInsideTheTask() {
        try (MemoryPool pool = new MemoryPool(96 << 10, dir, 2_000)) {
            List<SpilledRun> runs = new ArrayList<>();
            for (int r = 0; r < 20; r++) runs.add(run(pool, r % 3, r, 1_500));
            int[] merged = new int[1];
            SpillListener written = (bytes, nanos, newFile) -> {
                if (newFile) merged[0]++;
            };
            MergeReaders.Sort sort = new MergeReaders.Sort(SCHEMA, ORDERS, new RowOrdering(ORDERS), pool, written, "test-merge");
            assertThat(MergeReaders.fanIn(pool.budget(), MergeReaders.readerBytes(runs), 1)).isLessThan(runs.size());
            List<int[]> out = new ArrayList<>();
            try (RunMerger merger = MergeReaders.open(runs, null, null, sort, new TaskContext(1, 0, new AtomicBoolean(), null), 1024, false)) {
                assertThat(pool.used()).isPositive().isLessThanOrEqualTo(pool.budget());
                for (Batch b = merger.next(); b != null; b = merger.next()) {
                    for (int r = 0; r < b.rowCount(); r++) out.add(new int[] {b.column(0).getInt(r), b.column(1).getInt(r)});
                }
            }
            assertThat(merged[0]).isPositive();
            assertThat(out).hasSize(20 * 1_500);
            // equal keys (runs 0, 3, 6... share theirs) keep the runs' order: positions are run * 10,000 + row
            int[] previous = null;
            for (int[] row : out) {
                if (previous != null) {
                    assertThat(row[0]).isGreaterThanOrEqualTo(previous[0]);
                    if (row[0] == previous[0]) assertThat(row[1]).isGreaterThan(previous[1]);
                }
                previous = row;
            }
            assertThat(pool.used()).isZero();
            assertThat(pool.peakOverBudget()).isZero();
            for (SpilledRun r : runs) r.file.delete();
            assertThat(pool.spills().liveFiles()).isZero();
        }
    }

    /** A sorted run of keys {@code i * 3 + seed}, positions {@code index * 10,000 + i}. */
    private static SpilledRun run(MemoryPool pool, int seed, int index, int rows) {
        List<Object> k = new ArrayList<>(), pos = new ArrayList<>(), pad = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            k.add(i * 3 + seed);
            pos.add(index * 10_000 + i);
            pad.add("p" + i);
        }
        ColumnVector key = Vectors.of(DataTypes.INT, k);
        ColumnVector[] columns = {key, Vectors.of(DataTypes.INT, pos), Vectors.of(DataTypes.STRING, pad)};
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) order[i] = i;
        SpillFile file = pool.spills().newFile("test-run", SpillListener.NONE);
        return SpilledRun.write(file, SCHEMA, columns, new ColumnVector[] {key}, ORDERS, order, rows,
                MergeReaders.blockBytes(pool.budget()), 0);
    }
}
