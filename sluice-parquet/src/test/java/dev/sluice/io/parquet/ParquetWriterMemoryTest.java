package dev.sluice.io.parquet;

import dev.sluice.io.WriteBufferMemory;
import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.io.WriteMemory;
import dev.sluice.types.Row;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.md5;
import static org.assertj.core.api.Assertions.assertThat;

/** The Parquet writer's row group is held in the heap, so it is reserved from the memory budget and sized to it. */
class ParquetWriterMemoryTest {
    @TempDir Path dir;

    /** A budget of {@code limit} bytes that records what is held. */
    static final class Budget implements WriteMemory {
        final long limit;
        long held;
        long peak;
        int waitingReservations;

        Budget(long limit) { this.limit = limit; }

        @Override public boolean tryReserve(long bytes) {
            if (held + bytes > limit) return false;
            add(bytes);
            return true;
        }

        @Override public void reserve(long bytes) {
            waitingReservations++;
            add(bytes);
        }

        @Override public void release(long bytes) {
            assertThat(bytes).isLessThanOrEqualTo(held);
            held -= bytes;
        }

        private void add(long bytes) {
            held += bytes;
            peak = Math.max(peak, held);
        }
    }

    @Test void rowGroupIsSizedToWhatTheBudgetGrants() {
        Budget budget = new Budget(5L << 20);
        WriteBufferMemory memory = new WriteBufferMemory(budget);
        long size = memory.reserveBuffer(128L << 20);
        assertThat(size).isEqualTo(2L << 20);   // 128 MiB halved until its heap (twice the size) fits in 5 MiB
        assertThat(budget.held).isEqualTo(memory.reserved()).isEqualTo(4L << 20);
        memory.cover(1L << 20);                 // below the reservation: nothing more
        assertThat(budget.held).isEqualTo(4L << 20);
        memory.cover(3L << 20);                 // the writer overshot: the reservation follows it
        assertThat(budget.held).isEqualTo(6L << 20);
        memory.close();
        assertThat(budget.held).isZero();
    }

    @Test void refusedWriterFallsBackToTheSmallestRowGroupAndReservesItAnyway() {
        Budget budget = new Budget(0);
        WriteBufferMemory memory = new WriteBufferMemory(budget);
        assertThat(memory.reserveBuffer(8L << 20)).isEqualTo(WriteBufferMemory.MIN_BUFFER);
        assertThat(budget.waitingReservations).isEqualTo(1);
        assertThat(budget.held).isEqualTo(2 * WriteBufferMemory.MIN_BUFFER);
        memory.close();
        assertThat(budget.held).isZero();
    }

    /**
     * A sort written as Parquet under a 4 MiB budget with the default 128 MiB row group: the writer's buffer
     * comes out of the budget, so it writes several small row groups instead of holding the whole output in the
     * heap beside the sort; the rows come back in order.
     */
    @Test void sortedWriteUnderATinyBudgetCutsRowGroupsToTheBudget() throws IOException {
        Path out = dir.resolve("sorted");
        int rows = 200_000;
        try (Sluice sluice = Sluice.builder().parallelism(1).memoryBudget(4L << 20).build()) {
            DataFrame df = sluice.range(rows).select(col("id"), md5(col("id").cast("string")).as("h"));
            df.orderBy(col("h")).write().parquet(out.toString());
            List<Path> files = ParquetRoundTripTest.dataFiles(out);
            int groups = 0;
            for (Path f : files) {
                for (BlockMetaData g : ParquetRoundTripTest.footer(f).getBlocks()) {
                    assertThat(g.getTotalByteSize()).isLessThan(4L << 20);
                    groups++;
                }
            }
            assertThat(groups).isGreaterThan(files.size());   // with the 128 MiB default, one group per file
            List<Row> back = sluice.read().parquet(out.toString()).orderBy(col("h")).collect();
            List<Row> expected = df.orderBy(col("h")).collect();
            assertThat(back).isEqualTo(expected);
        }
    }
}
