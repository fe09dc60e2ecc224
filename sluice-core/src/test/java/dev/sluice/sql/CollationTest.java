package dev.sluice.sql;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Collation;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StringType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.collate;
import static dev.sluice.functions.collation;
import static dev.sluice.functions.count;
import static dev.sluice.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Collations: the collated string type through hash grouping, hash joins and the API; errors as Spark names them. */
class CollationTest {
    static Sluice sluice;
    static final StringType LCASE = StringType.of(Collation.UTF8_LCASE);

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(3).shufflePartitions(4).build(); }

    @AfterAll static void stop() { sluice.close(); }

    /** 'A' and 'a' under UTF8_LCASE, spread over partitions so the partial aggregates and the shuffle must meet. */
    private static DataFrame letters() {
        StructType schema = new StructType(List.of(new StructField("k", LCASE, true), new StructField("x", DataTypes.INT, true)));
        List<Row> rows = new ArrayList<>();
        String[] spellings = {"A", "a", "b", "B", "Straße", "STRASSE", "straße"};
        for (int i = 0; i < 70; i++) rows.add(Row.of(schema, spellings[i % spellings.length], i));
        return sluice.createDataFrame(rows, schema).repartition(3);
    }

    @Test void hashGroupingPutsTheSpellingsOfOneKeyTogether() {
        List<Row> groups = letters().groupBy(col("k")).agg(count(lit(1)).as("n")).orderBy(col("k")).collect();
        assertThat(groups.stream().map(r -> r.get(0) + "=" + r.get(1)).toList())
                .containsExactly("A=20", "B=20", "STRASSE=10", "Straße=20");   // each group shows its smallest spelling by bytes
        assertThat(letters().schema().fields().get(0).dataType()).isEqualTo(LCASE);
        assertThat(letters().select(col("k")).distinct().count()).isEqualTo(4);
    }

    @Test void hashJoinMatchesAcrossCase() {
        StructType schema = new StructType(List.of(new StructField("name", LCASE, true), new StructField("v", DataTypes.INT, true)));
        DataFrame right = sluice.createDataFrame(List.of(Row.of(schema, "a", 1), Row.of(schema, "STRAßE", 2)), schema);
        for (long threshold : new long[] {-1, 10L << 20}) {   // shuffled and broadcast hash joins
            try (Sluice s = Sluice.builder().parallelism(2).broadcastThreshold(threshold).build()) {
                DataFrame left = s.createDataFrame(letters().collect(), letters().schema());
                DataFrame r = s.createDataFrame(right.collect(), schema);
                assertThat(left.join(r, left.col("k").equalTo(r.col("name"))).count()).isEqualTo(40);
            }
        }
    }

    @Test void collateAndCollationThroughTheApi() {
        var row = sluice.sql("SELECT 'q' AS s").select(collate(col("s"), "utf8_lcase").equalTo(lit("Q")), collation(collate(col("s"), "unicode_ci")))
                .collect().get(0);
        assertThat(row.get(0)).isEqualTo(true);
        assertThat(row.get(1)).isEqualTo("SYSTEM.BUILTIN.UNICODE_CI");
        assertThat(sluice.sql("SELECT 'a' COLLATE UTF8_BINARY = 'A', collation('a' COLLATE SYSTEM.BUILTIN.UTF8_BINARY)").collect().get(0).values())
                .containsExactly(false, "SYSTEM.BUILTIN.UTF8_BINARY");
    }

    @Test void namesAreNormalizedAsSparkPrintsThem() {
        assertThat(Collation.of("unicode_ci").name()).isEqualTo("UNICODE_CI");
        assertThat(Collation.of("DE_AI_CI").name()).isEqualTo("de_CI_AI");
        assertThat(Collation.of("en_cs_as").name()).isEqualTo("en");
        assertThat(Collation.of("utf8_binary_rtrim").name()).isEqualTo("UTF8_BINARY_RTRIM");
        assertThat(Collation.of("system.builtin.utf8_lcase")).isSameAs(Collation.UTF8_LCASE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF8_LCASE_CI", "en_CI_CI", "no_such", "UNICODE_XX", "UTF8_BINARY_LTRIM"})
    void invalidNamesAreRefused(String name) {
        assertThatThrownBy(() -> sluice.sql("SELECT 'a' COLLATE " + name).collect())
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COLLATION_INVALID_NAME));
    }

    @Test void twoExplicitOrTwoImplicitCollationsDoNotMix() {
        assertThatThrownBy(() -> sluice.sql("SELECT 'a' COLLATE UTF8_LCASE = 'a' COLLATE UNICODE").collect())
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COLLATION_MISMATCH));
        StructType schema = new StructType(List.of(new StructField("a", LCASE, true),
                new StructField("b", StringType.of(Collation.of("UNICODE")), true)));
        DataFrame df = sluice.createDataFrame(List.of(Row.of(schema, "x", "X")), schema);
        assertThatThrownBy(() -> df.filter(col("a").equalTo(col("b"))).collect())
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COLLATION_MISMATCH));
        // an explicit collation settles it
        assertThat(df.filter(collate(col("a"), "UNICODE_CI").equalTo(col("b"))).count()).isEqualTo(1);
    }

    @Test void collateIsStillANameWhereSparkAllowsIt() {
        assertThat(sluice.sql("SELECT 1 AS collate").columns()).containsExactly("collate");
    }
}
