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

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.count_if;
import static dev.sluice.functions.max_by;
import static dev.sluice.functions.median;
import static dev.sluice.functions.mode;
import static dev.sluice.functions.percentile;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.listagg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The function families added for Spark 4.1's library: errors with their codes, try_ forms, whole-group aggregates across partitions. */
class FunctionFamiliesTest {
    static Sluice sluice;

    // batches of 16 rows: the 101 rows below come in 7 splits, so partial states are written and merged
    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(3).batchSize(16).build(); }

    @AfterAll static void stop() { sluice.close(); }

    static Object one(String sql) { return sluice.sql(sql).collect().get(0).get(0); }

    static void fails(String sql, ErrorCode code) {
        assertThatThrownBy(() -> sluice.sql(sql).collect()).isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test void runtimeErrorsCarryTheirCodesAndTryFormsGiveNull() {
        fails("SELECT split_part('a,b', ',', 0)", ErrorCode.INVALID_FUNCTION_INPUT);
        fails("SELECT make_date(2024, 13, 1)", ErrorCode.DATETIME_FIELD_OUT_OF_BOUNDS);
        assertThat(one("SELECT try_make_date(2024, 13, 1)")).isNull();
        fails("SELECT raise_error('boom')", ErrorCode.USER_RAISED_EXCEPTION);
        fails("SELECT assert_true(1 > 2)", ErrorCode.USER_RAISED_EXCEPTION);
        fails("SELECT map_from_arrays(array(1, 1), array('a', 'b'))", ErrorCode.DUPLICATE_MAP_KEY);
        fails("SELECT 7 div 0", ErrorCode.DIVIDE_BY_ZERO);
        assertThat(one("SELECT try_divide(7, 0)")).isNull();
        assertThat(one("SELECT try_to_timestamp('not a time')")).isNull();
        fails("SELECT to_number('12x', '999')", ErrorCode.INVALID_FUNCTION_INPUT);
        assertThat(one("SELECT try_to_number('12x', '999')")).isNull();
    }

    @Test void variantsKeepJsonWithSortedKeysAndCastOnGet() {
        assertThat(one("SELECT parse_json('{\"b\": [1, 2.5], \"a\": null}')")).isEqualTo("{\"a\":null,\"b\":[1,2.5]}");
        assertThat(one("SELECT variant_get(parse_json('{\"a\": {\"b\": \"7\"}}'), '$.a.b', 'int')")).isEqualTo(7);
        fails("SELECT variant_get(parse_json('[\"x\"]'), '$[0]', 'int')", ErrorCode.CAST_INVALID_INPUT);
        assertThat(one("SELECT try_variant_get(parse_json('[\"x\"]'), '$[0]', 'int')")).isNull();
        fails("SELECT parse_json('{')", ErrorCode.INVALID_FUNCTION_INPUT);
        assertThat(one("SELECT schema_of_variant(parse_json('{\"a\": [1.25, 1.5], \"b\": true}'))")).isEqualTo("OBJECT<a: ARRAY<DECIMAL(3,2)>, b: BOOLEAN>");
    }

    @Test void wholeGroupAggregatesMergeAcrossPartitions() {
        StructType schema = StructType.fromDDL("g STRING, x INT, s STRING");
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i <= 101; i++) rows.add(Row.of(schema, i % 2 == 0 ? "even" : "odd", i, "v" + i));
        DataFrame df = sluice.createDataFrame(rows, schema);
        List<Row> out = df.groupBy(col("g")).agg(median(col("x")), percentile(col("x"), lit(0.25)), count_if(col("x").gt(90)),
                max_by(col("s"), col("x")), mode(col("x").mod(lit(3))), listagg(col("s"), lit(","))).orderBy(col("g")).collect();
        Row even = out.get(0), odd = out.get(1);
        assertThat(even.get(1)).isEqualTo(51.0);
        assertThat(odd.get(1)).isEqualTo(51.0);
        assertThat(odd.get(2)).isEqualTo(26.0);
        assertThat(even.get(3)).isEqualTo(5L);
        assertThat(odd.get(4)).isEqualTo("v101");
        assertThat(even.get(5)).isEqualTo(1);   // x % 3 over 2..100: 1 and 2 both 17 times, the smallest wins
        assertThat(((String) odd.get(6)).split(",")).hasSize(51);
    }
}
