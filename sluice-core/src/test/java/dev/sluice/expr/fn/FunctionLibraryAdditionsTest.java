package dev.sluice.expr.fn;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The functions added for Spark's registry: window forms, sketches, task functions, XML, concat over arrays. */
class FunctionLibraryAdditionsTest {
    static Sluice sluice;

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(2).build(); }

    @AfterAll static void stop() { sluice.close(); }

    static List<String> rows(String sql) {
        List<String> out = new ArrayList<>();
        for (Row r : sluice.sql(sql).collect()) out.add(r.toString());
        return out;
    }

    static Object one(String sql) { return sluice.sql(sql).collect().get(0).get(0); }

    @Test void nthValueLagAndRankForms() {
        String from = " FROM VALUES ('A1', 2), ('A1', 1), ('A2', 3), ('A1', 1) tab(a, b) ORDER BY a, b";
        assertThat(rows("SELECT nth_value(b, 2) OVER (PARTITION BY a ORDER BY b)" + from)).containsExactly("[1]", "[1]", "[1]", "[null]");
        assertThat(rows("SELECT nth_value(b, 3) OVER (PARTITION BY a ORDER BY b ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)" + from))
                .containsExactly("[2]", "[2]", "[2]", "[null]");
        assertThat(rows("SELECT lag(b) OVER (PARTITION BY a ORDER BY b)" + from)).containsExactly("[null]", "[1]", "[1]", "[null]");
        assertThat(rows("SELECT rank(b) OVER (PARTITION BY a ORDER BY b)" + from)).containsExactly("[1]", "[1]", "[3]", "[1]");
        assertThatThrownBy(() -> sluice.sql("SELECT nth_value(b, 0) OVER (ORDER BY b)" + from).collect())
                .isInstanceOf(SluiceException.class).extracting(e -> ((SluiceException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test void concatOfArrays() {
        assertThat(one("SELECT concat(array(1, 2), array(3), array(4, 5))")).isEqualTo(List.of(1, 2, 3, 4, 5));
        assertThat(one("SELECT concat(array(1), CAST(NULL AS ARRAY<INT>))")).isNull();
    }

    @Test void sketchesEstimateAndCombine() {
        assertThat(one("SELECT hll_sketch_estimate(hll_sketch_agg(col)) FROM VALUES (1), (1), (2), (2), (3) tab(col)")).isEqualTo(3L);
        assertThat(one("SELECT hll_sketch_estimate(hll_union(hll_sketch_agg(a), hll_sketch_agg(b))) FROM VALUES (1, 4), (2, 5), (3, 5) t(a, b)")).isEqualTo(5L);
        assertThat(one("SELECT theta_sketch_estimate(theta_intersection(theta_sketch_agg(a), theta_sketch_agg(b))) FROM VALUES (1, 1), (2, 5), (3, 3) t(a, b)")).isEqualTo(2L);
        assertThat(one("SELECT theta_sketch_estimate(theta_difference(theta_sketch_agg(a), theta_sketch_agg(b))) FROM VALUES (1, 1), (2, 5), (3, 3) t(a, b)")).isEqualTo(1L);
        assertThat(one("SELECT kll_sketch_get_n_bigint(kll_sketch_agg_bigint(col)) FROM VALUES (1), (2), (3) tab(col)")).isEqualTo(3L);
        assertThat(one("SELECT kll_sketch_get_quantile_double(kll_sketch_agg_double(col), 0.5) FROM VALUES (1.0D), (2.0D), (3.0D) tab(col)")).isEqualTo(2.0);
        assertThatThrownBy(() -> one("SELECT hll_sketch_estimate(X'0102')")).isInstanceOf(SluiceException.class)
                .extracting(e -> ((SluiceException) e).code()).isEqualTo(ErrorCode.INVALID_FUNCTION_INPUT);
    }

    @Test void taskFunctionsFollowSparksFormula(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a.jsonl");
        Files.writeString(file, "{\"x\":1}\n{\"x\":2}\n");
        DataFrame df = sluice.read().json(file.toString()).select(col("x"), dev.sluice.functions.monotonically_increasing_id().alias("id"),
                dev.sluice.functions.spark_partition_id().alias("p"), dev.sluice.functions.input_file_name().alias("f"),
                dev.sluice.functions.input_file_block_start().alias("s"), dev.sluice.functions.input_file_block_length().alias("l"));
        List<Row> rows = df.collect();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get(1)).isEqualTo(0L);
        assertThat(rows.get(1).get(1)).isEqualTo(1L);
        assertThat(rows.get(0).get(2)).isEqualTo(0);
        assertThat((String) rows.get(0).get(3)).isEqualTo(file.toAbsolutePath().toUri().toString()).startsWith("file:///");   // Spark's URI form
        assertThat(rows.get(0).get(4)).isEqualTo(0L);
        assertThat(rows.get(0).get(5)).isEqualTo(Files.size(file));
        assertThat(one("SELECT input_file_name()")).isEqualTo("");
        assertThat(one("SELECT input_file_block_start()")).isEqualTo(-1L);
        DataFrame two = sluice.sql("SELECT monotonically_increasing_id() AS id FROM (SELECT * FROM VALUES (1) t(a) UNION ALL SELECT * FROM VALUES (2) t(a))");
        assertThat(rows("SELECT * FROM (" + "SELECT monotonically_increasing_id() AS id FROM VALUES (1), (2) t(a)) ORDER BY id"))
                .containsExactly("[0]", "[8589934592]");
        assertThat(two.collect()).hasSize(2);
    }

    @Test void xmlRecords() {
        assertThat(one("SELECT to_json(from_xml('<p><a>1</a><b>0.8</b></p>', 'a INT, b DOUBLE'))")).isEqualTo("{\"a\":1,\"b\":0.8}");
        assertThat(one("SELECT to_json(from_xml('<p><t>A</t><s><n>B</n></s><s><n>C</n></s></p>', 'STRUCT<t: STRING, s: ARRAY<STRUCT<n: STRING>>>'))"))
                .isEqualTo("{\"t\":\"A\",\"s\":[{\"n\":\"B\"},{\"n\":\"C\"}]}");
        assertThat(one("SELECT schema_of_xml('<p><a attr=\"2\">1</a><a>3</a></p>', map('excludeAttribute', 'true'))")).isEqualTo("STRUCT<a: ARRAY<BIGINT>>");
        assertThat(one("SELECT to_xml(named_struct('a', 1, 'b', 2))")).isEqualTo("<ROW>\n    <a>1</a>\n    <b>2</b>\n</ROW>");
        assertThat(one("SELECT from_xml('<p><a>1', 'a INT')")).isNull();
        assertThatThrownBy(() -> one("SELECT from_xml('<p/>', 'a INT', map('rowValidationXSDPath', 'x'))")).isInstanceOf(SluiceException.class)
                .extracting(e -> ((SluiceException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test void approxTopKGivesSparksItemsAndOrder() {
        String ints = " FROM VALUES (0), (0), (1), (1), (2), (3), (4), (4) AS tab(expr)";
        String spark = "[{\"item\":0,\"count\":2},{\"item\":4,\"count\":2},{\"item\":1,\"count\":2},{\"item\":2,\"count\":1},{\"item\":3,\"count\":1}]";
        assertThat(one("SELECT to_json(approx_top_k(expr))" + ints)).isEqualTo(spark);
        assertThat(one("SELECT to_json(approx_top_k_estimate(approx_top_k_accumulate(expr)))" + ints)).isEqualTo(spark);
        assertThat(one("SELECT to_json(approx_top_k(expr, 2)) FROM VALUES 'a', 'b', 'c', 'c', 'c', 'c', 'd', 'd' AS tab(expr)"))
                .isEqualTo("[{\"item\":\"c\",\"count\":4},{\"item\":\"d\",\"count\":2}]");
        assertThat(one("SELECT to_json(approx_top_k(expr, 3)) FROM VALUES (1), (NULL), (NULL), (2), (2), (2) AS tab(expr)"))
                .isEqualTo("[{\"item\":2,\"count\":3},{\"count\":2},{\"item\":1,\"count\":1}]");
        assertThatThrownBy(() -> one("SELECT approx_top_k(expr, 0)" + ints)).isInstanceOf(SluiceException.class)
                .extracting(e -> ((SluiceException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test void seededRandomValuesAreSparks() {
        assertThat(one("SELECT randstr(3, 0)")).isEqualTo("ceV");
        assertThat(one("SELECT uniform(10, 20, 0)")).isInstanceOf(Integer.class);
        assertThat((Integer) one("SELECT uniform(10, 20, 0)")).isBetween(10, 20);
        assertThat(one("SELECT typeof(uniform(5.5D, 10, 0))")).isEqualTo("double");
    }

    @Test void countMinSketchIsSparksBytes() {
        assertThat(one("SELECT hex(count_min_sketch(col, 0.5d, 0.5d, 1)) FROM VALUES (1), (2), (1) AS tab(col)"))
                .isEqualTo("0000000100000000000000030000000100000004000000005D8D6AB90000000000000000000000000000000200000000000000010000000000000000");
        assertThatThrownBy(() -> one("SELECT count_min_sketch(col, 0.5d, 1.5d, 1) FROM VALUES (1) AS tab(col)")).isInstanceOf(SluiceException.class)
                .extracting(e -> ((SluiceException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test void tumblingTimeWindows() {
        // Spark's documented example, through the DataFrame API (the SQL grammar does not take `window` as a name yet)
        DataFrame events = sluice.sql("SELECT a, CAST(b AS TIMESTAMP) AS t FROM VALUES ('A1', '2021-01-01 00:00:00'), ('A1', '2021-01-01 00:04:30'),"
                + " ('A1', '2021-01-01 00:06:00'), ('A2', '2021-01-01 00:01:00') AS tab(a, b)");
        DataFrame counted = events.groupBy(col("a"), dev.sluice.functions.window(col("t"), "5 minutes"))
                .agg(dev.sluice.functions.count(col("t")).alias("cnt"))
                .select(col("a"), dev.sluice.functions.to_json(col("window")), dev.sluice.functions.window_time(col("window")), col("cnt"))
                .orderBy(col("a"), col("window_time(window)"));
        List<String> got = new ArrayList<>();
        for (Row r : counted.collect()) got.add(r.toString());
        assertThat(got).containsExactly("[A1,{\"start\":\"2021-01-01T00:00:00.000Z\",\"end\":\"2021-01-01T00:05:00.000Z\"},2021-01-01T00:04:59.999999Z,2]",
                "[A1,{\"start\":\"2021-01-01T00:05:00.000Z\",\"end\":\"2021-01-01T00:10:00.000Z\"},2021-01-01T00:09:59.999999Z,1]",
                "[A2,{\"start\":\"2021-01-01T00:00:00.000Z\",\"end\":\"2021-01-01T00:05:00.000Z\"},2021-01-01T00:04:59.999999Z,1]");
        DataFrame df = sluice.sql("SELECT CAST('2021-01-01 00:07:00' AS TIMESTAMP) AS t").select(dev.sluice.functions.window(col("t"), "10 minutes", "10 minutes", "5 minutes"));
        assertThat(df.schema().fields().get(0).name()).isEqualTo("window");
        assertThat(df.collect().get(0).get(0).toString()).contains("2021-01-01T00:05:00Z");
        // sliding windows: a time lands in each window holding it; a NULL time in none (as Spark)
        assertThat(sluice.sql("SELECT CAST('2021-01-01 00:07:00' AS TIMESTAMP) AS t").select(dev.sluice.functions.window(col("t"), "10 minutes", "5 minutes")).collect()).hasSize(2);
        assertThat(sluice.sql("SELECT CAST(NULL AS TIMESTAMP) AS t").select(dev.sluice.functions.window(col("t"), "10 minutes", "5 minutes")).collect()).isEmpty();
    }
}
