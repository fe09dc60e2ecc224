package dev.sluice.ops;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.Window;
import dev.sluice.WindowSpec;
import dev.sluice.error.ErrorCode;
import dev.sluice.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sluice.functions.call_function;
import static dev.sluice.functions.col;
import static dev.sluice.functions.cume_dist;
import static dev.sluice.functions.dense_rank;
import static dev.sluice.functions.first_value;
import static dev.sluice.functions.lag;
import static dev.sluice.functions.last_value;
import static dev.sluice.functions.lead;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.ntile;
import static dev.sluice.functions.percent_rank;
import static dev.sluice.functions.rank;
import static dev.sluice.functions.row_number;
import static dev.sluice.ops.Sessions.assertCode;
import static dev.sluice.ops.Sessions.column;
import static dev.sluice.ops.Sessions.df;
import static dev.sluice.ops.Sessions.r;
import static dev.sluice.ops.Sessions.rows;
import static dev.sluice.ops.Sessions.values;
import static org.assertj.core.api.Assertions.assertThat;

/** Window functions against Spark 4.1.1's results (oracle program SortUnionGen, section "windows"). */
class WindowTest {
    static final List<Sluice> SESSIONS = Sessions.both();

    @AfterAll static void close() { SESSIONS.forEach(Sluice::close); }

    /** Spark: VALUES ('a', 1, 10.0), ('a', 2, 20.0), ('a', 2, 5.0), ('a', 4, NULL), ('a', NULL, 7.0), ('b', 5, 1.0), ('b', 5, 2.0), ('c', NULL, NULL). */
    static DataFrame w(Sluice s) {
        return df(s, "k STRING NOT NULL, o INT, v DOUBLE",
                r("a", 1, 10.0), r("a", 2, 20.0), r("a", 2, 5.0), r("a", 4, null), r("a", null, 7.0),
                r("b", 5, 1.0), r("b", 5, 2.0), r("c", null, null));
    }

    static final WindowSpec WS = Window.partitionBy("k").orderBy("o");
    static final WindowSpec WSV = WS.orderBy(col("o"), col("v"));

    static Column sum(Column c) { return dev.sluice.functions.sum(c); }

    static Column count(Column c) { return call_function("count", c); }

    static Column avg(Column c) { return call_function("avg", c); }

    static Column min(Column c) { return call_function("min", c); }

    static Column max(Column c) { return call_function("max", c); }

    static DataFrame range(Sluice s, int n) {
        Object[][] rows = new Object[n][];
        for (int i = 0; i < n; i++) rows[i] = r((long) i);
        return df(s, "id BIGINT NOT NULL", rows);
    }

    private static DataFrame sorted(DataFrame df) { return df.orderBy("k", "o", "v"); }

    @Test void ranksWithTiesAndNulls() {
        for (Sluice s : SESSIONS) {
            DataFrame out = sorted(w(s).select(col("k"), col("o"), col("v"), row_number().over(WSV).alias("rn"), rank().over(WS).alias("rk"),
                    dense_rank().over(WS).alias("dr"), percent_rank().over(WS).alias("pr"), cume_dist().over(WS).alias("cd"),
                    ntile(3).over(WS).alias("nt")));
            assertThat(out.schema().simpleString()).isEqualTo("struct<k:string,o:int,v:double,rn:int,rk:int,dr:int,pr:double,cd:double,nt:int>");
            assertThat(values(out)).isEqualTo(rows(
                    r("a", null, 7.0, 1, 1, 1, 0.0, 0.2, 1),
                    r("a", 1, 10.0, 2, 2, 2, 0.25, 0.4, 1),
                    r("a", 2, 5.0, 3, 3, 3, 0.5, 0.8, 2),
                    r("a", 2, 20.0, 4, 3, 3, 0.5, 0.8, 2),
                    r("a", 4, null, 5, 5, 4, 1.0, 1.0, 3),
                    r("b", 5, 1.0, 1, 1, 1, 0.0, 1.0, 1),
                    r("b", 5, 2.0, 2, 1, 1, 0.0, 1.0, 2),
                    r("c", null, null, 1, 1, 1, 0.0, 1.0, 1)));
            assertThat(out.schema().fields().subList(3, 9)).allMatch(f -> !f.nullable());
        }
    }

    @Test void defaultNamesAsSpark() {
        for (Sluice s : SESSIONS) {
            DataFrame out = w(s).select(row_number().over(WS), rank().over(WS), sum(col("v")).over(WS), lag(col("v"), 1).over(WS), ntile(2).over(WS));
            assertThat(out.schema().fieldNames()).containsExactly(
                    "row_number() OVER (PARTITION BY k ORDER BY o ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)",
                    "RANK() OVER (PARTITION BY k ORDER BY o ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)",
                    "sum(v) OVER (PARTITION BY k ORDER BY o ASC NULLS FIRST RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)",
                    "lag(v, 1, NULL) OVER (PARTITION BY k ORDER BY o ASC NULLS FIRST ROWS BETWEEN -1 FOLLOWING AND -1 FOLLOWING)",
                    "ntile(2) OVER (PARTITION BY k ORDER BY o ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)");
            assertThat(out.count()).isEqualTo(8);
        }
    }

    @Test void lagAndLeadWithDefaults() {
        for (Sluice s : SESSIONS) {
            DataFrame out = sorted(w(s).select(col("k"), col("o"), col("v"), lag(col("v"), 1).over(WSV).alias("lag1"),
                    lead(col("v"), 1).over(WSV).alias("lead1"), lag(col("v"), 2, -1.0).over(WSV).alias("lag2d"),
                    lead(col("v"), 1, 0.0).over(WSV).alias("lead1d")));
            assertThat(values(out)).isEqualTo(rows(
                    r("a", null, 7.0, null, 10.0, -1.0, 10.0),
                    r("a", 1, 10.0, 7.0, 5.0, -1.0, 5.0),
                    r("a", 2, 5.0, 10.0, 20.0, 7.0, 20.0),
                    r("a", 2, 20.0, 5.0, null, 10.0, null),
                    r("a", 4, null, 20.0, null, 5.0, 0.0),
                    r("b", 5, 1.0, null, 2.0, -1.0, 2.0),
                    r("b", 5, 2.0, 1.0, null, -1.0, 0.0),
                    r("c", null, null, null, null, -1.0, 0.0)));
        }
    }

    @Test void leadBeyondThePartitionAndLagZero() {
        for (Sluice s : SESSIONS) {
            DataFrame ids = range(s, 3);
            DataFrame out = ids.select(col("id"), lead(col("id"), 5).over(Window.orderBy("id")).alias("l"), lag(col("id"), 0).over(Window.orderBy("id")).alias("l0"));
            assertThat(values(out)).isEqualTo(rows(r(0L, null, 0L), r(1L, null, 1L), r(2L, null, 2L)));
        }
    }

    @Test void defaultFrameIsRangeToCurrentRowSoTiesShareResults() {
        for (Sluice s : SESSIONS) {
            DataFrame out = sorted(w(s).select(col("k"), col("o"), col("v"), sum(col("v")).over(WS).alias("s"), count(col("v")).over(WS).alias("c"),
                    avg(col("v")).over(WS).alias("a"), min(col("v")).over(WS).alias("mn"), max(col("v")).over(WS).alias("mx"),
                    count(lit(1)).over(WS).alias("c1")));
            assertThat(out.schema().simpleString()).isEqualTo("struct<k:string,o:int,v:double,s:double,c:bigint,a:double,mn:double,mx:double,c1:bigint>");
            assertThat(values(out)).isEqualTo(rows(
                    r("a", null, 7.0, 7.0, 1L, 7.0, 7.0, 7.0, 1L),
                    r("a", 1, 10.0, 17.0, 2L, 8.5, 7.0, 10.0, 2L),
                    r("a", 2, 5.0, 42.0, 4L, 10.5, 5.0, 20.0, 4L),
                    r("a", 2, 20.0, 42.0, 4L, 10.5, 5.0, 20.0, 4L),
                    r("a", 4, null, 42.0, 4L, 10.5, 5.0, 20.0, 5L),
                    r("b", 5, 1.0, 3.0, 2L, 1.5, 1.0, 2.0, 2L),
                    r("b", 5, 2.0, 3.0, 2L, 1.5, 1.0, 2.0, 2L),
                    r("c", null, null, null, 0L, null, null, null, 1L)));
        }
    }

    @Test void unorderedWindowIsTheWholePartition() {
        for (Sluice s : SESSIONS) {
            DataFrame out = sorted(w(s).select(col("k"), col("o"), col("v"), sum(col("v")).over(Window.partitionBy("k")).alias("s"),
                    call_function("first", col("v")).over(Window.partitionBy("k").orderBy("o", "v")).alias("f")));
            assertThat(values(out)).isEqualTo(rows(
                    r("a", null, 7.0, 42.0, 7.0), r("a", 1, 10.0, 42.0, 7.0), r("a", 2, 5.0, 42.0, 7.0), r("a", 2, 20.0, 42.0, 7.0),
                    r("a", 4, null, 42.0, 7.0), r("b", 5, 1.0, 3.0, 1.0), r("b", 5, 2.0, 3.0, 1.0), r("c", null, null, null, null)));
        }
    }

    @Test void rowsFrames() {
        for (Sluice s : SESSIONS) {
            DataFrame out = sorted(w(s).select(col("k"), col("o"), col("v"), sum(col("v")).over(WSV.rowsBetween(-1, 1)).alias("s3"),
                    avg(col("v")).over(WSV.rowsBetween(Window.unboundedPreceding(), Window.currentRow())).alias("run"),
                    sum(col("v")).over(WSV.rowsBetween(Window.currentRow(), Window.unboundedFollowing())).alias("rest")));
            assertThat(values(out)).isEqualTo(rows(
                    r("a", null, 7.0, 17.0, 7.0, 42.0),
                    r("a", 1, 10.0, 22.0, 8.5, 35.0),
                    r("a", 2, 5.0, 35.0, 7.333333333333333, 25.0),
                    r("a", 2, 20.0, 25.0, 10.5, 20.0),
                    r("a", 4, null, 20.0, 10.5, null),
                    r("b", 5, 1.0, 3.0, 1.0, 3.0),
                    r("b", 5, 2.0, 3.0, 1.5, 2.0),
                    r("c", null, null, null, null, null)));
        }
    }

    @Test void rangeFramesWithOffsetsNullKeysAndDescendingOrder() {
        for (Sluice s : SESSIONS) {
            DataFrame out = sorted(w(s).select(col("k"), col("o"), col("v"), sum(col("v")).over(WS.rangeBetween(-1, 0)).alias("r"),
                    count(col("v")).over(WS.rangeBetween(Window.unboundedPreceding(), Window.unboundedFollowing())).alias("all"),
                    sum(col("v")).over(Window.partitionBy("k").orderBy(col("o").desc()).rangeBetween(-1, 1)).alias("rd")));
            assertThat(values(out)).isEqualTo(rows(
                    r("a", null, 7.0, 7.0, 4L, 7.0),
                    r("a", 1, 10.0, 10.0, 4L, 35.0),
                    r("a", 2, 5.0, 35.0, 4L, 35.0),
                    r("a", 2, 20.0, 35.0, 4L, 35.0),
                    r("a", 4, null, null, 4L, null),
                    r("b", 5, 1.0, 3.0, 2L, 3.0),
                    r("b", 5, 2.0, 3.0, 2L, 3.0),
                    r("c", null, null, null, 0L, null)));
        }
    }

    @Test void firstAndLastValue() {
        for (Sluice s : SESSIONS) {
            DataFrame out = sorted(w(s).select(col("k"), col("o"), col("v"), first_value(col("v")).over(WS).alias("fv"),
                    last_value(col("v")).over(WS).alias("lv"), last_value(col("v"), true).over(WS).alias("lvin"),
                    first_value(col("v"), true).over(WS).alias("fin")));
            assertThat(values(out)).isEqualTo(rows(
                    r("a", null, 7.0, 7.0, 7.0, 7.0, 7.0),
                    r("a", 1, 10.0, 7.0, 10.0, 10.0, 7.0),
                    r("a", 2, 5.0, 7.0, 5.0, 5.0, 7.0),
                    r("a", 2, 20.0, 7.0, 5.0, 5.0, 7.0),
                    r("a", 4, null, 7.0, null, 5.0, 7.0),
                    r("b", 5, 1.0, 1.0, 2.0, 2.0, 1.0),
                    r("b", 5, 2.0, 1.0, 2.0, 2.0, 1.0),
                    r("c", null, null, null, null, null, null)));
        }
    }

    @Test void descendingOrderPutsNullsLast() {
        for (Sluice s : SESSIONS) {
            DataFrame out = w(s).select(col("k"), col("o"), rank().over(Window.partitionBy("k").orderBy(col("o").desc())).alias("r")).orderBy("k", "o");
            assertThat(column(out, 2)).containsExactly(5, 4, 2, 2, 1, 1, 1, 1);
        }
    }

    @Test void noPartitionByIsOneWindow() {
        for (Sluice s : SESSIONS) {
            DataFrame out = w(s).select(col("o"), col("v"), row_number().over(Window.orderBy(col("o").asc_nulls_last(), col("v").asc_nulls_last())).alias("rn")).orderBy("rn");
            assertThat(values(out)).isEqualTo(rows(r(1, 10.0, 1), r(2, 5.0, 2), r(2, 20.0, 3), r(4, null, 4), r(5, 1.0, 5), r(5, 2.0, 6),
                    r(null, 7.0, 7), r(null, null, 8)));
        }
    }

    @Test void ntileSplitsUnevenly() {
        for (Sluice s : SESSIONS) {
            DataFrame out = range(s, 7).select(col("id"), ntile(3).over(Window.orderBy("id")).alias("n"), ntile(10).over(Window.orderBy("id")).alias("n10"));
            assertThat(column(out, 1)).containsExactly(1, 1, 1, 2, 2, 3, 3);
            assertThat(column(out, 2)).containsExactly(1, 2, 3, 4, 5, 6, 7);
        }
    }

    @Test void sumOfIntsIsBigintAndAvgDouble() {
        for (Sluice s : SESSIONS) {
            DataFrame out = w(s).select(sum(col("o")).over(WS).alias("s"), avg(col("o")).over(WS).alias("a"));
            assertThat(out.schema().simpleString()).isEqualTo("struct<s:bigint,a:double>");
            assertThat(out.schema().fields()).allMatch(f -> f.nullable());
        }
    }

    @Test void filterAfterWindowAndWithColumn() {
        for (Sluice s : SESSIONS) {
            DataFrame out = w(s).withColumn("rn", row_number().over(WSV)).filter(col("rn").equalTo(1)).orderBy("k");
            assertThat(values(out)).isEqualTo(rows(r("a", null, 7.0, 1), r("b", 5, 1.0, 1), r("c", null, null, 1)));
        }
    }

    @Test void windowInsideAnExpression() {
        for (Sluice s : SESSIONS) {
            DataFrame out = w(s).select(col("k"), col("o"), col("v"), row_number().over(WSV).plus(100).alias("x"),
                    lag(col("v").multiply(2), 1).over(Window.partitionBy(col("k")).orderBy(col("o").plus(0), col("v"))).alias("y"));
            assertThat(values(sorted(out)).get(1)).isEqualTo(List.of("a", 1, 10.0, 102, 14.0));
        }
    }

    @Test void emptyInput() {
        for (Sluice s : SESSIONS) {
            DataFrame out = w(s).filter(col("o").gt(100)).select(col("k"), rank().over(WS).alias("r"), sum(col("v")).over(WS).alias("s"));
            assertThat(out.collect()).isEmpty();
        }
    }

    @Test void errorsAsSpark() {
        Sluice s = SESSIONS.get(0);
        DataFrame w = w(s);
        assertCode(ErrorCode.WINDOW_NOT_ORDERED, () -> w.select(rank().over(Window.partitionBy("k"))).collect());
        assertCode(ErrorCode.WINDOW_NOT_ORDERED, () -> w.select(lag(col("v"), 1).over(Window.partitionBy("k"))).collect());
        assertCode(ErrorCode.WINDOW_FRAME_MISMATCH, () -> w.select(row_number().over(WS.rowsBetween(-1, 1))).collect());
        assertCode(ErrorCode.INVALID_WINDOW_FRAME, () -> w.select(sum(col("v")).over(Window.partitionBy("k").orderBy("o", "v").rangeBetween(-1, 1))).collect());
        assertCode(ErrorCode.INVALID_WINDOW_FRAME, () -> w.select(sum(col("v")).over(Window.partitionBy("o").orderBy("k").rangeBetween(-1, 1))).collect());
        assertCode(ErrorCode.INVALID_WINDOW_FRAME, () -> w.select(sum(col("v")).over(WS.rowsBetween(1, -1))).collect());
        assertCode(ErrorCode.WINDOW_FUNCTION_NOT_ALLOWED, () -> w.filter(row_number().over(WS).equalTo(1)).collect());
        assertCode(ErrorCode.WINDOW_FUNCTION_NOT_ALLOWED, () -> w.orderBy(row_number().over(WS)).collect());
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> w.select(ntile(0).over(WS)).collect());
        assertCode(ErrorCode.CAST_INVALID_INPUT, () -> w.select(sum(col("k")).over(WS)).collect());   // as Spark 4: 'a' is not a number
        assertCode(ErrorCode.UNSUPPORTED_OPERATION, () -> w.select(dev.sluice.functions.countDistinct(col("v")).over(WS)).collect());
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> w.select(col("v").over(WS)).collect());
    }

    @Test void explainShowsTheWindow() {
        DataFrame out = w(SESSIONS.get(0)).select(col("k"), rank().over(WS).alias("r"));
        assertThat(out.explainString("extended")).contains("Window: [RANK() OVER (PARTITION BY k ORDER BY o ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS");
        assertThat(out.explainString("extended")).contains("WindowExec");
    }

    @Test void dataTypeOfLagDefaultIsCoerced() {
        for (Sluice s : SESSIONS) {
            DataFrame out = range(s, 2).select(lag(col("id"), 1, 7).over(Window.orderBy("id")).alias("l"));
            assertThat(out.schema().field(0).dataType()).isEqualTo(DataTypes.LONG);
            assertThat(column(out, 0)).containsExactly(7L, 0L);
        }
    }

    @Test void nanAndNegativeZeroKeysGroupAsSpark() {
        for (Sluice s : SESSIONS) {
            DataFrame t = df(s, "id INT, d DOUBLE", r(1, 0.0), r(2, -0.0), r(3, Double.NaN), r(4, Double.NaN), r(5, null), r(6, Double.POSITIVE_INFINITY));
            DataFrame out = t.select(col("id"), count(lit(1)).over(Window.partitionBy("d")).alias("n"), rank().over(Window.orderBy("d")).alias("r"),
                    count(lit(1)).over(Window.orderBy("d").rangeBetween(-1, 1)).alias("near")).orderBy("id");
            assertThat(values(out)).isEqualTo(rows(r(1, 2L, 2, 2L), r(2, 2L, 2, 2L), r(3, 2L, 5, 2L), r(4, 2L, 5, 2L), r(5, 1L, 1, 1L), r(6, 1L, 4, 1L)));
        }
    }

    @Test void onePartitionPerRow() {
        for (Sluice s : SESSIONS) {
            DataFrame out = w(s).select(col("k"), col("o"), col("v"), rank().over(Window.partitionBy("k", "o", "v").orderBy("v")).alias("r"),
                    lag(col("v"), 1).over(Window.partitionBy("k", "o", "v").orderBy("v")).alias("l"));
            assertThat(column(out, 3)).containsOnly(1);
            assertThat(column(out, 4)).containsOnlyNulls();
        }
    }

    @Test void integerSumOverflowIsAnError() {
        for (Sluice s : SESSIONS) {
            DataFrame t = df(s, "id INT, x BIGINT", r(1, Long.MAX_VALUE), r(2, 1L));
            assertCode(ErrorCode.ARITHMETIC_OVERFLOW, () -> t.select(sum(col("x")).over(Window.orderBy("id"))).collect());
        }
    }

    @Test void pruningReadsOnlyWhatTheWindowUsesAndDropsUnusedWindows() {
        DataFrame t = df(SESSIONS.get(0), "a INT, b INT, c INT, d STRING", r(1, 2, 3, "x"));
        String plan = t.select(col("a"), rank().over(Window.partitionBy("b").orderBy("c")).alias("r")).explainString("extended");
        assertThat(plan.substring(plan.indexOf("Optimized"))).contains("Scan: memory 1 rows [a, b, c]").doesNotContain("[a, b, c, d]");
        String unused = t.select(col("a"), rank().over(Window.partitionBy("b").orderBy("c")).alias("r")).select("a").explainString("extended");
        assertThat(unused.substring(unused.indexOf("Optimized"))).doesNotContain("Window");
    }

    @Test void twoOrderingsOverTheSamePartitioningShareTheExchange() {
        for (Sluice s : SESSIONS) {
            DataFrame out = sorted(w(s).select(col("k"), col("o"), col("v"), row_number().over(WSV).alias("rn"),
                    rank().over(Window.partitionBy("k").orderBy(col("v").desc())).alias("byV")));
            assertThat(column(out, 3)).containsExactly(1, 2, 3, 4, 5, 1, 2, 1);
            assertThat(column(out, 4)).containsExactly(3, 2, 4, 1, 5, 2, 1, 1);
            assertThat(out.explainString("extended").split("ExchangeExec: hash", -1)).hasSize(2);
        }
    }

    /** Spark (oracle WindowExtra "desc asym range"): ids 1..5 with o = 1, 2, 3, 5, NULL; collect_list shown here as sums. */
    @Test void asymmetricRangeOffsetsFollowTheSortDirection() {
        for (Sluice s : SESSIONS) {
            DataFrame t = df(s, "id INT, o INT", r(1, 1), r(2, 2), r(3, 3), r(4, 5), r(5, null));
            Column id = col("id");
            DataFrame out = t.select(id, sum(id).over(Window.orderBy(col("o").desc()).rangeBetween(-1, 0)).alias("m10"),
                    sum(id).over(Window.orderBy(col("o").desc()).rangeBetween(0, 2)).alias("p02"),
                    sum(id).over(Window.orderBy(col("o")).rangeBetween(Window.unboundedPreceding(), 1)).alias("u1"),
                    sum(id).over(Window.orderBy(col("o").asc_nulls_last()).rangeBetween(-1, Window.unboundedFollowing())).alias("m1u")).orderBy("id");
            assertThat(values(out)).isEqualTo(rows(r(1, 3L, 1L, 8L, 15L), r(2, 5L, 3L, 11L, 15L), r(3, 3L, 6L, 11L, 14L),
                    r(4, 4L, 7L, 15L, 9L), r(5, 5L, 5L, 5L, 5L)));
        }
    }

    @Test void namesNullabilityAndEmptyFramesAsSpark() {
        for (Sluice s : SESSIONS) {
            WindowSpec byId = Window.orderBy("id");
            DataFrame out = range(s, 2).select(first_value(col("id"), true).over(byId), lag(col("id"), 1, 7).over(byId),
                    count(lit(1)).over(Window.partitionBy("id")), lead(col("id"), 2).over(Window.orderBy(col("id").desc())));
            assertThat(out.schema().fieldNames()).containsExactly(
                    "first_value(id) OVER (ORDER BY id ASC NULLS FIRST RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)",
                    "lag(id, 1, 7) OVER (ORDER BY id ASC NULLS FIRST ROWS BETWEEN -1 FOLLOWING AND -1 FOLLOWING)",
                    "count(1) OVER (PARTITION BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)",
                    "lead(id, 2, NULL) OVER (ORDER BY id DESC NULLS LAST ROWS BETWEEN 2 FOLLOWING AND 2 FOLLOWING)");
            assertThat(out.schema().fields().stream().map(f -> f.nullable()).toList()).containsExactly(true, false, false, true);
            DataFrame empty = range(s, 3).select(col("id"), sum(col("id")).over(byId.rowsBetween(5, 6)).alias("s"),
                    count(col("id")).over(byId.rowsBetween(5, 6)).alias("c"));
            assertThat(values(empty)).isEqualTo(rows(r(0L, null, 0L), r(1L, null, 0L), r(2L, null, 0L)));
        }
    }

    /** Spark: sum of decimal(3,2) is decimal(13,2); avg is decimal(7,6). */
    @Test void decimalSumAndAverage() {
        for (Sluice s : SESSIONS) {
            DataFrame t = df(s, "id INT, x DECIMAL(3,2)", r(1, new java.math.BigDecimal("1.50")), r(2, new java.math.BigDecimal("2.25")));
            DataFrame out = t.select(sum(col("x")).over(Window.orderBy("id")).alias("s"), avg(col("x")).over(Window.orderBy("id")).alias("a"));
            assertThat(out.schema().simpleString()).isEqualTo("struct<s:decimal(13,2),a:decimal(7,6)>");
            assertThat(values(out)).isEqualTo(rows(r(new java.math.BigDecimal("1.50"), new java.math.BigDecimal("1.500000")),
                    r(new java.math.BigDecimal("3.75"), new java.math.BigDecimal("1.875000"))));
        }
    }

    @Test void rangeFrameNeedsAnOrder() {
        DataFrame t = range(SESSIONS.get(0), 3);
        assertCode(ErrorCode.INVALID_WINDOW_FRAME, () -> t.select(sum(col("id")).over(Window.partitionBy(lit(1)).rangeBetween(Window.unboundedPreceding(), 0))).collect());
        assertCode(ErrorCode.INVALID_WINDOW_FRAME, () -> t.select(sum(col("id")).over(Window.partitionBy(lit(1)).rangeBetween(-1, 1))).collect());
    }

    /** Any aggregate works over a frame: collect_list shows the frames' rows in order (oracle WindowExtra "desc asym range"). */
    @Test void collectListShowsTheFrames() {
        for (Sluice s : SESSIONS) {
            DataFrame t = df(s, "id INT, o INT", r(1, 1), r(2, 2), r(3, 3), r(4, 5), r(5, null));
            Column id = col("id");
            DataFrame out = t.select(id, dev.sluice.functions.collect_list(id).over(Window.orderBy(col("o").desc()).rangeBetween(-1, 0)).alias("m10"),
                    dev.sluice.functions.collect_list(id).over(Window.orderBy(col("o")).rangeBetween(Window.unboundedPreceding(), 1)).alias("u1")).orderBy("id");
            assertThat(values(out)).isEqualTo(rows(r(1, List.of(2, 1), List.of(5, 1, 2)), r(2, List.of(3, 2), List.of(5, 1, 2, 3)),
                    r(3, List.of(3), List.of(5, 1, 2, 3)), r(4, List.of(4), List.of(5, 1, 2, 3, 4)), r(5, List.of(5), List.of(5))));
        }
    }

    @Test void windowFunctionsOutsideASelectOrNestedAreRejected() {
        DataFrame w = w(SESSIONS.get(0));
        WindowSpec byK = Window.orderBy("k");
        assertCode(ErrorCode.WINDOW_FUNCTION_NOT_ALLOWED, () -> w.groupBy("k").agg(sum(col("v")), rank().over(byK)).collect());
        assertCode(ErrorCode.WINDOW_FUNCTION_NOT_ALLOWED, () -> w.select(sum(rank().over(byK))).collect());
        assertCode(ErrorCode.WINDOW_FUNCTION_NOT_ALLOWED, () -> w.select(rank().over(Window.orderBy(rank().over(byK)))).collect());
        assertCode(ErrorCode.WINDOW_FUNCTION_NOT_ALLOWED, () -> w.select(lag(rank().over(byK), 1).over(byK)).collect());
        assertCode(ErrorCode.UNSUPPORTED_OPERATION, () -> w.select(dev.sluice.functions.explode(dev.sluice.functions.array(col("o"))), rank().over(byK)).collect());
    }

    @Test void windowsOverAnAggregationAndAColumnDefault() {
        for (Sluice s : SESSIONS) {
            DataFrame ranked = w(s).groupBy("k").agg(sum(col("v")).alias("s")).select(col("k"), rank().over(Window.orderBy(col("s").desc())).alias("r"));
            assertThat(values(ranked.orderBy("k"))).isEqualTo(rows(r("a", 1), r("b", 2), r("c", 3)));
            DataFrame lagged = w(s).select(col("k"), col("o"), col("v"), lag(col("v"), 1, col("o")).over(WSV).alias("l"));
            assertThat(column(sorted(lagged), 3)).containsExactly(null, 7.0, 10.0, 5.0, 20.0, 5.0, 1.0, null);
        }
    }
}
