package dev.sluice.io.parquet;

import dev.sluice.exec.JobListener;
import dev.sluice.Sluice;
import dev.sluice.types.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.sluice.functions.col;
import static dev.sluice.functions.input_file_name;
import static org.assertj.core.api.Assertions.assertThat;

/** Small Parquet files share scan tasks as small text files do, and each row still names its own file. */
class ParquetSmallFilesTest {
    @TempDir Path dir;

    @Test void manySmallFilesShareTasksAndKeepTheirFileNames() throws IOException {
        List<Integer> tasksPerJob = new CopyOnWriteArrayList<>();
        try (Sluice sluice = Sluice.builder().parallelism(2).listener(new JobListener() {
            @Override public void onJobStart(long jobId, String description, int totalTasks, long totalBytes) { tasksPerJob.add(totalTasks); }
        }).build()) {
            String out = dir.resolve("small").toString();
            sluice.range(0, 200, 1, 200).write().parquet(out);
            long files;
            try (var listing = Files.list(Path.of(out))) { files = listing.filter(p -> p.toString().endsWith(".parquet")).count(); }
            assertThat(files).isGreaterThanOrEqualTo(100);

            tasksPerJob.clear();
            List<Row> rows = sluice.read().parquet(out).select(col("id"), input_file_name().as("file")).collect();
            assertThat(rows).hasSize(200);
            assertThat(tasksPerJob).isNotEmpty().allSatisfy(n -> assertThat(n).isLessThan(10));
            // every row names the file that holds it: as many distinct names as files, each an existing file
            assertThat(rows.stream().map(r -> (String) r.get(1)).distinct().count()).isEqualTo(files);
            assertThat(rows).allSatisfy(r -> assertThat((String) r.get(1)).contains("part-"));
        }
    }
}
