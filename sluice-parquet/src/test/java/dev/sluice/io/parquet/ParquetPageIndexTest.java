package dev.sluice.io.parquet;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.io.CountingStorage;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page-index pruning: one row group of many pages, sorted by id; a filter on id (or on the sorted name or day)
 * reads only the pages that can match, nested columns included, and the rows are the same as without pruning.
 */
class ParquetPageIndexTest {
    static final StructType SCHEMA = StructType.fromDDL(
            "id INT, name STRING, day DATE, big BIGINT, info STRUCT<small: INT, tags: ARRAY<STRING>>");
    static final int ROWS = 100_000;

    @TempDir static Path dir;
    static Path file;
    static List<Row> rows;

    @BeforeAll static void write() throws IOException {
        rows = new ArrayList<>();
        StructType info = (StructType) SCHEMA.field(4).dataType();
        for (int i = 0; i < ROWS; i++) {
            rows.add(Row.of(SCHEMA, i, String.format("n%06d", i), LocalDate.of(2020, 1, 1).plusDays(i / 1000),
                    i * 3L, Row.of(info, i % 10, List.of("t" + i % 3))));
        }
        file = dir.resolve("sorted");
        try (Sluice one = Sluice.builder().parallelism(1).build()) {
            one.createDataFrame(rows, SCHEMA).write().parquet(file.toString());
        }
        for (Path f : ParquetRoundTripTest.dataFiles(file)) {
            List<BlockMetaData> blocks = ParquetRoundTripTest.footer(f).getBlocks();
            assertThat(blocks).hasSize(1);
            assertThat(blocks.get(0).getColumns().get(0).getOffsetIndexReference()).isNotNull();
        }
    }

    record Case(String label, Column filter, Predicate<Row> predicate, boolean prunes) {
        @Override public String toString() { return label; }
    }

    static Stream<Case> filters() {
        return Stream.of(
                new Case("id = 12345", col("id").equalTo(12345), r -> (int) r.get(0) == 12345, true),
                new Case("12345 = id", dev.sluice.functions.lit(12345).equalTo(col("id")), r -> (int) r.get(0) == 12345, true),
                new Case("id < 300", col("id").lt(300), r -> (int) r.get(0) < 300, true),
                new Case("id >= 99000", col("id").geq(99_000), r -> (int) r.get(0) >= 99_000, true),
                new Case("id IN (5, 99999, null)", col("id").isin(5, 99_999, null),
                        r -> (int) r.get(0) == 5 || (int) r.get(0) == 99_999, true),
                new Case("name = 'n050000'", col("name").equalTo("n050000"), r -> r.get(1).equals("n050000"), true),
                new Case("day = 2020-01-05", col("day").equalTo(LocalDate.of(2020, 1, 5)),
                        r -> r.get(2).equals(LocalDate.of(2020, 1, 5)), true),
                new Case("big <= 30", col("big").leq(30L), r -> (long) r.get(3) <= 30, true),
                new Case("id > 10 AND id < 20", col("id").gt(10).and(col("id").lt(20)),
                        r -> (int) r.get(0) > 10 && (int) r.get(0) < 20, true),
                new Case("info.small = 3 (every page has it)", col("info.small").equalTo(3),
                        r -> (int) ((Row) r.get(4)).get(0) == 3, false),
                new Case("id >= 0 (every page)", col("id").geq(0), r -> true, false));
    }

    @ParameterizedTest
    @MethodSource("filters")
    void readsOnlyThePagesThatCanMatch(Case c) {
        List<Row> expected = rows.stream().filter(c.predicate()).toList();
        CountingStorage storage = CountingStorage.local();
        try (Sluice s = Sluice.builder().parallelism(1).storage(storage).build()) {
            DataFrame all = s.read().parquet(file.toString());
            storage.reset();
            List<Row> everything = all.collect();
            long allBytes = storage.bytesRead();
            storage.reset();
            List<Row> got = all.filter(c.filter()).collect();
            long filteredBytes = storage.bytesRead();
            assertThat(ParquetRoundTripTest.sorted(got)).isEqualTo(expected);
            assertThat(everything).hasSize(ROWS);
            if (c.prunes()) assertThat(filteredBytes * 2).isLessThan(allBytes);
            else assertThat(filteredBytes * 10).isGreaterThan(allBytes * 9);
        }
    }
}
