package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.sluice.expr.fn.Fn.bind;
import static dev.sluice.expr.fn.Fn.col;
import static dev.sluice.expr.fn.Fn.column;
import static dev.sluice.expr.fn.Fn.eval;
import static dev.sluice.expr.fn.Fn.fails;
import static dev.sluice.expr.fn.Fn.lit;
import static dev.sluice.expr.fn.Fn.sql;
import static org.assertj.core.api.Assertions.assertThat;

/** Values observed on Spark 4.1.1 (ANSI), see /work/scratch/spark-oracle/out/fnlib_coll.txt. */
class CollectionFunctionsTest {
    @Test void arrayTakesTheCommonElementType() {
        assertThat(bind("array", 1, new BigDecimal("2.5")).dataType()).isEqualTo(new dev.sluice.types.ArrayType(DataTypes.decimal(11, 1), false));
        assertThat(eval("array", 1, new BigDecimal("2.5"))).isEqualTo(List.of(new BigDecimal("1.0"), new BigDecimal("2.5")));
        assertThat(eval("array", 1, 2L)).isEqualTo(List.of(1L, 2L));
        assertThat(eval("array")).isEqualTo(List.of());
        assertThat(bind("array").dataType().simpleString()).isEqualTo("array<void>");
        assertThat(eval("array", null, 1)).isEqualTo(Arrays.asList(null, 1));
        fails(ErrorCode.CAST_INVALID_INPUT, "array", 1, "a");
        fails(ErrorCode.TYPE_MISMATCH, "array", 1, true);
        assertThat(bind("array", 1).nullable()).isFalse();
        assertThat(column("array", col("int", 1, null), 9)).containsExactly(List.of(1, 9), Arrays.asList(null, 9));
    }

    @Test void namedStructNamesFieldsFromConstants() {
        Object r = eval("named_struct", "a", 1, "b", "x");
        assertThat(((Row) r).get(0)).isEqualTo(1);
        assertThat(((Row) r).get(1)).isEqualTo("x");
        assertThat(bind("named_struct", "a", 1, "b", "x").dataType().simpleString()).isEqualTo("struct<a:int,b:string>");
        assertThat(bind("named_struct").dataType().simpleString()).isEqualTo("struct<>");
        fails(ErrorCode.INVALID_ARGUMENT, "named_struct", "a");
        fails(ErrorCode.INVALID_ARGUMENT, "named_struct", col("string", "a"), 1);
    }

    @Test void mapRefusesDuplicateAndNullKeys() {
        Map<Object, Object> expected = new LinkedHashMap<>();
        expected.put(1, "a");
        expected.put(2, "b");
        assertThat(eval("map", 1, "a", 2, "b")).isEqualTo(expected);
        assertThat(bind("map", 1, "a", 2L, "b").dataType().simpleString()).isEqualTo("map<bigint,string>");
        assertThat(bind("map").dataType().simpleString()).isEqualTo("map<void,void>");
        fails(ErrorCode.DUPLICATE_MAP_KEY, "map", 1, "a", 1, "b");
        fails(ErrorCode.DUPLICATE_MAP_KEY, "map", Double.NaN, 1, Double.NaN, 2);
        fails(ErrorCode.DUPLICATE_MAP_KEY, "map", 0.0, 1, -0.0, 2);
        fails(ErrorCode.NULL_MAP_KEY, "map", null, 1);
        fails(ErrorCode.INVALID_ARGUMENT, "map", "a", 1, "b");
    }

    @Test void mapKeysAndValues() {
        assertThat(eval("map_keys", lit(Map.of(1, "a"), "map<int,string>"))).isEqualTo(List.of(1));
        assertThat(eval("map_values", lit(Map.of(1, "a"), "map<int,string>"))).isEqualTo(List.of("a"));
        assertThat(eval("map_keys", (Object) null)).isNull();
        assertThat(eval("map_values", lit(null, "map<string,int>"))).isNull();
        assertThat(sql("map_keys", "m")).isEqualTo("map_keys(m)");
        fails(ErrorCode.TYPE_MISMATCH, "map_keys", lit(List.of(1), "array<int>"));
    }

    @Test void arrayContainsIsNullWhenUnsureBecauseOfANull() {
        assertThat(eval("array_contains", lit(Arrays.asList(1, 2, null), "array<int>"), 3)).isNull();
        assertThat(eval("array_contains", lit(Arrays.asList(1, 2, null), "array<int>"), 2)).isEqualTo(true);
        assertThat(eval("array_contains", lit(List.of(1, 2), "array<int>"), 3)).isEqualTo(false);
        assertThat(eval("array_contains", lit(List.of(1.0, 2.0), "array<double>"), 1)).isEqualTo(true);
        assertThat(eval("array_contains", lit(List.of(1, 2), "array<int>"), 1.5)).isEqualTo(false);
        assertThat(eval("array_contains", lit(List.of(1), "array<int>"), lit(null, "int"))).isNull();
        assertThat(eval("array_contains", lit(List.of(Double.NaN), "array<double>"), Double.NaN)).isEqualTo(true);
        assertThat(eval("array_contains", lit(List.of(-0.0), "array<double>"), 0.0)).isEqualTo(true);
        assertThat(eval("array_contains", lit(List.of(), "array<int>"), 1)).isEqualTo(false);
        assertThat(eval("array_contains", lit(List.of(List.of(1)), "array<array<int>>"), lit(List.of(1), "array<int>"))).isEqualTo(true);
        fails(ErrorCode.TYPE_MISMATCH, "array_contains", lit(List.of(1), "array<int>"), "1");
        fails(ErrorCode.TYPE_MISMATCH, "array_contains", lit(List.of(1), "array<int>"), null);
        fails(ErrorCode.TYPE_MISMATCH, "array_contains", 1, 1);
        assertThat(column("array_contains", col("array<string>", List.of("a"), null, List.of()), "a")).containsExactly(true, null, false);
    }

    @Test void arrayDistinctKeepsFirstOccurrences() {
        assertThat(eval("array_distinct", lit(Arrays.asList(1, 2, 2, null, null, 1), "array<int>"))).isEqualTo(Arrays.asList(1, 2, null));
        assertThat(eval("array_distinct", lit(List.of(Double.NaN, Double.NaN, 0.0, -0.0), "array<double>"))).isEqualTo(List.of(Double.NaN, 0.0, -0.0));
        assertThat(eval("array_distinct", lit(List.of("b", "a", "b"), "array<string>"))).isEqualTo(List.of("b", "a"));
        assertThat(eval("array_distinct", lit(List.of(List.of(1), List.of(1)), "array<array<int>>"))).isEqualTo(List.of(List.of(1)));
        assertThat(eval("array_distinct", (Object) null)).isNull();
    }

    @Test void sortArrayIsStableWithNullsAtTheLowEnd() {
        assertThat(eval("sort_array", lit(Arrays.asList(3, null, 1), "array<int>"))).isEqualTo(Arrays.asList(null, 1, 3));
        assertThat(eval("sort_array", lit(Arrays.asList(3, null, 1), "array<int>"), false)).isEqualTo(Arrays.asList(3, 1, null));
        List<Double> d = Arrays.asList(Double.NaN, 1.0, -1.0, null, 0.0, -0.0);
        assertThat(eval("sort_array", lit(d, "array<double>"))).isEqualTo(Arrays.asList(null, -1.0, 0.0, -0.0, 1.0, Double.NaN));
        assertThat(eval("sort_array", lit(d, "array<double>"), false)).isEqualTo(Arrays.asList(Double.NaN, 1.0, 0.0, -0.0, -1.0, null));
        assertThat(eval("sort_array", lit(List.of("b", "a", "B", ""), "array<string>"))).isEqualTo(List.of("", "B", "a", "b"));
        assertThat(eval("sort_array", lit(List.of(1), "array<int>"), null)).isNull();
        assertThat(eval("sort_array", lit(Arrays.asList(List.of(2), List.of(1, 2), List.of(1), null), "array<array<int>>")))
                .isEqualTo(Arrays.asList(null, List.of(1), List.of(1, 2), List.of(2)));
        assertThat(sql("sort_array", "arr")).isEqualTo("sort_array(arr, true)");
        fails(ErrorCode.INVALID_ARGUMENT, "sort_array", lit(List.of(1), "array<int>"), col("boolean", true));
    }

    @Test void arrayJoinSkipsOrReplacesNulls() {
        assertThat(eval("array_join", lit(Arrays.asList("a", null, "b"), "array<string>"), ",")).isEqualTo("a,b");
        assertThat(eval("array_join", lit(Arrays.asList("a", null, "b"), "array<string>"), ",", "N")).isEqualTo("a,N,b");
        assertThat(eval("array_join", lit(List.of(1, 2), "array<int>"), ",")).isEqualTo("1,2");
        assertThat(eval("array_join", lit(List.of(1.5, 2.0), "array<double>"), "-")).isEqualTo("1.5-2.0");
        assertThat(eval("array_join", lit(List.of(), "array<int>"), ",")).isEqualTo("");
        assertThat(eval("array_join", lit(null, "array<string>"), ",")).isNull();
        assertThat(eval("array_join", lit(List.of("a"), "array<string>"), null)).isNull();
        assertThat(eval("array_join", lit(Arrays.asList("a", null), "array<string>"), ",", null)).isNull();
        assertThat(eval("array_join", lit(Arrays.asList(null, null), "array<string>"), ",")).isEqualTo("");
    }

    @Test void flattenIsNullWhenAnInnerArrayIs() {
        assertThat(eval("flatten", lit(List.of(List.of(1, 2), List.of(3)), "array<array<int>>"))).isEqualTo(List.of(1, 2, 3));
        assertThat(eval("flatten", lit(Arrays.asList(List.of(1), null), "array<array<int>>"))).isNull();
        assertThat(eval("flatten", lit(List.of(List.of(), List.of(1)), "array<array<int>>"))).isEqualTo(List.of(1));
        assertThat(eval("flatten", lit(List.of(List.of(List.of(1))), "array<array<array<int>>>"))).isEqualTo(List.of(List.of(1)));
        fails(ErrorCode.TYPE_MISMATCH, "flatten", lit(List.of(1), "array<int>"));
        fails(ErrorCode.TYPE_MISMATCH, "flatten", (Object) null);
    }

    @Test void sliceCountsFromOneOrFromTheEnd() {
        Object arr = lit(List.of(1, 2, 3, 4), "array<int>");
        assertThat(eval("slice", arr, 2, 2)).isEqualTo(List.of(2, 3));
        assertThat(eval("slice", arr, -2, 2)).isEqualTo(List.of(3, 4));
        assertThat(eval("slice", arr, 5, 1)).isEqualTo(List.of());
        assertThat(eval("slice", arr, -5, 2)).isEqualTo(List.of());
        assertThat(eval("slice", arr, 2, 10)).isEqualTo(List.of(2, 3, 4));
        assertThat(eval("slice", arr, 1, 0)).isEqualTo(List.of());
        assertThat(eval("slice", arr, null, 1)).isNull();
        assertThat(eval("slice", arr, "1", 1)).isEqualTo(List.of(1));
        assertThat(eval("slice", arr, 1L, 1)).isEqualTo(List.of(1));
        fails(ErrorCode.INVALID_ARGUMENT, "slice", arr, 0, 1);
        fails(ErrorCode.INVALID_ARGUMENT, "slice", arr, 1, -1);
    }
}
