package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.exec.CloseableIterator;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataFrameMemoryTest {
    private static final StructType SCHEMA = StructType.fromDDL("id INT, name STRING, s STRUCT<x: INT, y: STRING>");
    private static final Sluice SLUICE = Sluice.builder().parallelism(3).batchSize(7).build();

    @AfterAll static void close() { SLUICE.close(); }

    private static DataFrame people(Sluice sluice, int n) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Row s = i % 5 == 0 ? null : Row.of((StructType) SCHEMA.field(2).dataType(), i * 10, "y" + i);
            rows.add(Row.of(SCHEMA, i, i % 3 == 0 ? null : "n" + i, s));
        }
        return sluice.createDataFrame(rows, SCHEMA);
    }

    @Test void selectsFiltersAndComputesInPartitionOrder() {
        List<Row> rows = people(SLUICE, 50)
                .filter(col("id").mod(2).equalTo(0))
                .select(col("id"), col("id").multiply(2).alias("twice"), col("s.x"))
                .collect();
        assertThat(rows).hasSize(25);
        assertThat(rows.get(0).values()).containsExactly(0, 0, null);
        assertThat(rows.get(1).values()).containsExactly(2, 4, 20);
        assertThat(rows.get(24).values()).containsExactly(48, 96, 480);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void givesTheSameRowsForAnyParallelism(int parallelism) {
        try (Sluice sluice = Sluice.builder().parallelism(parallelism).batchSize(3).build()) {
            List<Row> rows = people(sluice, 40).filter(col("name").isNotNull()).select(col("id")).collect();
            List<Row> reference = people(SLUICE, 40).filter(col("name").isNotNull()).select(col("id")).collect();
            assertThat(rows).isEqualTo(reference);
        }
    }

    @Test void countsRows() {
        assertThat(people(SLUICE, 100).count()).isEqualTo(100);
        assertThat(people(SLUICE, 100).filter(col("s").isNull()).count()).isEqualTo(20);
    }

    @Test void limitTakesTheFirstRowsInOrder() {
        List<Row> rows = people(SLUICE, 100).filter(col("id").gt(10)).limit(4).collect();
        assertThat(rows).extracting(r -> r.get(0)).containsExactly(11, 12, 13, 14);
        assertThat(people(SLUICE, 100).limit(4).count()).isEqualTo(4);
        assertThat(people(SLUICE, 3).first().get(0)).isEqualTo(0);
    }

    @Test void withColumnReplacesInPlaceAndAppendsNewColumns() {
        DataFrame df = people(SLUICE, 3).withColumn("NAME", lit("x")).withColumn("flag", when(col("id").gt(1), "big").otherwise("small"));
        assertThat(df.columns()).containsExactly("id", "NAME", "s", "flag");
        assertThat(df.collect().get(2).values()).containsExactly(2, "x", Row.of((StructType) SCHEMA.field(2).dataType(), 20, "y2"), "big");
    }

    @Test void renamesAndDropsColumns() {
        DataFrame df = people(SLUICE, 2).withColumnRenamed("name", "who").drop("s", "missing");
        assertThat(df.columns()).containsExactly("id", "who");
        assertThat(people(SLUICE, 2).withColumnRenamed("nope", "x").columns()).containsExactly("id", "name", "s");
    }

    @Test void keepsTheUserSpellingOfACaseInsensitiveColumn() {
        assertThat(people(SLUICE, 1).select(col("ID")).columns()).containsExactly("ID");
    }

    @Test void unknownColumnNamesTheClosestOnes() {
        assertThatThrownBy(() -> people(SLUICE, 1).select(col("nmae")))
                .isInstanceOfSatisfying(SluiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND);
                    assertThat(e.fact("suggestion")).contains("`name`");
                });
    }

    @Test void unknownNestedFieldIsAFieldError() {
        assertThatThrownBy(() -> people(SLUICE, 1).select(col("s.z")))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FIELD_NOT_FOUND));
    }

    @Test void nonBooleanFilterIsATypeMismatch() {
        assertThatThrownBy(() -> people(SLUICE, 1).filter(col("name")))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH));
    }

    @Test void integerOverflowFailsTheActionUnderAnsi() {
        DataFrame df = people(SLUICE, 2).select(lit(Integer.MAX_VALUE).plus(col("id")));
        assertThatThrownBy(df::collect)
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW));
    }

    @Test void integerOverflowWrapsWithoutAnsi() {
        try (Sluice legacy = Sluice.builder().ansi(false).build()) {
            List<Row> rows = people(legacy, 2).select(lit(Integer.MAX_VALUE).plus(col("id"))).collect();
            assertThat(rows.get(1).get(0)).isEqualTo(Integer.MIN_VALUE);
        }
    }

    @Test void caseWhenDoesNotEvaluateBranchesRowsDoNotTake() {
        List<Row> rows = people(SLUICE, 4)
                .select(when(col("id").equalTo(0), lit(-1)).otherwise(lit(100).divide(col("id"))).alias("q"))
                .collect();
        assertThat(rows).extracting(r -> r.get(0)).containsExactly(-1.0, 100.0, 50.0, 100.0 / 3);
    }

    @Test void andDoesNotEvaluateItsRightSideWhereTheLeftIsFalse() {
        long n = people(SLUICE, 10).filter(col("id").notEqual(0).and(lit(10).mod(col("id")).equalTo(0))).count();
        assertThat(n).isEqualTo(3);   // 1, 2, 5
    }

    @Test void toLocalIteratorStreamsEveryRowInOrder() {
        List<Object> ids = new ArrayList<>();
        try (CloseableIterator<Row> it = people(SLUICE, 100).select(col("id")).toLocalIterator()) {
            it.forEachRemaining(r -> ids.add(r.get(0)));
        }
        assertThat(ids).hasSize(100);
        assertThat(ids.get(0)).isEqualTo(0);
        assertThat(ids.get(99)).isEqualTo(99);
    }

    @Test void toLocalIteratorCanBeClosedEarly() {
        try (CloseableIterator<Row> it = people(SLUICE, 1000).toLocalIterator()) {
            assertThat(it.next().get(0)).isEqualTo(0);
        }
        assertThat(people(SLUICE, 5).count()).isEqualTo(5);   // the pool is still usable
    }
}
