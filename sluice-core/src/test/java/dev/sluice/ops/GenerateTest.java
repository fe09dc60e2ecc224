package dev.sluice.ops;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.sluice.functions.col;
import static dev.sluice.functions.explode;
import static dev.sluice.functions.explode_outer;
import static dev.sluice.functions.from_json;
import static dev.sluice.functions.inline;
import static dev.sluice.functions.inline_outer;
import static dev.sluice.functions.posexplode;
import static dev.sluice.functions.posexplode_outer;
import static dev.sluice.ops.Sessions.assertCode;
import static dev.sluice.ops.Sessions.df;
import static dev.sluice.ops.Sessions.r;
import static dev.sluice.ops.Sessions.rows;
import static dev.sluice.ops.Sessions.values;
import static org.assertj.core.api.Assertions.assertThat;

/** explode / posexplode / inline and their outer forms against Spark 4.1.1 (oracle programs SortUnionGen, SortGen2). */
class GenerateTest {
    static final List<Sluice> SESSIONS = Sessions.both();

    @AfterAll static void close() { SESSIONS.forEach(Sluice::close); }

    private static Map<String, Integer> map(Object... kv) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (Integer) kv[i + 1]);
        return m;
    }

    /** Spark: (1, [10, 20], {a:1, b:2}), (2, [], {}), (3, NULL, NULL), (4, [NULL], {c: NULL}). */
    static DataFrame g(Sluice s) {
        return df(s, "id INT NOT NULL, arr ARRAY<INT>, m MAP<STRING, INT>",
                r(1, List.of(10, 20), map("a", 1, "b", 2)), r(2, List.of(), map()), r(3, null, null),
                r(4, Arrays.asList((Integer) null), map("c", null)));
    }

    private static List<String> names(DataFrame df) { return Arrays.asList(df.columns()); }

    private static List<Boolean> nullability(DataFrame df) { return df.schema().fields().stream().map(StructField::nullable).toList(); }

    @Test void explodesArraysSkippingNullAndEmpty() {
        for (Sluice s : SESSIONS) {
            DataFrame e = g(s).select(col("id"), explode(col("arr")));
            assertThat(names(e)).containsExactly("id", "col");
            assertThat(nullability(e)).containsExactly(false, true);
            assertThat(values(e)).isEqualTo(rows(r(1, 10), r(1, 20), r(4, null)));
            DataFrame o = g(s).select(col("id"), explode_outer(col("arr")));
            assertThat(values(o)).isEqualTo(rows(r(1, 10), r(1, 20), r(2, null), r(3, null), r(4, null)));
        }
    }

    @Test void posexplodeNumbersElementsFromZero() {
        for (Sluice s : SESSIONS) {
            DataFrame p = g(s).select(col("id"), posexplode(col("arr")));
            assertThat(names(p)).containsExactly("id", "pos", "col");
            assertThat(nullability(p)).containsExactly(false, false, true);
            assertThat(values(p)).isEqualTo(rows(r(1, 0, 10), r(1, 1, 20), r(4, 0, null)));
            DataFrame o = g(s).select(col("id"), posexplode_outer(col("arr")));
            assertThat(nullability(o)).containsExactly(false, true, true);
            assertThat(values(o)).isEqualTo(rows(r(1, 0, 10), r(1, 1, 20), r(2, null, null), r(3, null, null), r(4, 0, null)));
        }
    }

    @Test void explodesMapsIntoKeyAndValue() {
        for (Sluice s : SESSIONS) {
            DataFrame e = g(s).select(col("id"), explode(col("m")));
            assertThat(names(e)).containsExactly("id", "key", "value");
            assertThat(nullability(e)).containsExactly(false, false, true);
            assertThat(values(e)).isEqualTo(rows(r(1, "a", 1), r(1, "b", 2), r(4, "c", null)));
            DataFrame o = g(s).select(col("id"), explode_outer(col("m")));
            assertThat(nullability(o)).containsExactly(false, true, true);
            assertThat(values(o)).isEqualTo(rows(r(1, "a", 1), r(1, "b", 2), r(2, null, null), r(3, null, null), r(4, "c", null)));
            DataFrame p = g(s).select(col("id"), posexplode(col("m")));
            assertThat(names(p)).containsExactly("id", "pos", "key", "value");
            assertThat(values(p)).isEqualTo(rows(r(1, 0, "a", 1), r(1, 1, "b", 2), r(4, 0, "c", null)));
            DataFrame po = g(s).select(col("id"), posexplode_outer(col("m")));
            assertThat(nullability(po)).containsExactly(false, true, true, true);
            assertThat(values(po)).isEqualTo(rows(r(1, 0, "a", 1), r(1, 1, "b", 2), r(2, null, null, null), r(3, null, null, null), r(4, 0, "c", null)));
        }
    }

    @Test void aliasesNameTheGeneratedColumns() {
        for (Sluice s : SESSIONS) {
            assertThat(names(g(s).select(col("id"), explode(col("arr")).alias("item")))).containsExactly("id", "item");
            DataFrame kv = g(s).select(col("id"), explode(col("m")).as("k", "v"));
            assertThat(names(kv)).containsExactly("id", "k", "v");
            assertThat(values(kv)).isEqualTo(rows(r(1, "a", 1), r(1, "b", 2), r(4, "c", null)));
            assertThat(names(g(s).select(col("id"), posexplode(col("arr")).as("p", "e")))).containsExactly("id", "p", "e");
            DataFrame w = g(s).withColumn("e", explode(col("arr")));
            assertThat(names(w)).containsExactly("id", "arr", "m", "e");
            assertThat(values(w.select("id", "e"))).isEqualTo(rows(r(1, 10), r(1, 20), r(4, null)));
        }
    }

    @Test void keepsTheSelectOrderAndStar() {
        for (Sluice s : SESSIONS) {
            DataFrame first = g(s).select(explode(col("arr")), col("id"));
            assertThat(names(first)).containsExactly("col", "id");
            assertThat(nullability(first)).containsExactly(true, false);
            assertThat(values(first)).isEqualTo(rows(r(10, 1), r(20, 1), r(null, 4)));
            assertThat(names(g(s).select(col("*"), explode(col("arr"))))).containsExactly("id", "arr", "m", "col");
            DataFrame expr = g(s).select(col("id").plus(1).alias("i"), explode(col("arr")));
            assertThat(values(expr)).isEqualTo(rows(r(2, 10), r(2, 20), r(5, null)));
        }
    }

    @Test void severalGeneratorsInOneSelectChainAsSpark41() {
        for (Sluice s : SESSIONS) {
            DataFrame two = g(s).select(col("id"), explode(col("arr")), explode(col("m")));
            assertThat(names(two)).containsExactly("id", "col", "key", "value");
            assertThat(values(two)).isEqualTo(rows(r(1, 10, "a", 1), r(1, 10, "b", 2), r(1, 20, "a", 1), r(1, 20, "b", 2), r(4, null, "c", null)));
            DataFrame mixed = g(s).select(col("id"), explode_outer(col("arr")).alias("x"), explode(col("arr")).alias("y"));
            assertThat(values(mixed)).isEqualTo(rows(r(1, 10, 10), r(1, 10, 20), r(1, 20, 10), r(1, 20, 20), r(4, null, null)));
            DataFrame chained = g(s).withColumn("x", explode(col("arr"))).withColumn("y", explode(col("arr"))).select("id", "x", "y");
            assertThat(values(chained)).isEqualTo(rows(r(1, 10, 10), r(1, 10, 20), r(1, 20, 10), r(1, 20, 20), r(4, null, null)));
        }
    }

    @Test void replacingAColumnByItsExplosionKeepsTheNamesApart() {
        for (Sluice s : SESSIONS) {
            DataFrame e = df(s, "col ARRAY<INT>, id INT", r(List.of(1, 2), 7)).withColumn("col", explode(col("col")));
            assertThat(names(e)).containsExactly("col", "id");
            assertThat(values(e)).isEqualTo(rows(r(1, 7), r(2, 7)));
            DataFrame both = df(s, "col INT, arr ARRAY<INT>", r(5, List.of(1, 2))).select(col("col").alias("c0"), explode(col("arr")));
            assertThat(values(both)).isEqualTo(rows(r(5, 1), r(5, 2)));
        }
    }

    @Test void inlineMakesAColumnPerStructField() {
        StructType ab = StructType.fromDDL("a INT, b STRING");
        for (Sluice s : SESSIONS) {
            DataFrame t = df(s, "id INT NOT NULL, arr ARRAY<STRUCT<a: INT NOT NULL, b: STRING>>",
                    r(1, Arrays.asList(Row.of(ab, 1, "x"), Row.of(ab, 2, null), null)), r(2, null), r(3, List.of()));
            DataFrame i = t.select(col("id"), inline(col("arr")));
            assertThat(names(i)).containsExactly("id", "a", "b");
            assertThat(nullability(i)).containsExactly(false, true, true);
            assertThat(values(i)).isEqualTo(rows(r(1, 1, "x"), r(1, 2, null), r(1, null, null)));
            DataFrame o = t.select(col("id"), inline_outer(col("arr")));
            assertThat(values(o)).isEqualTo(rows(r(1, 1, "x"), r(1, 2, null), r(1, null, null), r(2, null, null), r(3, null, null)));
            assertThat(names(t.select(inline(col("arr")).as("p", "q")))).containsExactly("p", "q");
        }
    }

    @Test void explodesNestedArraysAndStructFieldsOfElements() {
        for (Sluice s : SESSIONS) {
            DataFrame nested = df(s, "arr ARRAY<ARRAY<INT>>", r(Arrays.asList(List.of(1, 2), null, List.of()))).select(explode(col("arr")));
            assertThat(values(nested)).isEqualTo(rows(r(List.of(1, 2)), r((Object) null), r(List.of())));
            StructType item = StructType.fromDDL("qty INT, price DOUBLE");
            DataFrame items = df(s, "id INT, items ARRAY<STRUCT<qty: INT, price: DOUBLE>>",
                    r(1, List.of(Row.of(item, 1, 2.5), Row.of(item, 3, 1.0))));
            DataFrame rev = items.select(col("id"), explode(col("items")).alias("item"))
                    .select(col("id"), col("item.qty").multiply(col("item.price")).alias("rev"));
            assertThat(values(rev)).isEqualTo(rows(r(1, 2.5), r(1, 3.0)));
        }
    }

    @Test void largeArraysSplitIntoBatchesAndCountRight() {
        for (Sluice s : SESSIONS) {
            List<Integer> big = new ArrayList<>();
            for (int i = 0; i < 23; i++) big.add(i);
            DataFrame t = df(s, "id INT, xs ARRAY<INT>", r(1, big), r(2, null), r(3, List.of(100)));
            DataFrame p = t.select(col("id"), posexplode_outer(col("xs")));
            List<List<Object>> expected = new ArrayList<>();
            for (int i = 0; i < 23; i++) expected.add(Arrays.asList(1, i, i));
            expected.add(Arrays.asList(2, null, null));
            expected.add(Arrays.asList(3, 0, 100));
            assertThat(values(p)).isEqualTo(expected);
            assertThat(p.count()).isEqualTo(25);
            assertThat(t.select(explode(col("xs"))).filter(col("col").geq(20)).count()).isEqualTo(4);
        }
    }

    @Test void rejectsGeneratorsWhereSparkDoes() {
        Sluice s = SESSIONS.get(0);
        DataFrame g = g(s);
        assertCode(ErrorCode.UNSUPPORTED_GENERATOR, () -> g.select(explode(col("arr")).plus(1)));
        assertCode(ErrorCode.UNSUPPORTED_GENERATOR, () -> g.filter(explode(col("arr")).gt(1)));
        assertCode(ErrorCode.UNSUPPORTED_GENERATOR, () -> g.orderBy(explode(col("arr"))));
        assertCode(ErrorCode.UNSUPPORTED_GENERATOR, () -> g.select(explode(explode(col("arr")))));
        assertCode(ErrorCode.TYPE_MISMATCH, () -> g.select(explode(col("id"))));
        assertCode(ErrorCode.TYPE_MISMATCH, () -> g.select(inline(col("arr"))));
        assertCode(ErrorCode.GENERATOR_ALIAS_MISMATCH, () -> g.select(posexplode(col("arr")).alias("x")));
        assertCode(ErrorCode.GENERATOR_ALIAS_MISMATCH, () -> g.select(explode(col("arr")).as("p", "e")));
        assertCode(ErrorCode.GENERATOR_ALIAS_MISMATCH, () -> g.withColumn("e", posexplode(col("arr"))));
    }

    @Test void prunesTheExplodedStructsToTheFieldsUsed() {
        Sluice s = SESSIONS.get(0);
        DataFrame logs = df(s, "status INT, rb STRING",
                r(200, "{\"user\":{\"id\":1},\"items\":[{\"sku\":\"A\",\"qty\":2,\"price\":1.5},{\"sku\":\"B\",\"qty\":1,\"price\":4.0}]}"),
                r(404, "{\"user\":{\"id\":2},\"items\":[]}"));
        DataFrame q = logs.withColumn("content", from_json(col("rb"), "struct<user: struct<id: bigint>, items: array<struct<sku: string, qty: int, price: double>>>"))
                .select(col("status"), explode(col("content.items")).alias("item"))
                .filter(col("status").lt(400))
                .select(col("item.qty").multiply(col("item.price")).alias("revenue"));
        assertThat(values(q)).isEqualTo(rows(r(3.0), r(4.0)));
        String plan = dev.sluice.plan.Explain.tree(q.optimizedPlan());
        assertThat(plan).contains("from_json(rb, struct<items:array<struct<qty:int,price:double>>>)");
        // the filter on an input column runs before the rows multiply
        assertThat(plan.indexOf("Filter: (status < 400)")).isGreaterThan(plan.indexOf("Generate: "));
    }

    @Test void explainShowsTheGenerate() {
        String text = g(SESSIONS.get(0)).select(col("id"), explode(col("arr")).alias("x")).explainString("extended");
        assertThat(text).contains("Generate: explode(arr) AS [x]").contains("GenerateExec: explode(arr)");
    }
}
