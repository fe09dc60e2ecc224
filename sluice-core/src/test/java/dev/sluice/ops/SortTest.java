package dev.sluice.ops;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.desc;
import static dev.sluice.ops.Sessions.assertCode;
import static dev.sluice.ops.Sessions.column;
import static dev.sluice.ops.Sessions.df;
import static dev.sluice.ops.Sessions.r;
import static dev.sluice.ops.Sessions.rows;
import static dev.sluice.ops.Sessions.values;
import static org.assertj.core.api.Assertions.assertThat;

/** orderBy / sort / sortWithinPartitions against Spark 4.1.1's results (oracle program SortUnionGen). */
class SortTest {
    static final List<Sluice> SESSIONS = Sessions.both();

    @AfterAll static void close() { SESSIONS.forEach(Sluice::close); }

    /** Spark: VALUES (1, 2.0, 'b'), (2, NaN, 'a'), (3, NULL, NULL), (4, -0.0, 'é'), (5, 0.0, 'z'), (6, -1.5, 'B'), (7, Inf, ''), (8, -Inf, 'a'). */
    static DataFrame d(Sluice s) {
        return df(s, "id INT NOT NULL, x DOUBLE, s STRING",
                r(1, 2.0, "b"), r(2, Double.NaN, "a"), r(3, null, null), r(4, -0.0, "é"), r(5, 0.0, "z"),
                r(6, -1.5, "B"), r(7, Double.POSITIVE_INFINITY, ""), r(8, Double.NEGATIVE_INFINITY, "a"));
    }

    @Test void doublesOrderWithNaNLargestAndNullsByDirection() {
        for (Sluice s : SESSIONS) {
            DataFrame d = d(s);
            assertThat(column(d.orderBy(col("x").asc(), col("id")), 0)).containsExactly(3, 8, 6, 4, 5, 1, 7, 2);
            assertThat(column(d.orderBy(col("x").desc(), col("id")), 0)).containsExactly(2, 7, 1, 4, 5, 6, 8, 3);
            assertThat(column(d.orderBy(col("x").asc_nulls_last(), col("id")), 0)).containsExactly(8, 6, 4, 5, 1, 7, 2, 3);
            assertThat(column(d.orderBy(col("x").desc_nulls_first(), col("id")), 0)).containsExactly(3, 2, 7, 1, 4, 5, 6, 8);
        }
    }

    @Test void minusZeroEqualsZeroSoTiesKeepInputOrder() {
        for (Sluice s : SESSIONS) {
            // -0.0 (id 4) and 0.0 (id 5) tie: a stable sort keeps 4 before 5 both ways
            assertThat(column(d(s).orderBy(col("x")), 0)).containsExactly(3, 8, 6, 4, 5, 1, 7, 2);
            assertThat(column(d(s).orderBy(col("x").desc()), 0)).containsExactly(2, 7, 1, 4, 5, 6, 8, 3);
        }
    }

    @Test void stringsOrderByUtf8Bytes() {
        for (Sluice s : SESSIONS) {
            assertThat(column(d(s).orderBy("s", "id"), 0)).containsExactly(3, 7, 6, 2, 8, 1, 5, 4);
            assertThat(column(d(s).orderBy(desc("s"), col("id")), 0)).containsExactly(4, 5, 1, 2, 8, 6, 7, 3);
        }
    }

    @Test void sortsByExpressions() {
        for (Sluice s : SESSIONS) {
            assertThat(column(d(s).sort(col("id").mod(3), col("id").desc()).select("id"), 0)).containsExactly(6, 3, 7, 4, 1, 8, 5, 2);
        }
    }

    @Test void limitAfterSortRunsAsTopN() {
        for (Sluice s : SESSIONS) {
            DataFrame top = d(s).orderBy(col("x").desc()).limit(3).select("id", "x");
            assertThat(values(top)).isEqualTo(rows(r(2, Double.NaN), r(7, Double.POSITIVE_INFINITY), r(1, 2.0)));
            assertThat(top.explainString("simple")).contains("TopNExec: 3");
        }
    }

    @Test void nestedValuesOrderFieldByFieldWithNestedNullsFirst() {
        for (Sluice s : SESSIONS) {
            DataFrame t = df(s, "id INT, arr ARRAY<INT>, st STRUCT<a: INT, b: INT>",
                    r(1, List.of(1, 2), dev.sluice.types.Row.of(dev.sluice.types.StructType.fromDDL("a INT, b INT"), 1, null)),
                    r(2, List.of(1), struct(1, 2)), r(3, null, null), r(4, java.util.Arrays.asList(1, null), struct(null, 1)),
                    r(5, List.of(), struct(0, 9)));
            assertThat(column(t.orderBy(col("arr"), col("id")), 0)).containsExactly(3, 5, 2, 4, 1);
            assertThat(column(t.orderBy(col("st"), col("id")), 0)).containsExactly(3, 4, 5, 1, 2);
        }
    }

    private static dev.sluice.types.Row struct(Object a, Object b) {
        return dev.sluice.types.Row.of(dev.sluice.types.StructType.fromDDL("a INT, b INT"), a, b);
    }

    @Test void booleansDescending() {
        for (Sluice s : SESSIONS) {
            DataFrame t = df(s, "id INT, b BOOLEAN", r(1, true), r(2, false), r(3, null));
            assertThat(column(t.orderBy(col("b").desc()), 0)).containsExactly(1, 2, 3);
        }
    }

    @Test void sortsByAColumnTheSelectDropped() {
        for (Sluice s : SESSIONS) {
            DataFrame sorted = d(s).select(col("id")).orderBy(col("x"));
            assertThat(sorted.columns()).containsExactly("id");
            assertThat(column(sorted, 0)).containsExactly(3, 8, 6, 4, 5, 1, 7, 2);
            DataFrame byAlias = d(s).select(col("id"), col("x").alias("y")).orderBy(col("y").desc_nulls_last(), col("id"));
            assertThat(column(byAlias, 0)).containsExactly(2, 7, 1, 4, 5, 6, 8, 3);
        }
    }

    @Test void rejectsMapsAndUnknownColumns() {
        Sluice s = SESSIONS.get(0);
        DataFrame t = df(s, "m MAP<STRING, INT>, a INT");
        assertCode(ErrorCode.TYPE_MISMATCH, () -> t.orderBy("m"));
        assertCode(ErrorCode.COLUMN_NOT_FOUND, () -> t.orderBy("nope"));
        assertCode(ErrorCode.COLUMN_NOT_FOUND, () -> t.select("a").orderBy("nope"));
    }

    @Test void emptyInputSortsToNothing() {
        for (Sluice s : SESSIONS) {
            DataFrame t = df(s, "a INT");
            assertThat(t.orderBy("a").collect()).isEmpty();
            assertThat(t.orderBy("a").limit(2).collect()).isEmpty();
            assertThat(t.orderBy("a").count()).isZero();
        }
    }

    @Test void countAfterSortCountsEveryRow() {
        for (Sluice s : SESSIONS) assertThat(d(s).orderBy(col("x").desc()).count()).isEqualTo(8);
    }

    @Test void aSmallMemoryBudgetSortsThroughSpilledRuns() {
        try (Sluice s = Sluice.builder().parallelism(2).batchSize(100).memoryBudget(2000).build()) {
            Object[][] data = new Object[500][];
            for (int i = 0; i < data.length; i++) data[i] = r(i, "some text " + i);
            DataFrame t = df(s, "a INT, b STRING", data);
            List<dev.sluice.types.Row> sorted = t.orderBy(col("a").desc()).collect();
            assertThat(sorted).hasSize(500);
            for (int i = 0; i < sorted.size(); i++) assertThat(sorted.get(i).get(0)).isEqualTo(499 - i);
        }
    }

    @Test void explainShowsTheSort() {
        DataFrame sorted = d(SESSIONS.get(0)).orderBy(col("x").desc(), col("id"));
        assertThat(sorted.explainString("extended")).contains("Sort: [x DESC NULLS LAST, id ASC NULLS FIRST]")
                .contains("SortExec: [x DESC NULLS LAST, id ASC NULLS FIRST], range(");
        assertThat(d(SESSIONS.get(0)).sortWithinPartitions("x").explainString("extended"))
                .contains("SortWithinPartitions: [x ASC NULLS FIRST]").contains("within partitions");
    }
}
