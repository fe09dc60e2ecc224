package dev.sluice;

import dev.sluice.error.SluiceException;
import dev.sluice.io.CountingStorage;
import dev.sluice.types.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hive-style partition directories: discovered as typed columns, pruned by filters on them. */
class PartitionedDatasetTest {
    @TempDir Path dir;

    private void write(String relative, String... lines) throws IOException {
        Path f = dir.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.write(f, List.of(lines));
    }

    private void layout() throws IOException {
        write("year=2025/month=12/part-0.json", "{\"id\":1}", "{\"id\":2}");
        write("year=2026/month=1/part-0.json", "{\"id\":3}");
        write("year=2026/month=2/part-0.json", "{\"id\":4}", "{\"id\":5}");
        write("year=2026/month=" + "__HIVE_DEFAULT_PARTITION__" + "/part-0.json", "{\"id\":6}");
        write("_SUCCESS");
    }

    @Test void inferredSchemaAppendsTypedPartitionColumns() throws IOException {
        layout();
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            DataFrame df = sluice.read().json(dir.toString());
            assertThat(df.schema().simpleString()).isEqualTo("struct<id:bigint,year:int,month:int>");
            List<Row> rows = df.collect();
            assertThat(rows).extracting(Row::values).containsExactly(
                    List.of(1L, 2025, 12), List.of(2L, 2025, 12), List.of(3L, 2026, 1), List.of(4L, 2026, 2), List.of(5L, 2026, 2),
                    java.util.Arrays.asList(6L, 2026, null));
        }
    }

    @Test void filtersOnPartitionColumnsSkipWholeDirectories() throws IOException {
        layout();
        CountingStorage storage = CountingStorage.local();
        try (Sluice sluice = Sluice.builder().storage(storage).parallelism(2).build()) {
            DataFrame df = sluice.read().schema("id BIGINT, year INT, month INT").json(dir.toString());
            assertThat(storage.totalOpens()).isZero();
            List<Row> rows = df.filter(col("year").equalTo(2026).and(col("month").geq(2))).select(col("id")).collect();
            assertThat(rows).extracting(r -> r.get(0)).containsExactly(4L, 5L);
            assertThat(storage.opensByPath()).hasSize(1);
            assertThat(storage.opensByPath().keySet().iterator().next()).contains("month=2");
        }
    }

    @Test void aUserSchemaTypesThePartitionColumns() throws IOException {
        layout();
        try (Sluice sluice = Sluice.builder().build()) {
            DataFrame df = sluice.read().schema("year STRING, id BIGINT").json(dir.toString()).filter(col("year").equalTo("2025"));
            assertThat(df.collect()).extracting(Row::values).containsExactly(List.of("2025", 1L), List.of("2025", 2L));
        }
    }

    @Test void conflictingDirectoryStructuresAreAnError() throws IOException {
        write("year=2025/a.json", "{\"id\":1}");
        write("month=1/b.json", "{\"id\":2}");
        try (Sluice sluice = Sluice.builder().build()) {
            assertThatThrownBy(() -> sluice.read().json(dir.toString())).isInstanceOf(SluiceException.class)
                    .hasMessageContaining("conflicting directory structures");
            assertThat(sluice.read().option("recursiveFileLookup", "true").json(dir.toString()).count()).isEqualTo(2);
        }
    }

    @Test void partitionByWritesHiveDirectoriesThatReadBackTheSame() throws IOException {
        layout();
        try (Sluice sluice = Sluice.builder().parallelism(3).build()) {
            DataFrame df = sluice.read().json(dir.toString()).withColumn("tag", functions.lit("a/b"));
            String out = dir.resolve("out").toString();
            WriteResult r = df.write().partitionBy("year", "tag").mode("overwrite").json(out);
            assertThat(r.rows()).isEqualTo(6);
            assertThat(Files.isDirectory(Path.of(out, "year=2025", "tag=a%2Fb"))).isTrue();
            assertThat(Files.exists(Path.of(out, "_SUCCESS"))).isTrue();
            DataFrame back = sluice.read().json(out);
            assertThat(back.schema().simpleString()).isEqualTo("struct<id:bigint,month:bigint,year:int,tag:string>");
            assertThat(back.filter(col("year").equalTo(2026)).select(col("id"), col("tag")).collect())
                    .extracting(Row::values).containsExactly(List.of(3L, "a/b"), List.of(4L, "a/b"), List.of(5L, "a/b"), List.of(6L, "a/b"));
        }
    }

    @Test void partitionByAColumnThatDoesNotExistFailsBeforeWriting() throws IOException {
        layout();
        try (Sluice sluice = Sluice.builder().build()) {
            String out = dir.resolve("out2").toString();
            assertThatThrownBy(() -> sluice.read().json(dir.toString()).write().partitionBy("nope").json(out))
                    .isInstanceOf(SluiceException.class);
            assertThat(Files.exists(Path.of(out))).isFalse();
        }
    }
}
