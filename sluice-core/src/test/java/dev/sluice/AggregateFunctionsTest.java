package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.sluice.AggregateTestSupport.schema;
import static dev.sluice.AggregateTestSupport.session;
import static dev.sluice.AggregateTestSupport.sorted;
import static dev.sluice.functions.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Aggregate functions end to end, against results observed on Spark 4.1.1 (ANSI) with the same data
 * (/work/scratch/spark-oracle, programs Agg and Agg2). Each test runs at parallelism 1 and 7 with batches of
 * 2-3 rows, so every group's state is built in several partitions and merged.
 */
class AggregateFunctionsTest {
    static final StructType SCHEMA = StructType.fromDDL("k STRING, i INT, l BIGINT, d DOUBLE, dec DECIMAL(10,2), s STRING");

    static DataFrame data(Sluice sluice) {
        List<Row> rows = Arrays.asList(
                Row.of(SCHEMA, "a", 1, 10L, 1.5, new BigDecimal("1.10"), "x"),
                Row.of(SCHEMA, "a", null, 20L, Double.NaN, new BigDecimal("2.20"), null),
                Row.of(SCHEMA, "a", 3, null, 2.5, new BigDecimal("3.35"), "b"),
                Row.of(SCHEMA, "b", null, null, null, null, null),
                Row.of(SCHEMA, "c", 7, 7L, -0.0, new BigDecimal("0.01"), "zz"),
                Row.of(SCHEMA, "c", 7, 8L, 0.0, new BigDecimal("0.02"), "zz"),
                Row.of(SCHEMA, null, 5, 5L, 5.0, new BigDecimal("5.00"), "n"));
        return sluice.createDataFrame(rows, SCHEMA);
    }

    static DataFrame single(Sluice sluice, String ddl, Object... values) {
        StructType schema = StructType.fromDDL(ddl);
        List<Row> rows = new ArrayList<>();
        for (Object v : values) rows.add(Row.of(schema, v));
        return sluice.createDataFrame(rows, schema);
    }

    @ParameterizedTest @ValueSource(ints = {1, 7})
    void everyFunctionMatchesSparkPerGroup(int parallelism) {
        try (Sluice sluice = session(parallelism)) {
            DataFrame agg = data(sluice).groupBy("k").agg(count("*"), count("i"), countDistinct("i"), count_distinct(col("i"), col("s")),
                    sum("i"), sum("l"), sum("d"), sum("dec"), avg("i"), avg("dec"), mean("d"), min("s"), max("s"), min("d"), max("d"),
                    first("i"), last("i"), first(col("i"), true), last(col("i"), true), collect_list("i"), collect_set("s"),
                    stddev(col("d")), stddev_samp(col("i")), stddev_pop(col("i")), variance(col("i")), var_samp(col("i")), var_pop(col("i")),
                    approx_count_distinct("s"), approx_count_distinct(col("s"), 0.01), any_value(col("i")), sum_distinct(col("i")),
                    sum(col("i").multiply(col("d"))));
            assertThat(schema(agg)).containsExactly("k:string", "count(1):bigint NOT NULL", "count(i):bigint NOT NULL",
                    "count(DISTINCT i):bigint NOT NULL", "count(DISTINCT i, s):bigint NOT NULL", "sum(i):bigint", "sum(l):bigint",
                    "sum(d):double", "sum(dec):decimal(20,2)", "avg(i):double", "avg(dec):decimal(14,6)", "avg(d):double",
                    "min(s):string", "max(s):string", "min(d):double", "max(d):double", "first(i):int", "last(i):int",
                    "first(i):int", "last(i):int", "collect_list(i):array<int> NOT NULL", "collect_set(s):array<string> NOT NULL",
                    "stddev(d):double", "stddev_samp(i):double", "stddev_pop(i):double", "variance(i):double", "var_samp(i):double",
                    "var_pop(i):double", "approx_count_distinct(s):bigint NOT NULL", "approx_count_distinct(s):bigint NOT NULL",
                    "any_value(i):int", "sum(DISTINCT i):bigint", "sum((i * d)):double");
            assertThat(sorted(agg)).containsExactly(
                    "[a,3,2,2,2,4,30,NaN,6.65,2.0,2.216667,NaN,b,x,1.5,NaN,1,3,1,3,[1, 3],[x, b],NaN,1.4142135623730951,1.0,2.0,2.0,1.0,2,2,1,4,9.0]",
                    "[b,1,0,0,0,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,[],[],null,null,null,null,null,null,0,0,null,null,null]",
                    "[c,2,2,1,1,14,15,0.0,0.03,7.0,0.015000,0.0,zz,zz,-0.0,-0.0,7,7,7,7,[7, 7],[zz],0.0,0.0,0.0,0.0,0.0,0.0,1,1,7,7,0.0]",
                    "[null,1,1,1,1,5,5,5.0,5.00,5.0,5.000000,5.0,n,n,5.0,5.0,5,5,5,5,[5],[n],null,null,0.0,null,null,0.0,1,1,5,5,25.0]");
        }
    }

    @ParameterizedTest @ValueSource(ints = {1, 7})
    void groupedDataShortcutsNameTheirColumnsAsSpark(int parallelism) {
        try (Sluice sluice = session(parallelism)) {
            DataFrame df = data(sluice);
            DataFrame counted = df.groupBy("k").count();
            assertThat(schema(counted)).containsExactly("k:string", "count:bigint NOT NULL");
            assertThat(sorted(counted)).containsExactly("[a,3]", "[b,1]", "[c,2]", "[null,1]");
            assertThat(sorted(df.groupBy("k").sum("i", "l"))).containsExactly("[a,4,30]", "[b,null,null]", "[c,14,15]", "[null,5,5]");
            assertThat(schema(df.groupBy("k").mean("i"))).containsExactly("k:string", "avg(i):double");
            assertThat(sorted(df.groupBy("k").avg("i"))).containsExactly("[a,2.0]", "[b,null]", "[c,7.0]", "[null,5.0]");
            assertThat(sorted(df.groupBy("k").max("i"))).containsExactly("[a,3]", "[b,null]", "[c,7]", "[null,5]");
            assertThat(sorted(df.groupBy("k").min("d"))).containsExactly("[a,1.5]", "[b,null]", "[c,-0.0]", "[null,5.0]");
            assertThat(schema(df.groupBy("k").sum())).containsExactly("k:string", "sum(i):bigint", "sum(l):bigint", "sum(d):double", "sum(dec):decimal(20,2)");
            assertThatThrownBy(() -> df.groupBy("k").sum("s"))
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH));
        }
    }

    @ParameterizedTest @ValueSource(ints = {1, 7})
    void aggOfAMapNamesColumnsLikeTheFunctions(int parallelism) {
        try (Sluice sluice = session(parallelism)) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("i", "max");
            m.put("d", "avg");
            m.put("l", "count");
            DataFrame df = data(sluice).groupBy("k").agg(m);
            assertThat(schema(df)).containsExactly("k:string", "max(i):int", "avg(d):double", "count(l):bigint NOT NULL");
            assertThat(sorted(df)).containsExactly("[a,3,NaN,2]", "[b,null,null,0]", "[c,7,0.0,2]", "[null,5,5.0,1]");
            DataFrame rows = data(sluice).groupBy("k").agg(Map.of("*", "count"));
            assertThat(schema(rows)).containsExactly("k:string", "count(1):bigint NOT NULL");
            // mean of a string column casts it to double under ANSI: 'x' fails at run time, as in Spark
            DataFrame bad = data(sluice).groupBy("k").agg(Map.of("s", "mean"));
            assertThat(schema(bad)).containsExactly("k:string", "avg(s):double");
            assertThatThrownBy(bad::collect)
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CAST_INVALID_INPUT));
        }
    }

    @ParameterizedTest @ValueSource(ints = {1, 7})
    void globalAggregatesGiveOneRowEvenForAnEmptyInput(int parallelism) {
        try (Sluice sluice = session(parallelism)) {
            DataFrame df = data(sluice);
            DataFrame global = df.agg(count("*"), sum("i"), avg("dec"), stddev(col("i")));
            assertThat(schema(global)).containsExactly("count(1):bigint NOT NULL", "sum(i):bigint", "avg(dec):decimal(14,6)", "stddev(i):double");
            assertThat(sorted(global)).containsExactly("[7,23,1.946667,2.6076809620810595]");
            assertThat(sorted(df.groupBy().count())).containsExactly("[7]");
            DataFrame selected = df.select(sum("i"), count(lit(1)));
            assertThat(schema(selected)).containsExactly("sum(i):bigint", "count(1):bigint NOT NULL");
            assertThat(sorted(selected)).containsExactly("[23,7]");

            DataFrame empty = df.filter(lit(false));
            DataFrame none = empty.agg(count("*"), count("i"), sum("i"), avg("i"), min("s"), first("i"), collect_list("i"),
                    collect_set("i"), stddev(col("d")), approx_count_distinct("i"), countDistinct("i"));
            assertThat(sorted(none)).containsExactly("[0,0,null,null,null,null,[],[],null,0,0]");
            assertThat(sorted(empty.groupBy("k").agg(count("*")))).isEmpty();
            assertThat(sorted(empty.groupBy().count())).containsExactly("[0]");
        }
    }

    @ParameterizedTest @ValueSource(ints = {1, 7})
    void outputsMayComputeOnAggregatesAndGroupingExpressions(int parallelism) {
        try (Sluice sluice = session(parallelism)) {
            DataFrame df = data(sluice);
            DataFrame over = df.groupBy("k").agg(sum("i").plus(1), count("*").multiply(2).alias("c2"), col("k"));
            assertThat(schema(over)).containsExactly("k:string", "(sum(i) + 1):bigint", "c2:bigint NOT NULL", "k:string");
            assertThat(sorted(over)).containsExactly("[a,5,6,a]", "[b,null,2,b]", "[c,15,4,c]", "[null,6,2,null]");
            DataFrame byExpr = df.groupBy(col("i").plus(1)).agg(count("*"));
            assertThat(schema(byExpr)).containsExactly("(i + 1):int", "count(1):bigint NOT NULL");
            assertThat(sorted(byExpr)).containsExactly("[2,1]", "[4,1]", "[6,1]", "[8,2]", "[null,2]");
            DataFrame aliased = df.groupBy(col("i").mod(2).alias("par")).agg(count("*"), sum("i"));
            assertThat(schema(aliased)).containsExactly("par:int", "count(1):bigint NOT NULL", "sum(i):bigint");
            assertThat(sorted(aliased)).containsExactly("[1,5,23]", "[null,2,null]");
            DataFrame reused = df.groupBy(col("i").plus(1)).agg(col("i").plus(1).multiply(2), count("*"));
            assertThat(schema(reused)).containsExactly("(i + 1):int", "((i + 1) * 2):int", "count(1):bigint NOT NULL");
            assertThat(sorted(reused)).containsExactly("[2,4,1]", "[4,8,1]", "[6,12,1]", "[8,16,2]", "[null,null,2]");
        }
    }

    @ParameterizedTest @ValueSource(ints = {1, 7})
    void statisticsOfOneRowNanAndNulls(int parallelism) {
        try (Sluice sluice = session(parallelism)) {
            DataFrame df = data(sluice);
            assertThat(sorted(df.filter(col("i").equalTo(1)).agg(stddev(col("i")), stddev_samp(col("i")), stddev_pop(col("i")),
                    variance(col("i")), var_samp(col("i")), var_pop(col("i"))))).containsExactly("[null,null,0.0,null,null,0.0]");
            assertThat(sorted(df.filter(col("k").equalTo("a")).agg(stddev(col("d")), stddev_pop(col("d")), avg("d"), sum("d"), min("d"), max("d"))))
                    .containsExactly("[NaN,NaN,NaN,NaN,1.5,NaN]");
            assertThat(sorted(df.filter(col("k").equalTo("b")).agg(stddev(col("d")), stddev_pop(col("d")), avg("d"), sum("d"), min("d"), max("d"), count("d"))))
                    .containsExactly("[null,null,null,null,null,null,0]");
        }
    }

    @ParameterizedTest @ValueSource(ints = {1, 7})
    void decimalAveragesRoundHalfUpAtSparksScale(int parallelism) {
        try (Sluice sluice = session(parallelism)) {
            DataFrame a = single(sluice, "v DECIMAL(10,2)", new BigDecimal("1.00"), new BigDecimal("2.00"), new BigDecimal("2.00"));
            assertThat(schema(a.agg(avg("v"), sum("v")))).containsExactly("avg(v):decimal(14,6)", "sum(v):decimal(20,2)");
            assertThat(sorted(a.agg(avg("v"), sum("v")))).containsExactly("[1.666667,5.00]");
            DataFrame b = single(sluice, "v DECIMAL(38,2)", new BigDecimal("1.01"), new BigDecimal("2.02"), new BigDecimal("0.00"));
            assertThat(schema(b.agg(avg("v"), sum("v")))).containsExactly("avg(v):decimal(38,6)", "sum(v):decimal(38,2)");
            assertThat(sorted(b.agg(avg("v"), sum("v")))).containsExactly("[1.010000,3.03]");
            DataFrame c = single(sluice, "v DECIMAL(5,4)", new BigDecimal("1.0001"), new BigDecimal("0.0002"), new BigDecimal("0.0002"));
            assertThat(sorted(c.agg(avg("v"), sum("v")))).containsExactly("[0.33350000,1.0005]");
            DataFrame d = single(sluice, "v DECIMAL(2,1)", new BigDecimal("0.1"), new BigDecimal("0.1"), new BigDecimal("0.2"),
                    new BigDecimal("0.2"), new BigDecimal("0.2"), new BigDecimal("0.2"));
            assertThat(schema(d.agg(avg("v"), sum("v")))).containsExactly("avg(v):decimal(6,5)", "sum(v):decimal(12,1)");
            assertThat(sorted(d.agg(avg("v"), sum("v")))).containsExactly("[0.16667,1.0]");
            Object[] twenty = new Object[20];
            Arrays.fill(twenty, new BigDecimal("9999999999"));
            DataFrame e = single(sluice, "v DECIMAL(10,0)", twenty);
            assertThat(sorted(e.agg(sum("v"), avg("v")))).containsExactly("[199999999980,9999999999.0000]");
        }
    }

    @ParameterizedTest @ValueSource(ints = {1, 7})
    void overflowingSumsFailUnderAnsi(int parallelism) {
        try (Sluice sluice = session(parallelism)) {
            DataFrame longs = single(sluice, "v BIGINT", Long.MAX_VALUE, 1L);
            assertThatThrownBy(() -> longs.agg(sum("v")).collect())
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW));
            assertThat(sorted(longs.agg(avg("v")))).containsExactly("[4.6116860184273879E18]");
            assertThat(sorted(single(sluice, "v INT", Integer.MAX_VALUE, Integer.MAX_VALUE).agg(sum("v")))).containsExactly("[4294967294]");
            DataFrame big = single(sluice, "v DECIMAL(38,0)", new BigDecimal("99999999999999999999999999999999999999"), BigDecimal.ONE);
            assertThatThrownBy(() -> big.agg(sum("v")).collect())
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE));
            assertThatThrownBy(() -> big.agg(avg("v")).collect())
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE));
        }
        try (Sluice legacy = Sluice.builder().parallelism(parallelism).batchSize(1).ansi(false).build()) {
            // Spark 3.5 (non-ANSI): a bigint sum wraps around, a decimal sum that does not fit is NULL
            assertThat(sorted(single(legacy, "v BIGINT", Long.MAX_VALUE, 1L).agg(sum("v")))).containsExactly("[" + Long.MIN_VALUE + "]");
            assertThat(sorted(single(legacy, "v DECIMAL(38,0)", new BigDecimal("99999999999999999999999999999999999999"), BigDecimal.ONE)
                    .agg(sum("v")))).containsExactly("[null]");
        }
    }

    @ParameterizedTest @ValueSource(ints = {1, 7})
    void firstAndLastFollowPartitionOrder(int parallelism) {
        try (Sluice sluice = session(parallelism)) {
            StructType schema = StructType.fromDDL("k STRING, v INT");
            List<Row> rows = List.of(Row.of(schema, "g", null), Row.of(schema, "g", 2), Row.of(schema, "g", 3), Row.of(schema, "g", null),
                    Row.of(schema, "h", null));
            DataFrame df = sluice.createDataFrame(rows, schema).groupBy("k").agg(first("v"), last("v"), first(col("v"), true),
                    last(col("v"), true), any_value(col("v")), any_value(col("v"), lit(true)));
            assertThat(schema(df)).containsExactly("k:string", "first(v):int", "last(v):int", "first(v):int", "last(v):int",
                    "any_value(v):int", "any_value(v):int");
            assertThat(sorted(df)).containsExactly("[g,null,null,2,3,null,2]", "[h,null,null,null,null,null,null]");
        }
    }

    @ParameterizedTest @ValueSource(ints = {1, 7})
    void collectSetKeepsFirstAppearanceOrderWhereSparkUsesHashOrder(int parallelism) {
        try (Sluice sluice = session(parallelism)) {
            DataFrame strings = single(sluice, "v STRING", "z", "a", "m", "a", "b", null, "y");
            // Spark 4.1.1: collect_set = [m, z, a, y, b] (hash order, undefined); ours is deterministic
            assertThat(sorted(strings.agg(collect_set("v"), collect_list("v")))).containsExactly("[[z, a, m, b, y],[z, a, m, a, b, y]]");
            DataFrame ints = single(sluice, "v INT", 30, 1, 200, 1, 7, -5, null);
            assertThat(sorted(ints.agg(collect_set("v"), collect_list("v")))).containsExactly("[[30, 1, 200, 7, -5],[30, 1, 200, 1, 7, -5]]");
        }
    }

    @ParameterizedTest @ValueSource(ints = {1, 7})
    void doublesGroupNanWithNanAndNegativeZeroWithZero(int parallelism) {
        try (Sluice sluice = session(parallelism)) {
            DataFrame df = single(sluice, "v DOUBLE", Double.NaN, Double.NaN, -0.0, 0.0, 1.5);
            assertThat(sorted(df.groupBy("v").count())).containsExactly("[0.0,2]", "[1.5,1]", "[NaN,2]");
            assertThat(sorted(df.agg(min("v"), max("v"), count_distinct(col("v")), approx_count_distinct("v")))).containsExactly("[-0.0,NaN,3,3]");
            // Spark's collect_set keeps both NaNs ([-0.0, 1.5, NaN, NaN]); here NaN equals NaN, as in grouping
            assertThat(sorted(df.agg(collect_set("v")))).containsExactly("[[NaN, -0.0, 1.5]]");
        }
    }

    @ParameterizedTest @ValueSource(ints = {1, 7})
    void minAndMaxOfStructsAndArrays(int parallelism) {
        try (Sluice sluice = session(parallelism)) {
            StructType schema = StructType.fromDDL("st STRUCT<a: INT, b: STRING>, ar ARRAY<INT>");
            StructType st = (StructType) schema.field(0).dataType();
            List<Row> rows = List.of(Row.of(schema, Row.of(st, 1, "x"), List.of(3, 1)), Row.of(schema, Row.of(st, 1, "a"), List.of(2, 9)));
            DataFrame df = sluice.createDataFrame(rows, schema);
            assertThat(sorted(df.agg(min("st"), max("ar"), max("st"), min("ar")))).containsExactly("[[1,a],[3, 1],[1,x],[2, 9]]");
        }
    }
}
