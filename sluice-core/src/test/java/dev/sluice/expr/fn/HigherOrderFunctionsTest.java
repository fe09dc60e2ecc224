package dev.sluice.expr.fn;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.sluice.functions.aggregate;
import static dev.sluice.functions.col;
import static dev.sluice.functions.filter;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.transform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lambdas in SQL and through the Java API: Spark's values, outer columns inside lambdas, nesting, errors. */
class HigherOrderFunctionsTest {
    static Sluice sluice;

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(1).build(); }

    @AfterAll static void stop() { sluice.close(); }

    static Object one(String sql) { return sluice.sql(sql).collect().get(0).get(0); }

    @Test void transformFilterExistsForallAsSpark() {
        assertThat(one("SELECT transform(array(1, 2, 3), x -> x + 1)")).isEqualTo(List.of(2, 3, 4));
        assertThat(one("SELECT transform(array(1, 2, 3), (x, i) -> x + i)")).isEqualTo(List.of(1, 3, 5));
        assertThat(one("SELECT filter(array(1, 2, 3), x -> x % 2 == 1)")).isEqualTo(List.of(1, 3));
        assertThat(one("SELECT exists(array(1, null, 3), x -> x % 2 == 0)")).isNull();
        assertThat(one("SELECT forall(array(2, 4, 8), x -> x % 2 == 0)")).isEqualTo(true);
    }

    @Test void aggregateFoldsInOrderWithAFinish() {
        assertThat(one("SELECT aggregate(array(1, 2, 3), 0, (acc, x) -> acc + x)")).isEqualTo(6);
        assertThat(one("SELECT aggregate(array(1, 2, 3), 0, (acc, x) -> acc + x, acc -> acc * 10)")).isEqualTo(60);
        assertThat(one("SELECT reduce(array('a', 'b'), '', (acc, x) -> concat(acc, x))")).isEqualTo("ab");
    }

    @Test void lambdasSeeOuterColumnsAndNest() {
        StructType schema = StructType.fromDDL("k INT, a ARRAY<INT>");
        DataFrame df = sluice.createDataFrame(List.of(Row.of(schema, 10, List.of(1, 2)), Row.of(schema, 20, List.of(3))), schema);
        List<Row> rows = df.select(transform(col("a"), x -> x.plus(col("k")))).collect();
        assertThat(rows.get(0).get(0)).isEqualTo(List.of(11, 12));
        assertThat(rows.get(1).get(0)).isEqualTo(List.of(23));
        assertThat(one("SELECT transform(array(1, 2), x -> transform(array(10, 20), y -> x + y))"))
                .isEqualTo(List.of(List.of(11, 21), List.of(12, 22)));
        assertThat(df.select(aggregate(col("a"), lit(0), (acc, x) -> acc.plus(x)), filter(col("a"), x -> x.gt(1))).collect().get(0).get(1))
                .isEqualTo(List.of(2));
    }

    @Test void mapLambdasAndZipWith() {
        assertThat(one("SELECT map_filter(map(1, 0, 2, 2, 3, -1), (k, v) -> k > v)")).isEqualTo(Map.of(1, 0, 3, -1));
        assertThat(one("SELECT transform_values(map(1, 1, 2, 2), (k, v) -> k + v)")).isEqualTo(Map.of(1, 2, 2, 4));
        assertThat(one("SELECT zip_with(array(1, 2), array(3, 4, 5), (x, y) -> x + y)")).isEqualTo(java.util.Arrays.asList(4, 6, null));
    }

    @Test void aFilterLambdaMustReturnBoolean() {
        assertThatThrownBy(() -> sluice.sql("SELECT filter(array(1), x -> x + 1)").collect())
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH));
    }
}
