package dev.sluice.memory;

import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.BatchSizes;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Spill blocks and codec buffers stay below half a G1 region (humongous allocations), and only under G1. */
class HeapRegionsTest {
    @TempDir Path base;

    private static final StructType SCHEMA = StructType.fromDDL("i INT, s STRING");

    private static Batch wide(int rows, int width) {
        List<Object> ints = new ArrayList<>();
        List<Object> strings = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            ints.add(r);
            strings.add(r + ":" + "x".repeat(width));
        }
        return new Batch(new ColumnVector[] {Vectors.of(SCHEMA.field(0).dataType(), ints), Vectors.of(SCHEMA.field(1).dataType(), strings)}, rows);
    }

    @Test void underG1BuffersStayBelowHalfARegion() {
        long oneMiB = 1 << 20;
        assertThat(HeapRegions.bufferLimit(true, oneMiB)).isLessThan(oneMiB / 2).isGreaterThan(oneMiB / 4);
        assertThat(HeapRegions.bufferLimit(true, 32 * oneMiB)).isLessThan(16 * oneMiB);
        assertThat(HeapRegions.blockLimit(HeapRegions.bufferLimit(true, oneMiB))).isLessThanOrEqualTo(oneMiB / 4);
        // other collectors have no humongous objects: no cap
        assertThat(HeapRegions.bufferLimit(false, oneMiB)).isEqualTo(Long.MAX_VALUE);
        assertThat(HeapRegions.bufferLimit(true, 0)).isEqualTo(Long.MAX_VALUE);
        assertThat(HeapRegions.blockLimit(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }

    @Test void aGrowingBufferDoublesUpToTheLimitOnly() {
        long limit = 500_000;
        assertThat(HeapRegions.grownCapacity(64 << 10, 70_000, limit)).isEqualTo(128 << 10);
        assertThat(HeapRegions.grownCapacity(256 << 10, 300_000, limit)).isEqualTo(limit);   // doubled would be 512 KiB
        assertThat(HeapRegions.grownCapacity(256 << 10, 600_000, limit)).isEqualTo(600_000);  // a block that cannot fit
        assertThat(HeapRegions.grownCapacity(64 << 10, 70_000, Long.MAX_VALUE)).isEqualTo(128 << 10);
    }

    @Test void theRegionSizeOfThisJvmIsRead() {
        if (HeapRegions.g1InUse()) {
            long region = HeapRegions.g1RegionSize();
            assertThat(region).isPositive();
            assertThat(Long.bitCount(region)).isEqualTo(1);
            assertThat(HeapRegions.BUFFER_LIMIT).isLessThan(region / 2);
        } else {
            assertThat(HeapRegions.BUFFER_LIMIT).isEqualTo(Long.MAX_VALUE);
        }
    }

    /** A batch larger than the block limit is written as several blocks of consecutive rows, read back whole and in order. */
    @Test void aLargeBatchIsWrittenAsSeveralBlocks() {
        try (SpillManager manager = new SpillManager(base)) {
            Batch batch = wide(2_000, 200);
            long limit = 64 << 10;
            assertThat(BatchSizes.estimate(batch)).isGreaterThan(4 * limit);
            SpillFile file = manager.newFile("test", SpillListener.NONE);
            file.write(batch, limit);
            file.write(wide(10, 5), limit);
            assertThat(file.blockCount()).isGreaterThan(5);
            int rows = 0;
            List<Object> read = new ArrayList<>();
            try (SpillFile.Reader reader = file.reader(SCHEMA)) {
                for (Batch b = reader.next(); b != null; b = reader.next()) {
                    assertThat(BatchSizes.estimate(b)).isLessThanOrEqualTo(limit);
                    for (int r = 0; r < b.rowCount(); r++) read.add(b.column(0).getObject(r));
                    rows += b.rowCount();
                }
            }
            assertThat(rows).isEqualTo(2_010);
            for (int r = 0; r < 2_000; r++) assertThat(read.get(r)).isEqualTo(r);
            int total = 0;
            for (int b = 0; b < file.blockCount(); b++) total += file.blockRows(b);
            assertThat(total).isEqualTo(2_010);
            file.delete();
        }
    }

    /** Under G1 (the test JVM's collector), a block the writer hands over larger than the limit is cut anyway. */
    @Test void theDefaultWriteCutsBlocksUnderG1Only() {
        try (SpillManager manager = new SpillManager(base)) {
            Batch batch = wide(4_096, 300);   // about 1.2 MiB
            SpillFile file = manager.newFile("test", SpillListener.NONE);
            file.write(batch);
            if (HeapRegions.BLOCK_LIMIT == Long.MAX_VALUE) assertThat(file.blockCount()).isEqualTo(1);
            else assertThat(file.blockCount()).isGreaterThanOrEqualTo((int) (BatchSizes.estimate(batch) / HeapRegions.BLOCK_LIMIT));
            assertThat(file.rows()).isEqualTo(4_096);
            // the codec's buffer for a block below the limit never grows to half a region
            BatchCodec.Buffer buffer = new BatchCodec.Buffer(64 << 10);
            BatchCodec.encode(wide(800, 300), buffer);
            if (HeapRegions.BUFFER_LIMIT != Long.MAX_VALUE) assertThat((long) buffer.array().length).isLessThanOrEqualTo(HeapRegions.BUFFER_LIMIT);
            file.delete();
        }
    }
}
