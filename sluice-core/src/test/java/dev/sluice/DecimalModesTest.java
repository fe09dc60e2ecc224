package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Decimals of at most 18 digits at their boundaries under each mode: past the precision is NUMERIC_VALUE_OUT_OF_RANGE
 * under ANSI (Spark 4's default), NULL with try_ and without ANSI (Spark 3.5's default); exact sums leave a long.
 */
class DecimalModesTest {
    private static final StructType SCHEMA = StructType.fromDDL("k DECIMAL(18,0), m DECIMAL(12,2)");
    private static final BigDecimal MAX = new BigDecimal("999999999999999999");

    private static DataFrame boundaries(Sluice s) {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(SCHEMA, MAX, new BigDecimal("9999999999.99")));
        rows.add(Row.of(SCHEMA, MAX.negate(), new BigDecimal("-9999999999.99")));
        rows.add(Row.of(SCHEMA, BigDecimal.ONE, new BigDecimal("0.01")));
        return s.createDataFrame(rows, SCHEMA);
    }

    private static List<Object> column(DataFrame df) {
        List<Object> out = new ArrayList<>();
        for (Row r : df.collect()) out.add(r.get(0));
        return out;
    }

    @Test
    void pastEighteenDigitsIsAnErrorUnderAnsi() {
        try (Sluice s = Sluice.builder().build()) {
            for (String e : List.of("CAST(k AS DECIMAL(17,0))", "CAST(m AS DECIMAL(11,2))", "k * k * k", "CAST(m * 100 AS DECIMAL(12,2))")) {
                assertThatThrownBy(() -> boundaries(s).selectExpr(e).collect()).as(e)
                        .isInstanceOfSatisfying(SluiceException.class, x -> assertThat(x.code()).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE));
            }
            assertThat(column(boundaries(s).selectExpr("try_cast(k AS DECIMAL(17,0))"))).containsExactly(null, null, new BigDecimal("1"));
            assertThat(column(boundaries(s).selectExpr("try_multiply(k * k, k)"))).containsExactly(null, null, new BigDecimal("1"));
            assertThat(column(boundaries(s).selectExpr("k + k"))).containsExactly(new BigDecimal("1999999999999999998"),
                    new BigDecimal("-1999999999999999998"), new BigDecimal("2"));
        }
    }

    @Test
    void pastEighteenDigitsIsNullWithoutAnsi() {
        try (Sluice s = Sluice.builder().ansi(false).build()) {
            assertThat(column(boundaries(s).selectExpr("CAST(k AS DECIMAL(17,0))"))).containsExactly(null, null, new BigDecimal("1"));
            assertThat(column(boundaries(s).selectExpr("CAST(m AS DECIMAL(11,2))"))).containsExactly(null, null, new BigDecimal("0.01"));
            assertThat(column(boundaries(s).selectExpr("k * k * k"))).containsExactly(null, null, new BigDecimal("1"));
            assertThat(column(boundaries(s).selectExpr("m * 100"))).containsExactly(new BigDecimal("999999999999.00"),
                    new BigDecimal("-999999999999.00"), new BigDecimal("1.00"));
        }
    }

    @Test
    void sumsLeaveALongExactlyInEveryMode() {
        for (boolean ansi : new boolean[] {true, false}) {
            try (Sluice s = Sluice.builder().ansi(ansi).parallelism(3).build()) {
                List<Row> rows = new ArrayList<>();
                for (int i = 0; i < 30; i++) rows.add(Row.of(SCHEMA, MAX, new BigDecimal("9999999999.99")));
                DataFrame df = s.createDataFrame(rows, SCHEMA).repartition(3);
                Row r = df.selectExpr("sum(k)", "avg(k)", "sum(m)", "max(k)", "min(m)").collect().get(0);
                assertThat(r.get(0)).isEqualTo(new BigDecimal("29999999999999999970"));   // decimal(28,0): past a long
                assertThat(r.get(1)).isEqualTo(new BigDecimal("999999999999999999.0000"));
                assertThat(r.get(2)).isEqualTo(new BigDecimal("299999999999.70"));
                assertThat(r.get(3)).isEqualTo(MAX);
                assertThat(r.get(4)).isEqualTo(new BigDecimal("9999999999.99"));
            }
        }
    }
}
