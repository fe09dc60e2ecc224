package dev.sluice.badinput;

import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.exec.JobListener;
import dev.sluice.types.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A hundred thousand tiny files: one task per file made a hundred thousand tasks (and as many progress events and
 * task timings); small files now share tasks (SplitPacking), and errors still name the file they come from.
 */
class ManyTinyFilesTest {
    static final int FILES = 100_000;
    @TempDir static Path dir;
    static Path tiny;
    static Sluice sluice;
    static final List<Integer> tasksPerJob = new CopyOnWriteArrayList<>();

    @BeforeAll static void start() throws IOException {
        tiny = Files.createDirectories(dir.resolve("tiny"));
        for (int i = 0; i < FILES; i++) {
            // every tenth file is empty; the others hold one record
            Files.writeString(tiny.resolve(String.format("f%06d.json", i)), i % 10 == 0 ? "" : "{\"i\":" + i + "}\n");
        }
        sluice = Sluice.builder().parallelism(2).listener(new JobListener() {
            @Override public void onJobStart(long jobId, String description, int totalTasks, long totalBytes) { tasksPerJob.add(totalTasks); }
        }).build();
    }

    @AfterAll static void stop() { sluice.close(); }

    @Test void aHundredThousandTinyFilesAreCountedInAFewThousandTasks() {
        tasksPerJob.clear();
        long start = System.nanoTime();
        long count = sluice.read().schema("i INT").json(tiny.toString()).count();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(count).isEqualTo(FILES - FILES / 10);
        // 90,000 non-empty files of ~10 bytes, 31 to a task (1 MiB open cost each in 32 MiB)
        assertThat(tasksPerJob).isNotEmpty().allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(3_000));
        assertThat(millis).as("milliseconds to count").isLessThan(120_000);
    }

    @Test void aBadRecordInOneOfThemIsNamedByItsOwnFile() throws IOException {
        Path d = Files.createDirectories(dir.resolve("one-bad"));
        for (int i = 0; i < 500; i++) Files.writeString(d.resolve(String.format("g%04d.json", i)), i == 317 ? "{\"i\":x}\n" : "{\"i\":" + i + "}\n");
        assertThatThrownBy(() -> sluice.read().schema("i INT").option("mode", "FAILFAST").json(d.toString()).collect())
                .isInstanceOfSatisfying(SluiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_RECORD);
                    assertThat(e.fact("location")).endsWith("g0317.json:1");
                });
        assertThat(sluice.read().schema("i INT").option("mode", "DROPMALFORMED").json(d.toString()).count()).isEqualTo(499);
        // rows come in file order, with an inferred schema too
        List<Row> rows = sluice.read().option("mode", "DROPMALFORMED").json(d.toString()).filter(col("i").lt(400)).collect();
        assertThat(rows).extracting(r -> ((Number) r.get(0)).intValue())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 400).filter(i -> i != 317).boxed().toList());
    }

    @Test void partitionDirectoriesOfTinyFilesKeepTheirValues() throws IOException {
        Path d = dir.resolve("parts");
        for (int p = 0; p < 3; p++) {
            Path part = Files.createDirectories(d.resolve("p=" + p));
            for (int i = 0; i < 50; i++) Files.writeString(part.resolve("f" + i + ".csv"), p + "," + i + "\n");
        }
        List<Row> rows = sluice.read().schema("a INT, b INT, p INT").csv(d.toString()).collect();
        assertThat(rows).hasSize(150).allSatisfy(r -> assertThat(r.get(2)).isEqualTo(r.get(0)));
    }
}
