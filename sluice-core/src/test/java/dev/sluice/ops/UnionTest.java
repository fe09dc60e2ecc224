package dev.sluice.ops;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.sluice.functions.col;
import static dev.sluice.ops.Sessions.assertCode;
import static dev.sluice.ops.Sessions.column;
import static dev.sluice.ops.Sessions.df;
import static dev.sluice.ops.Sessions.r;
import static dev.sluice.ops.Sessions.rows;
import static dev.sluice.ops.Sessions.values;
import static org.assertj.core.api.Assertions.assertThat;

/** union / unionAll / unionByName against Spark 4.1.1 (oracle program SortUnionGen). */
class UnionTest {
    static final List<Sluice> SESSIONS = Sessions.both();

    @AfterAll static void close() { SESSIONS.forEach(Sluice::close); }

    private static String type(DataFrame df, int i) { return df.schema().field(i).dataType().simpleString(); }

    private static List<Boolean> nullability(DataFrame df) { return df.schema().fields().stream().map(StructField::nullable).toList(); }

    @Test void widensColumnTypesByPositionAsSpark() {
        Sluice s = SESSIONS.get(1);
        DataFrame i = df(s, "a INT NOT NULL", r(1));
        DataFrame u = i.union(df(s, "z BIGINT NOT NULL", r(2L)));
        assertThat(u.columns()).containsExactly("a");
        assertThat(type(u, 0)).isEqualTo("bigint");
        assertThat(column(u, 0)).containsExactly(1L, 2L);
        assertThat(nullability(u)).containsExactly(false);

        DataFrame d = i.union(df(s, "z DOUBLE NOT NULL", r(2.5)));
        assertThat(type(d, 0)).isEqualTo("double");
        assertThat(column(d, 0)).containsExactly(1.0, 2.5);

        DataFrame dec = i.union(df(s, "z DECIMAL(3,2) NOT NULL", r(new BigDecimal("2.50"))));
        assertThat(type(dec, 0)).isEqualTo("decimal(12,2)");
        assertThat(column(dec, 0)).containsExactly(new BigDecimal("1.00"), new BigDecimal("2.50"));
        assertThat(type(df(s, "a BIGINT", r(1L)).union(df(s, "z DECIMAL(3,2)", r(new BigDecimal("2.50")))), 0)).isEqualTo("decimal(22,2)");
        assertThat(type(df(s, "a DOUBLE", r(1.5)).union(df(s, "z DECIMAL(3,2)", r(new BigDecimal("2.50")))), 0)).isEqualTo("double");
        assertThat(column(df(s, "a FLOAT", r(1.5f)).union(df(s, "z INT", r(2))), 0)).containsExactly(1.5, 2.0);
        assertThat(type(df(s, "a FLOAT", r(1.5f)).union(df(s, "z BIGINT", r(2L))), 0)).isEqualTo("double");

        DataFrame ts = df(s, "a DATE", r(LocalDate.of(2024, 1, 2))).union(df(s, "z TIMESTAMP", r(Instant.parse("2024-01-02T03:04:05Z"))));
        assertThat(type(ts, 0)).isEqualTo("timestamp");
        assertThat(column(ts, 0)).containsExactly(Instant.parse("2024-01-02T00:00:00Z"), Instant.parse("2024-01-02T03:04:05Z"));

        DataFrame arrays = df(s, "a ARRAY<INT>", r(List.of(1))).union(df(s, "z ARRAY<BIGINT>", r(List.of(2L))));
        assertThat(type(arrays, 0)).isEqualTo("array<bigint>");
        assertThat(column(arrays, 0)).containsExactly(List.of(1L), List.of(2L));
        DataFrame maps = df(s, "a MAP<STRING, INT>", r(Map.of("k", 1))).union(df(s, "z MAP<STRING, DOUBLE>", r(Map.of("k", 2.5))));
        assertThat(type(maps, 0)).isEqualTo("map<string,double>");
        assertThat(column(maps, 0)).containsExactly(Map.of("k", 1.0), Map.of("k", 2.5));
    }

    @Test void aStringMeetingAnIntegerBecomesBigint() {
        Sluice s = SESSIONS.get(0);
        DataFrame i = df(s, "a INT NOT NULL", r(1));
        DataFrame ok = i.union(df(s, "z STRING NOT NULL", r("7")));
        assertThat(type(ok, 0)).isEqualTo("bigint");
        assertThat(nullability(ok)).containsExactly(true);   // the string's cast may fail
        assertThat(column(ok, 0)).containsExactly(1L, 7L);
        DataFrame bad = df(s, "z STRING", r("q")).union(i);
        assertThat(bad.columns()).containsExactly("z");
        assertCode(ErrorCode.CAST_INVALID_INPUT, bad::collect);
        assertThat(type(df(s, "a DATE", r(LocalDate.of(2024, 1, 2))).union(df(s, "z STRING", r("x"))), 0)).isEqualTo("date");
        assertThat(type(df(s, "a BOOLEAN", r(true)).union(df(s, "z STRING", r("x"))), 0)).isEqualTo("boolean");
    }

    @Test void nullsAndNullability() {
        Sluice s = SESSIONS.get(1);
        DataFrame n = df(s, "a VOID", r((Object) null)).union(df(s, "z INT NOT NULL", r(2)));
        assertThat(type(n, 0)).isEqualTo("int");
        assertThat(column(n, 0)).containsExactly(null, 2);
        DataFrame m = df(s, "a INT NOT NULL", r(1)).union(df(s, "z INT", r((Object) null)));
        assertThat(nullability(m)).containsExactly(true);
        DataFrame three = df(s, "a INT", r(1)).union(df(s, "z BIGINT", r(2L))).union(df(s, "w DOUBLE", r(3.5)));
        assertThat(type(three, 0)).isEqualTo("double");
        assertThat(column(three, 0)).containsExactly(1.0, 2.0, 3.5);
    }

    @Test void incompatibleTypesAndColumnCountsAreErrors() {
        Sluice s = SESSIONS.get(0);
        DataFrame i = df(s, "a INT, b STRING", r(1, "x"));
        assertCode(ErrorCode.NUM_COLUMNS_MISMATCH, () -> i.union(df(s, "a INT")));
        assertCode(ErrorCode.TYPE_MISMATCH, () -> df(s, "a INT").union(df(s, "a BOOLEAN")));
        assertCode(ErrorCode.TYPE_MISMATCH, () -> df(s, "a STRUCT<p: INT>").union(df(s, "a STRUCT<q: BIGINT>")));
        assertCode(ErrorCode.TYPE_MISMATCH, () -> df(s, "a STRUCT<p: INT>").union(df(s, "a INT")));
        assertCode(ErrorCode.TYPE_MISMATCH, () -> df(s, "a ARRAY<INT>").union(df(s, "a INT")));
    }

    @Test void keepsDuplicatesAndInputOrder() {
        for (Sluice s : SESSIONS) {
            Object[][] left = new Object[23][];
            for (int k = 0; k < left.length; k++) left[k] = r(k);
            DataFrame a = df(s, "a INT", left);
            DataFrame u = a.unionAll(df(s, "a INT", r(1), r(1))).union(a.filter(col("a").lt(3)));
            List<Object> expected = new java.util.ArrayList<>();
            for (int k = 0; k < 23; k++) expected.add(k);
            expected.addAll(List.of(1, 1, 0, 1, 2));
            assertThat(column(u, 0)).isEqualTo(expected);
            assertThat(u.count()).isEqualTo(28);
            assertThat(u.orderBy(col("a").desc()).limit(2).collect()).extracting(row -> row.get(0)).containsExactly(22, 21);
        }
    }

    @Test void prunesEveryInputToTheSamePositions() {
        for (Sluice s : SESSIONS) {
            DataFrame a = df(s, "x INT, y STRING, z DOUBLE", r(1, "a", 1.5));
            DataFrame b = df(s, "p BIGINT, q STRING, w DOUBLE", r(2L, "b", 2.5)).select(col("p"), col("q"), col("w").multiply(2).alias("w2"));
            DataFrame u = a.union(b).select(col("z"), col("x"));
            assertThat(values(u)).isEqualTo(rows(r(1.5, 1L), r(5.0, 2L)));
            assertThat(dev.sluice.plan.Explain.tree(u.optimizedPlan())).contains("rows [x, z]").contains("rows [p, w]");
            assertThat(a.union(b).count()).isEqualTo(2);
        }
    }

    @Test void unionByNameMatchesNamesIgnoringCase() {
        for (Sluice s : SESSIONS) {
            DataFrame u = df(s, "a INT NOT NULL, b STRING NOT NULL", r(1, "x")).unionByName(df(s, "B STRING NOT NULL, A BIGINT NOT NULL", r("y", 2L)));
            assertThat(u.columns()).containsExactly("a", "b");
            assertThat(type(u, 0)).isEqualTo("bigint");
            assertThat(values(u)).isEqualTo(rows(r(1L, "x"), r(2L, "y")));
        }
    }

    @Test void unionByNameFillsMissingColumnsWithNullsWhenAllowed() {
        for (Sluice s : SESSIONS) {
            DataFrame u = df(s, "a INT NOT NULL, b STRING NOT NULL", r(1, "x")).unionByName(df(s, "a INT NOT NULL, c INT NOT NULL", r(2, 3)), true);
            assertThat(u.columns()).containsExactly("a", "b", "c");
            assertThat(nullability(u)).containsExactly(false, true, true);
            assertThat(values(u)).isEqualTo(rows(r(1, "x", null), r(2, null, 3)));
            DataFrame more = df(s, "a INT", r(1)).unionByName(df(s, "a INT, c INT, d INT", r(2, 3, 4)), true);
            assertThat(values(more)).isEqualTo(rows(r(1, null, null), r(2, 3, 4)));
        }
    }

    @Test void unionByNameErrorsAsSpark() {
        Sluice s = SESSIONS.get(0);
        assertCode(ErrorCode.COLUMN_NOT_FOUND, () -> df(s, "a INT, b STRING").unionByName(df(s, "a INT, c INT")));
        assertCode(ErrorCode.NUM_COLUMNS_MISMATCH, () -> df(s, "a INT").unionByName(df(s, "a INT, c INT")));
        assertCode(ErrorCode.DUPLICATE_COLUMN, () -> df(s, "a INT, A INT").unionByName(df(s, "a INT, c INT")));
    }

    @Test void explainShowsTheUnion() {
        Sluice s = SESSIONS.get(0);
        String text = df(s, "a INT").union(df(s, "b BIGINT")).explainString("extended");
        assertThat(text).contains("Union\n").contains("UnionExec");
    }

    /** Union.schema() asked every input once per field: a chain of 16 unions took minutes to analyse. */
    @Test void aLongChainOfUnionsIsAnalysedInLinearTime() {
        Sluice s = SESSIONS.get(1);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> {
            DataFrame chain = df(s, "a INT, b STRING, c DOUBLE", r(0, "x", 0.5));
            for (int k = 1; k <= 24; k++) chain = chain.union(df(s, "a INT, b STRING, c DOUBLE", r(k, "x", 0.5)));
            assertThat(chain.count()).isEqualTo(25L);
        });
    }
}
