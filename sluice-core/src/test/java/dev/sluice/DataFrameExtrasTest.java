package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.sluice.functions.col;
import static dev.sluice.functions.expr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** withColumns, withColumnsRenamed, toDF, tail, transform, isLocal, hint, na(), describe(). */
class DataFrameExtrasTest {
    private static final Sluice SLUICE = Sluice.builder().parallelism(2).build();
    private static final StructType S = DdlParser.parseSchema("id INT, name STRING, score DOUBLE, ok BOOLEAN");

    private static DataFrame df() {
        return SLUICE.createDataFrame(List.of(Row.of(S, 1, "a", 1.5, true), Row.of(S, 2, null, Double.NaN, null),
                Row.of(S, 3, "c", null, false), Row.of(S, null, null, null, null)), S);
    }

    private static List<String> rows(DataFrame df) {
        List<String> out = new ArrayList<>();
        for (Row r : df.collect()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) cells.add(String.valueOf(r.get(i)));
            out.add(String.join(",", cells));
        }
        return out;
    }

    @Test void addsAndRenamesSeveralColumnsAtOnce() {
        Map<String, Column> cols = new LinkedHashMap<>();
        cols.put("ID", col("id").plus(10));
        cols.put("twice", col("id").multiply(2));   // computed from the input's id, not the new one
        DataFrame out = df().withColumns(cols);
        assertThat(out.columns()).containsExactly("ID", "name", "score", "ok", "twice");
        assertThat(rows(out.select("ID", "twice")).get(0)).isEqualTo("11,2");
        assertThat(df().withColumnsRenamed(Map.of("name", "n", "nope", "x")).columns()).containsExactly("id", "n", "score", "ok");
        assertThat(df().toDF("a", "b", "c", "d").columns()).containsExactly("a", "b", "c", "d");
        assertThatThrownBy(() -> df().toDF("a")).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test void tailTransformIsLocalAndHints() {
        assertThat(df().tail(2)).extracting(r -> r.get(0)).containsExactly(3, null);
        assertThat(df().transform(d -> d.filter("id > 1")).count()).isEqualTo(2);
        assertThat(df().isLocal()).isTrue();
        assertThat(df().filter("id > 1").isLocal()).isFalse();
        assertThat(df().hint("broadcast").count()).isEqualTo(4);
        // join strategies Sluice chooses itself, and unknown hints, are logged and change no row (as Spark)
        assertThat(df().hint("shuffle_merge").count()).isEqualTo(4);
        assertThat(df().hint("no_such_hint", 3).count()).isEqualTo(4);
        assertThat(df().hint("repartition", 3).select(functions.spark_partition_id()).distinct().count()).isEqualTo(3);
    }

    @Test void dropsRowsWithMissingValuesAsSpark() {
        assertThat(rows(df().na().drop())).containsExactly("1,a,1.5,true");   // NaN counts as missing
        assertThat(df().na().drop("all").count()).isEqualTo(3);
        assertThat(df().na().drop(new String[] {"id", "ok"}).count()).isEqualTo(2);
        assertThat(df().na().drop(2).count()).isEqualTo(2);
    }

    @Test void fillsAndReplacesByColumnKind() {
        assertThat(rows(df().na().fill(0))).containsExactly("1,a,1.5,true", "2,null,0.0,null", "3,c,0.0,false", "0,null,0.0,null");
        assertThat(rows(df().na().fill("?").select("name"))).containsExactly("a", "?", "c", "?");
        assertThat(rows(df().na().fill(Map.of("ok", true, "id", -1)).select("id", "ok"))).containsExactly("1,true", "2,true", "3,false", "-1,true");
        assertThat(rows(df().na().replace("name", Map.of("a", "A")).select("name"))).containsExactly("A", "null", "c", "null");
        assertThat(rows(df().na().replace("*", Map.of(1, 100)).select("id"))).containsExactly("100", "2", "3", "null");
    }

    @Test void pivotsAndUnpivots() {
        DataFrame sales = SLUICE.sql("SELECT * FROM VALUES ('a', 2023, 10), ('a', 2024, 20), ('b', 2024, 5), ('a', 2024, 1) AS s(k, y, n)");
        DataFrame pivoted = sales.groupBy("k").pivot("y", List.of(2023, 2024)).agg(functions.sum("n"));
        assertThat(pivoted.columns()).containsExactly("k", "2023", "2024");
        assertThat(rows(pivoted.orderBy("k"))).containsExactly("a,10,21", "b,null,5");
        DataFrame two = sales.groupBy("k").pivot("y", List.of(2024)).agg(functions.sum("n").alias("s"), functions.count("n").alias("c"));
        assertThat(two.columns()).containsExactly("k", "2024_s", "2024_c");
        DataFrame melted = sales.filter("n >= 10").unpivot(new Column[] {col("k")}, new Column[] {col("y"), col("n")}, "var", "val");
        assertThat(rows(melted)).containsExactlyInAnyOrder("a,y,2023", "a,y,2024", "a,n,10", "a,n,20");
        assertThat(sales.melt(new Column[] {col("k")}, "var", "val").count()).isEqualTo(8);
    }

    @Test void toJsonAndForeach() {
        assertThat(rows(df().filter("id <= 2").toJSON())).containsExactly("{\"id\":1,\"name\":\"a\",\"score\":1.5,\"ok\":true}",
                "{\"id\":2,\"score\":\"NaN\"}");
        List<Object> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        df().foreach(r -> seen.add(r.get(0)));   // on the workers: no order across partitions
        assertThat(seen).containsExactlyInAnyOrder(1, 2, 3, null);
    }

    @Test void describesAsSpark() {
        assertThat(rows(df().describe("id", "name"))).containsExactly(
                "count,3,2", "mean,2.0,null", "stddev,1.0,null", "min,1,a", "max,3,c");
        assertThat(df().describe().columns()).containsExactly("summary", "id", "name", "score");
        assertThat(rows(df().selectExpr("id").describe().filter(expr("summary = 'count'")))).containsExactly("count,3");
    }
}
