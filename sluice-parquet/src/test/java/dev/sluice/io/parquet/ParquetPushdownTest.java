package dev.sluice.io.parquet;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.io.CountingStorage;
import dev.sluice.io.Split;
import dev.sluice.plan.Scan;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/** Projection pruning (nested included), row-group skipping from statistics, and row-group splits. */
class ParquetPushdownTest {
    static final StructType SCHEMA = StructType.fromDDL(
            "id INT, name STRING, day DATE, maybe INT, info STRUCT<small: INT, big: STRING>");
    static final int ROWS = 20_000;

    @TempDir static Path dir;
    static Path sorted;
    static List<Row> rows;

    @BeforeAll static void write() {
        rows = new ArrayList<>();
        StructType info = (StructType) SCHEMA.field(4).dataType();
        for (int i = 0; i < ROWS; i++) {
            rows.add(Row.of(SCHEMA, i, String.format("n%06d", i), LocalDate.of(2020, 1, 1).plusDays(i / 100),
                    i >= 15_000 ? null : i,   // nulls only in the last quarter
                    Row.of(info, i % 10, "payload-" + "x".repeat(40) + i)));
        }
        sorted = dir.resolve("sorted");
        try (Sluice one = Sluice.builder().parallelism(1).build()) {   // one file, sorted by id
            one.createDataFrame(rows, SCHEMA).write().option("parquet.block.size", "64k").parquet(sorted.toString());
        }
    }

    static Sluice session;

    @BeforeAll static void start() { session = Sluice.builder().parallelism(3).build(); }

    @AfterAll static void stop() { session.close(); }

    static ParquetSource sourceOf(DataFrame df) {
        return (ParquetSource) ((dev.sluice.io.PartitionedSource) ((Scan) df.logicalPlan()).source()).fileSource();
    }

    record Case(String label, Column filter, Predicate<Row> predicate, boolean skips) {
        @Override public String toString() { return label; }
    }

    static Stream<Case> filters() {
        return Stream.of(
                new Case("id = 12345", col("id").equalTo(12345), r -> (int) r.get(0) == 12345, true),
                new Case("id IN (7, 12345, null)", col("id").isin(7, 12345, null),
                        r -> (int) r.get(0) == 7 || (int) r.get(0) == 12345, true),
                new Case("id < 500", col("id").lt(500), r -> (int) r.get(0) < 500, true),
                new Case("id <= 500", col("id").leq(500), r -> (int) r.get(0) <= 500, true),
                new Case("id > 19000", col("id").gt(19_000), r -> (int) r.get(0) > 19_000, true),
                new Case("id >= 19000", col("id").geq(19_000), r -> (int) r.get(0) >= 19_000, true),
                new Case("500 > id", dev.sluice.functions.lit(500).gt(col("id")), r -> (int) r.get(0) < 500, true),
                new Case("maybe IS NULL", col("maybe").isNull(), r -> r.get(3) == null, true),
                new Case("maybe IS NOT NULL", col("maybe").isNotNull(), r -> r.get(3) != null, true),
                new Case("id >= 1000 AND id < 2000", col("id").geq(1000).and(col("id").lt(2000)),
                        r -> (int) r.get(0) >= 1000 && (int) r.get(0) < 2000, true),
                new Case("name = 'n010000'", col("name").equalTo("n010000"), r -> r.get(1).equals("n010000"), true),
                new Case("day < 2020-01-10", col("day").lt(LocalDate.of(2020, 1, 10)),
                        r -> ((LocalDate) r.get(2)).isBefore(LocalDate.of(2020, 1, 10)), true),
                new Case("info.small = 3 (every group has it)", col("info.small").equalTo(3),
                        r -> (int) ((Row) r.get(4)).get(0) == 3, false),
                new Case("info.small > 20 (nested, none)", col("info.small").gt(20), r -> false, true));
    }

    @ParameterizedTest
    @MethodSource("filters")
    void skipsRowGroupsThatCannotMatchAndKeepsTheRightRows(Case c) {
        DataFrame df = session.read().parquet(sorted.toString());
        ParquetSource source = sourceOf(df);
        long expected = rows.stream().filter(c.predicate()).count();
        assertThat(df.filter(c.filter()).count()).isEqualTo(expected);
        long total = source.rowGroupsRead() + source.rowGroupsSkipped();
        assertThat(total).isGreaterThan(3);
        if (c.skips()) assertThat(source.rowGroupsSkipped()).isGreaterThan(0);
        else assertThat(source.rowGroupsSkipped()).isZero();
        // the rows themselves, not just the count
        List<Row> got = df.filter(c.filter()).select(col("id")).collect();
        assertThat(got).hasSize((int) expected);
    }

    @Test void aSkippedSplitDoesNotOpenTheFile() {
        CountingStorage storage = CountingStorage.local();
        try (Sluice s = Sluice.builder().parallelism(2).storage(storage).build()) {
            DataFrame df = s.read().parquet(sorted.toString());
            storage.reset();
            assertThat(df.filter(col("id").gt(1_000_000)).count()).isZero();
            // only the footers were read when splitting: one open per file
            assertThat(storage.totalOpens()).isEqualTo(files());
            assertThat(sourceOf(df).rowGroupsRead()).isZero();
        }
    }

    @Test void readingANestedFieldReadsFewerBytesThanTheWholeStruct() {
        CountingStorage storage = CountingStorage.local();
        try (Sluice s = Sluice.builder().parallelism(1).storage(storage).build()) {
            DataFrame df = s.read().parquet(sorted.toString());
            storage.reset();
            long small = s.read().parquet(sorted.toString()).select(col("info.small")).collect().size();
            long smallBytes = storage.bytesRead();
            storage.reset();
            List<Row> whole = df.select(col("info")).collect();
            long wholeBytes = storage.bytesRead();
            assertThat(small).isEqualTo(ROWS);
            assertThat(whole).hasSize(ROWS);
            assertThat(smallBytes * 4).isLessThan(wholeBytes);
            assertThat(storage.openStreams()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void rowGroupSplitsGiveTheSameRowsForAnyParallelism(int workers) {
        try (Sluice s = Sluice.builder().parallelism(workers).maxSplitBytes(48 * 1024).build()) {
            DataFrame df = s.read().parquet(sorted.toString());
            List<Split> splits = sourceOf(df).splits();
            assertThat(splits.size()).isGreaterThan(2);
            long rowsInSplits = splits.stream().mapToLong(sp -> ((ParquetSplit) sp).rows()).sum();
            assertThat(rowsInSplits).isEqualTo(ROWS);
            assertThat(ParquetRoundTripTest.sorted(df.collect())).isEqualTo(rows);
        }
    }

    @Test void aSmallFileIsOneSplit() {
        DataFrame df = session.read().parquet(sorted.toString());
        assertThat(sourceOf(df).splits()).hasSize(files());   // the default maximum split size is far above a file
    }

    static int files() {
        try {
            return ParquetRoundTripTest.dataFiles(sorted).size();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
