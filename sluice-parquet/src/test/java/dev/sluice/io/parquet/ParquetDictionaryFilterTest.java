package dev.sluice.io.parquet;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row groups skipped because a dictionary-encoded chunk lacks the value an equality or IN filter asks for, where
 * the min/max statistics cannot tell (every group spans "a" to "c"; only the first holds "b").
 */
class ParquetDictionaryFilterTest {
    static final StructType SCHEMA = StructType.fromDDL("id INT, tag STRING, code INT, d DOUBLE");
    static final int ROWS = 20_000;

    @TempDir static Path dir;
    static Path file;
    static List<Row> rows;
    static Sluice session;

    @BeforeAll static void write() throws IOException {
        rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            boolean first = i < 50;   // only the first row group holds "b", code 5 and 0.5
            rows.add(Row.of(SCHEMA, i, first ? "b" : i % 2 == 0 ? "a" : "c", first ? 5 : i % 2 == 0 ? 1 : 9,
                    first ? 0.5 : i % 2 == 0 ? 0.0 : 1.0));
        }
        file = dir.resolve("tags");
        try (Sluice one = Sluice.builder().parallelism(1).build()) {
            one.createDataFrame(rows, SCHEMA).write().option("parquet.block.size", "16k").parquet(file.toString());
        }
        for (Path f : ParquetRoundTripTest.dataFiles(file)) {
            List<BlockMetaData> blocks = ParquetRoundTripTest.footer(f).getBlocks();
            assertThat(blocks.size()).isGreaterThan(3);
            EncodingStats tag = blocks.get(1).getColumns().get(1).getEncodingStats();
            assertThat(tag.hasDictionaryPages() && !tag.hasNonDictionaryEncodedPages()).isTrue();
        }
        session = Sluice.builder().parallelism(2).build();
    }

    @AfterAll static void stop() { session.close(); }

    record Case(String label, Column filter, Predicate<Row> predicate, boolean skips) {
        @Override public String toString() { return label; }
    }

    static Stream<Case> filters() {
        return Stream.of(
                new Case("tag = 'b'", col("tag").equalTo("b"), r -> r.get(1).equals("b"), true),
                new Case("'b' = tag", dev.sluice.functions.lit("b").equalTo(col("tag")), r -> r.get(1).equals("b"), true),
                new Case("tag <=> 'b'", col("tag").eqNullSafe("b"), r -> r.get(1).equals("b"), true),
                new Case("tag IN ('b', 'z', null)", col("tag").isin("b", "z", null), r -> r.get(1).equals("b"), true),
                new Case("code = 5", col("code").equalTo(5), r -> (int) r.get(2) == 5, true),
                new Case("id >= 0 AND tag = 'b'", col("id").geq(0).and(col("tag").equalTo("b")),
                        r -> r.get(1).equals("b"), true),
                new Case("tag = 'a' (every group)", col("tag").equalTo("a"), r -> r.get(1).equals("a"), false),
                new Case("d = 0.5 (floating point is left to statistics)", col("d").equalTo(0.5),
                        r -> (double) r.get(3) == 0.5, false));
    }

    @ParameterizedTest
    @MethodSource("filters")
    void skipsRowGroupsWhoseDictionaryLacksTheValue(Case c) {
        DataFrame df = session.read().parquet(file.toString());
        ParquetSource source = ParquetPushdownTest.sourceOf(df);
        long expected = rows.stream().filter(c.predicate()).count();
        assertThat(df.filter(c.filter()).count()).isEqualTo(expected);
        if (c.skips()) assertThat(source.rowGroupsSkipped()).isGreaterThan(0);
        else assertThat(source.rowGroupsSkipped()).isZero();
        assertThat(df.filter(c.filter()).select(col("id")).collect()).hasSize((int) expected);
    }
}
