package dev.sluice.exec;

import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.SpillFile;
import dev.sluice.memory.SpillListener;
import dev.sluice.types.DataType;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Grace hash partitions: fan-out chosen from the budget and the rows that fit, rows gathered into large blocks. */
class SpillPartitionsTest {
    @TempDir Path dir;

    private static final StructType SCHEMA = StructType.fromDDL("k BIGINT, s STRING");

    private static Batch batch(int from, int n) {
        List<Object> keys = new ArrayList<>();
        List<Object> strings = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            keys.add(i % 97 == 5 ? null : (long) i);
            strings.add("value-" + i);
        }
        return new Batch(new ColumnVector[] {Vectors.of(SCHEMA.field(0).dataType(), keys), Vectors.of(SCHEMA.field(1).dataType(), strings)}, n);
    }

    @Test void theFirstFanOutGrowsWithTheBudget() {
        assertThat(SpillPartitions.firstFanout(new MemoryPool(1 << 20, dir, 10))).isEqualTo(16);
        assertThat(SpillPartitions.firstFanout(new MemoryPool(4 << 20, dir, 10))).isEqualTo(32);
        assertThat(SpillPartitions.firstFanout(new MemoryPool(16 << 20, dir, 10))).as("-Xmx64m's budget").isEqualTo(128);
        assertThat(SpillPartitions.firstFanout(new MemoryPool(1L << 32, dir, 10))).isEqualTo(SpillPartitions.MAX_FANOUT);
    }

    @Test void aRecursiveFanOutIsWhatTheRowsThatFitCallFor() {
        assertThat(SpillPartitions.fanoutFor(1_000, 1_000)).isEqualTo(2);
        assertThat(SpillPartitions.fanoutFor(100_000, 10_000)).as("15 with the margin").isEqualTo(16);
        assertThat(SpillPartitions.fanoutFor(312_000, 70_000)).isEqualTo(8);
        assertThat(SpillPartitions.fanoutFor(10_000_000, 1)).isEqualTo(SpillPartitions.MAX_FANOUT);
    }

    /** Small batches spread over many partitions still make large blocks; each partition keeps its rows' order. */
    @Test void rowsAreGatheredIntoLargeBlocksInOrder() {
        try (MemoryPool pool = new MemoryPool(16 << 20, dir, 10);
             SpillPartitions parts = new SpillPartitions(pool.spills(), SpillListener.NONE, "test", 1, 64, pool)) {
            int batches = 400, rowsPerBatch = 50;   // under one row per partition and batch
            for (int b = 0; b < batches; b++) {
                Batch batch = batch(b * rowsPerBatch, rowsPerBatch);
                parts.add(batch, new ColumnVector[] {batch.column(0)}, new DataType[] {SCHEMA.field(0).dataType()});
            }
            parts.finish();
            assertThat(pool.used()).as("the buffers are given back").isZero();
            long rows = 0, blocks = 0;
            Set<Long> seen = new HashSet<>();
            for (int p = 0; p < parts.fanout(); p++) {
                SpillFile f = parts.get(p);
                if (f == null) continue;
                blocks += f.blockCount();
                long last = Long.MIN_VALUE;
                try (SpillFile.Reader reader = f.reader(SCHEMA)) {
                    for (Batch b = reader.next(); b != null; b = reader.next()) {
                        for (int r = 0; r < b.rowCount(); r++) {
                            long order = Long.parseLong(b.column(1).getObject(r).toString().substring("value-".length()));
                            assertThat(order).as("rows of a partition in the order they were added").isGreaterThan(last);
                            last = order;
                            assertThat(seen.add(order)).isTrue();
                            if (!b.column(0).isNull(r)) assertThat(b.column(0).getLong(r)).isEqualTo(order);
                        }
                        rows += b.rowCount();
                    }
                }
            }
            assertThat(rows).isEqualTo((long) batches * rowsPerBatch);
            // one block per partition and batch would be about 20,000 blocks; gathered, each partition writes one
            assertThat(blocks).isLessThanOrEqualTo(parts.fanout());
            // equal keys land in one partition: NULL keys too
            int nullPartitions = 0;
            for (int p = 0; p < parts.fanout(); p++) {
                SpillFile f = parts.get(p);
                if (f == null) continue;
                try (SpillFile.Reader reader = f.reader(SCHEMA)) {
                    boolean hasNull = false;
                    for (Batch b = reader.next(); b != null; b = reader.next()) {
                        for (int r = 0; r < b.rowCount(); r++) hasNull |= b.column(0).isNull(r);
                    }
                    if (hasNull) nullPartitions++;
                }
            }
            assertThat(nullPartitions).isEqualTo(1);
        }
    }
}
