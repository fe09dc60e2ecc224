package dev.sluice.exec;

import dev.sluice.expr.BoundColumn;
import dev.sluice.expr.SortOrder;
import dev.sluice.memory.HeapRegions;
import dev.sluice.memory.SpillFile;
import dev.sluice.memory.SpillListener;
import dev.sluice.memory.SpillManager;
import dev.sluice.types.DataTypes;
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
 * A sorted run's index holds the first keys of the blocks the file wrote (also when the file cut a large block,
 * under G1), sparser as the run grows: bounded whatever its length.
 */
class SpilledRunTest {
    @TempDir Path base;

    @Test void firstKeysFollowTheBlocksTheFileWrote() {
        StructType schema = StructType.fromDDL("k INT, s STRING");
        int rows = 3_000;
        List<Object> keys = new ArrayList<>();
        List<Object> strings = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            keys.add(rows - r);   // sorted by the order below: ascending keys
            strings.add("x".repeat(400));
        }
        ColumnVector k = Vectors.of(DataTypes.INT, keys);
        ColumnVector s = Vectors.of(DataTypes.STRING, strings);
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) order[i] = rows - 1 - i;
        List<SortOrder> orders = List.of(SortOrder.asc(new BoundColumn(0, "k", DataTypes.INT, false)));
        try (SpillManager manager = new SpillManager(base)) {
            SpillFile file = manager.newFile("run", SpillListener.NONE);
            SpilledRun run = SpilledRun.write(file, schema, new ColumnVector[] {k, s}, new ColumnVector[] {k}, orders, order, rows, Long.MAX_VALUE, 1 << 20);
            // blocks of 1,024 rows of about 400 KB: cut in two or more under G1's 1 MiB regions
            if (HeapRegions.BLOCK_LIMIT < 400_000) assertThat(run.blocks()).isGreaterThan(3);
            assertThat(run.index.stride()).isEqualTo(1);
            assertThat(run.index.entries()).isEqualTo(run.blocks());
            for (int b = 0; b < run.blocks(); b++) {
                try (SpillFile.Reader reader = file.reader(schema, b)) {
                    Batch first = reader.next();
                    assertThat(first.column(0).getObject(0)).isEqualTo(run.index.keys()[0].getObject(b));
                    assertThat(run.index.rows(b)).isEqualTo(first.rowCount());
                }
            }
            assertThat(run.rows).isEqualTo(rows);
            file.delete();
        }
    }

    private static final StructType KEYED = StructType.fromDDL("k INT, s STRING");
    private static final List<SortOrder> BY_K = List.of(SortOrder.asc(new BoundColumn(0, "k", DataTypes.INT, false)));

    /** Every block's first key, read from the run's file. */
    private static List<Integer> firstKeys(SpilledRun run) {
        List<Integer> keys = new ArrayList<>();
        try (SpillFile.Reader reader = run.file.reader(KEYED)) {
            for (Batch b = reader.next(); b != null; b = reader.next()) keys.add(b.column(0).getInt(0));
        }
        return keys;
    }

    /** A run of {@code rows} ascending keys (k = 2 * row) in small blocks. */
    private static SpilledRun run(SpillManager manager, int rows, long indexBytes) {
        List<Object> keys = new ArrayList<>();
        List<Object> strings = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            keys.add(2 * r);
            strings.add("row " + r);
        }
        ColumnVector k = Vectors.of(DataTypes.INT, keys);
        ColumnVector s = Vectors.of(DataTypes.STRING, strings);
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) order[i] = i;
        SpillFile file = manager.newFile("run", SpillListener.NONE);
        // a block limit far below the rows' size cuts each 1,024-row batch into many small blocks
        return SpilledRun.write(file, KEYED, new ColumnVector[] {k, s}, new ColumnVector[] {k}, BY_K, order, rows, 16 * 12, indexBytes);
    }

    /** The index thins itself past its bytes: a run 16 times longer holds an index no larger, only sparser. */
    @Test void theIndexStaysWithinItsBytesWhateverTheRunsLength() {
        long maxBytes = 4 << 10;
        try (SpillManager manager = new SpillManager(base)) {
            SpilledRun small = run(manager, 16 * 1024, maxBytes);
            SpilledRun large = run(manager, 16 * 16 * 1024, maxBytes);
            assertThat(small.blocks()).isGreaterThan(BlockIndex.MIN_ENTRIES * 2);
            assertThat(large.blocks()).isGreaterThanOrEqualTo(15 * small.blocks());
            for (SpilledRun r : List.of(small, large)) {
                assertThat(r.keyBytes()).isLessThanOrEqualTo(maxBytes + 64);
                List<Integer> blockKeys = firstKeys(r);
                long rows = 0;
                for (int e = 0; e < r.index.entries(); e++) {
                    rows += r.index.rows(e);
                    // entry e is the first key of block e * stride
                    assertThat(r.index.keys()[0].getInt(e)).isEqualTo(blockKeys.get(r.index.block(e)));
                }
                assertThat(rows).isEqualTo(r.rows);
            }
            assertThat(large.index.stride()).isGreaterThan(small.index.stride());
            // between half and all of its bytes, whatever the length: 16 times the blocks, not 16 times the entries
            assertThat(large.index.entries()).isLessThanOrEqualTo(2 * small.index.entries());
            small.file.delete();
            large.file.delete();
        }
    }

    /** A range read starts at the indexed block at or below its bound: at most stride - 1 blocks early, never late. */
    @Test void aRangeStartsAtTheLastIndexedBlockAtOrBelowItsBound() {
        try (SpillManager manager = new SpillManager(base)) {
            SpilledRun r = run(manager, 64 * 1024, 2 << 10);
            int stride = r.index.stride();
            assertThat(stride).isGreaterThan(1);
            RowOrdering ordering = new RowOrdering(BY_K);
            List<Integer> blockKeys = firstKeys(r);
            for (int bound : new int[] {-5, 0, 1, 31, 32, 33, 5_000, 77_777, 2 * 64 * 1024}) {
                ColumnVector[] keys = {Vectors.of(DataTypes.INT, List.of(bound))};
                int start = r.startBlock(ordering, keys, 0);
                int firstAbove = 0;   // the block holding the first key above the bound: the last one starting at or below it
                while (firstAbove + 1 < blockKeys.size() && blockKeys.get(firstAbove + 1) <= bound) firstAbove++;
                assertThat(start).as("bound %d", bound).isLessThanOrEqualTo(firstAbove).isGreaterThan(firstAbove - stride);
                assertThat(start % stride).isZero();
            }
            r.file.delete();
        }
    }

    /** An index read back from a run's file (a run written without one) holds the keys a written one would. */
    @Test void anIndexReadBackMatchesTheWrittenOne() {
        try (SpillManager manager = new SpillManager(base)) {
            SpilledRun written = run(manager, 16 * 1024, 1 << 20);
            SpilledRun bare = run(manager, 16 * 1024, 0);
            assertThat(bare.index).isNull();
            assertThat(bare.keyBytes()).isZero();
            SpilledRun read = bare.indexed(KEYED, BY_K, 1 << 20);
            assertThat(read.file).isSameAs(bare.file);
            // a read-back index reads about READ_ENTRIES blocks, not all of them
            assertThat(read.index.entries()).isLessThanOrEqualTo(BlockIndex.READ_ENTRIES);
            int ratio = read.index.stride() / written.index.stride();
            for (int e = 0; e < read.index.entries(); e++) {
                assertThat(read.index.keys()[0].getInt(e)).isEqualTo(written.index.keys()[0].getInt(e * ratio));
            }
            written.file.delete();
            bare.file.delete();
        }
    }
}
