package dev.sluice.io.parquet;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
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
