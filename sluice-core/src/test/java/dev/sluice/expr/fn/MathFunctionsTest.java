package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.types.DataTypes;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;

import static dev.sluice.expr.fn.Fn.bind;
import static dev.sluice.expr.fn.Fn.col;
import static dev.sluice.expr.fn.Fn.column;
import static dev.sluice.expr.fn.Fn.eval;
import static dev.sluice.expr.fn.Fn.fails;
import static dev.sluice.expr.fn.Fn.lit;
import static org.assertj.core.api.Assertions.assertThat;

/** Values observed on Spark 4.1.1 (ANSI), see /work/scratch/spark-oracle/out/fnlib_math.txt. */
class MathFunctionsTest {
    @Test void absKeepsTheTypeAndOverflowsOnTheSmallestInteger() {
        assertThat(eval("abs", -7)).isEqualTo(7);
        assertThat(eval("abs", -0.0)).isEqualTo(0.0);
        assertThat(eval("abs", lit(new BigDecimal("-1.50"), "decimal(5,2)"))).isEqualTo(new BigDecimal("1.50"));
        assertThat(eval("abs", -1.5f)).isEqualTo(1.5f);
        assertThat(eval("abs", "-1.5")).isEqualTo(1.5);
        assertThat(bind("abs", (Object) null).dataType()).isEqualTo(DataTypes.DOUBLE);
        fails(ErrorCode.ARITHMETIC_OVERFLOW, "abs", Integer.MIN_VALUE);
        fails(ErrorCode.ARITHMETIC_OVERFLOW, "abs", Long.MIN_VALUE);
        fails(ErrorCode.TYPE_MISMATCH, "abs", true);
        assertThat(column("abs", col("int", -1, null, 2))).containsExactly(1, null, 2);
    }

    @Test void sqrtExpAndLogsGiveSparksValuesAndNullForNonPositiveLogs() {
        assertThat(eval("sqrt", -1)).isEqualTo(Double.NaN);
        assertThat(eval("sqrt", 2)).isEqualTo(1.4142135623730951);
        assertThat(eval("sqrt", -0.0)).isEqualTo(-0.0);
        assertThat(eval("sqrt", "4")).isEqualTo(2.0);
        assertThat(eval("exp", 1)).isEqualTo(2.7182818284590455);
        assertThat(eval("exp", 1.2345)).isEqualTo(3.436659761170463);
        assertThat(eval("exp", 710)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(eval("ln", 0)).isNull();
        assertThat(eval("ln", -1)).isNull();
        assertThat(eval("ln", 2.5)).isEqualTo(0.9162907318741551);
        assertThat(eval("ln", Double.NaN)).isEqualTo(Double.NaN);
        assertThat(eval("log", 2.5)).isEqualTo(0.9162907318741551);
        assertThat(eval("log", 10, 1000)).isEqualTo(2.9999999999999996);
        assertThat(eval("log", 1, 10)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(eval("log", 0, 10)).isNull();
        assertThat(eval("log", -2, 8)).isNull();
        assertThat(eval("log", 10, Double.NaN)).isEqualTo(Double.NaN);
        assertThat(Fn.sql("sqrt", 2.0)).isEqualTo("SQRT(2.0)");
        assertThat(Fn.sql("log", 2.0)).isEqualTo("LOG(E(), 2.0)");
        assertThat(Fn.sql("log", 2, 2.0)).isEqualTo("LOG(2, 2.0)");
        fails(ErrorCode.INVALID_ARGUMENT, "log", 1, 2, 3);
    }

    @Test void powIsStrictMathPow() {
        assertThat(eval("pow", 2, 10)).isEqualTo(1024.0);
        assertThat(eval("pow", 0, -1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(eval("power", -8, 1.0 / 3)).isEqualTo(Double.NaN);
        assertThat(eval("pow", 1.1, 300)).isEqualTo(2.6170109961884634E12);
        assertThat(eval("pow", Double.NaN, 0)).isEqualTo(1.0);
        assertThat(eval("pow", null, 2)).isNull();
        assertThat(bind("pow", 2, 2).nullable()).isFalse();
        assertThat(Fn.sql("power", 2, 2)).isEqualTo("POWER(2, 2)");
    }

    @Test void roundIsHalfUpOnTheShortestDecimalTextOfADouble() {
        assertThat(eval("round", 2.5)).isEqualTo(3.0);
        assertThat(eval("round", -2.5)).isEqualTo(-3.0);
        assertThat(eval("round", 0.125, 2)).isEqualTo(0.13);
        assertThat(eval("round", 1.005, 2)).isEqualTo(1.01);
        assertThat(eval("round", 2.675, 2)).isEqualTo(2.68);
        assertThat(eval("round", 123.456, -1)).isEqualTo(120.0);
        assertThat(eval("round", 1.23456789E10, -5)).isEqualTo(1.23457E10);
        assertThat(eval("round", 1.7976931348623157E308, -300)).isEqualTo(1.79769313E308);
        assertThat(eval("round", -0.4)).isEqualTo(-0.0 + 0.0);
        assertThat(eval("round", 2.5, 400)).isEqualTo(2.5);
        assertThat(eval("round", Double.NaN)).isEqualTo(Double.NaN);
        assertThat(eval("round", Double.POSITIVE_INFINITY, 2)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(eval("round", 1.5f)).isEqualTo(2.0f);
        assertThat(eval("round", 2.25f, 1)).isEqualTo(2.3f);
        assertThat(eval("round", 1.5, null)).isNull();
        assertThat(eval("round", "2.5")).isEqualTo(3.0);
        assertThat(Fn.sql("round", 1.5)).isEqualTo("round(1.5, 0)");
    }

    @Test void roundOfIntegersOverflowsAsSpark() {
        assertThat(eval("round", 155, -1)).isEqualTo(160);
        assertThat(eval("round", -155, -1)).isEqualTo(-160);
        assertThat(eval("round", 12345, -2)).isEqualTo(12300);
        assertThat(eval("round", 7, 1)).isEqualTo(7);
        assertThat(eval("round", 2147483647L, -1)).isEqualTo(2147483650L);
        fails(ErrorCode.ARITHMETIC_OVERFLOW, "round", 2147483647, -1);
        fails(ErrorCode.ARITHMETIC_OVERFLOW, "round", Long.MAX_VALUE, -1);
        assertThat(eval("bround", 25, -1)).isEqualTo(20);
        assertThat(eval("bround", 35, -1)).isEqualTo(40);
        assertThat(column("round", col("int", 14, 15, -15, null), -1)).containsExactly(10, 20, -20, null);
    }

    @Test void roundOfDecimalsHasSparksResultType() {
        assertThat(bind("round", new BigDecimal("2.5")).dataType()).isEqualTo(DataTypes.decimal(2, 0));
        assertThat(eval("round", new BigDecimal("2.5"))).isEqualTo(new BigDecimal("3"));
        assertThat(eval("round", new BigDecimal("-2.5"))).isEqualTo(new BigDecimal("-3"));
        assertThat(eval("bround", new BigDecimal("2.5"))).isEqualTo(new BigDecimal("2"));
        assertThat(eval("bround", new BigDecimal("3.5"))).isEqualTo(new BigDecimal("4"));
        assertThat(bind("round", lit(new BigDecimal("9.95"), "decimal(3,2)"), 1).dataType()).isEqualTo(DataTypes.decimal(3, 1));
        assertThat(eval("round", lit(new BigDecimal("9.95"), "decimal(3,2)"), 1)).isEqualTo(new BigDecimal("10.0"));
        assertThat(eval("round", lit(new BigDecimal("1.25"), "decimal(3,2)"), 1)).isEqualTo(new BigDecimal("1.3"));
        assertThat(eval("bround", lit(new BigDecimal("1.25"), "decimal(3,2)"), 1)).isEqualTo(new BigDecimal("1.2"));
        assertThat(eval("bround", lit(new BigDecimal("1.35"), "decimal(3,2)"), 1)).isEqualTo(new BigDecimal("1.4"));
        assertThat(bind("round", lit(new BigDecimal("99.5"), "decimal(3,1)"), -1).dataType()).isEqualTo(DataTypes.decimal(3, 0));
        assertThat(eval("round", lit(new BigDecimal("99.5"), "decimal(3,1)"), -1)).isEqualTo(new BigDecimal("100"));
        assertThat(bind("round", lit(new BigDecimal("123.456"), "decimal(6,3)"), 5).dataType()).isEqualTo(DataTypes.decimal(7, 3));
        assertThat(bind("round", lit(BigDecimal.ONE, "decimal(38,0)"), -2).dataType()).isEqualTo(DataTypes.decimal(38, 0));
        assertThat(eval("round", lit(BigDecimal.ONE, "decimal(38,0)"), -2)).isEqualTo(BigDecimal.ZERO);
    }

    @Test void roundNeedsAConstantScale() {
        fails(ErrorCode.INVALID_ARGUMENT, "round", 1.5, col("int", 1));
    }

    @Test void floorAndCeilGiveBigintOrDecimal() {
        assertThat(eval("floor", 2.5)).isEqualTo(2L);
        assertThat(eval("floor", -0.5)).isEqualTo(-1L);
        assertThat(eval("floor", 5)).isEqualTo(5L);
        assertThat(eval("floor", 1.0E20)).isEqualTo(Long.MAX_VALUE);
        assertThat(eval("floor", -1.0E20)).isEqualTo(Long.MIN_VALUE);
        assertThat(eval("floor", Double.NaN)).isEqualTo(0L);
        assertThat(eval("floor", "2.5")).isEqualTo(2L);
        assertThat(eval("ceil", 2.1)).isEqualTo(3L);
        assertThat(eval("ceiling", -2.1)).isEqualTo(-2L);
        assertThat(bind("floor", lit(new BigDecimal("12.34"), "decimal(5,2)")).dataType()).isEqualTo(DataTypes.decimal(4, 0));
        assertThat(eval("floor", lit(new BigDecimal("-12.34"), "decimal(5,2)"))).isEqualTo(new BigDecimal("-13"));
        assertThat(eval("ceil", lit(new BigDecimal("12.34"), "decimal(5,2)"))).isEqualTo(new BigDecimal("13"));
        assertThat(bind("ceil", lit(new BigDecimal("-0.5"), "decimal(2,1)")).dataType()).isEqualTo(DataTypes.decimal(2, 0));
        assertThat(bind("floor", lit(BigDecimal.ONE, "decimal(38,0)")).dataType()).isEqualTo(DataTypes.decimal(38, 0));
        assertThat(bind("floor", 2.567, 2).dataType()).isEqualTo(DataTypes.decimal(18, 2));
        assertThat(eval("floor", 2.567, 2)).isEqualTo(new BigDecimal("2.56"));
        assertThat(eval("ceil", 2.561, 2)).isEqualTo(new BigDecimal("2.57"));
        assertThat(eval("floor", lit(new BigDecimal("12.345"), "decimal(5,3)"), 1)).isEqualTo(new BigDecimal("12.3"));
        assertThat(Fn.sql("floor", 2.5)).isEqualTo("FLOOR(2.5)");
        assertThat(Fn.sql("ceil", 2.5)).isEqualTo("CEIL(2.5)");
        assertThat(Fn.sql("ceiling", 2.5)).isEqualTo("ceiling(2.5)");
        assertThat(column("floor", col("double", 1.5, null, -1.5))).containsExactly(1L, null, -2L);
    }

    @Test void greatestAndLeastSkipNullsAndRankNaNHighest() {
        assertThat(eval("greatest", 1, null, 3)).isEqualTo(3);
        assertThat(bind("greatest", 1, null, 3).nullable()).isFalse();
        assertThat(eval("least", 1, null, 3)).isEqualTo(1);
        assertThat(bind("greatest", 1, new BigDecimal("2.5")).dataType()).isEqualTo(DataTypes.decimal(11, 1));
        assertThat(eval("greatest", 1, 2.5)).isEqualTo(2.5);
        assertThat(eval("greatest", "a", "b", "B")).isEqualTo("b");
        assertThat(eval("greatest", Double.NaN, 1.0)).isEqualTo(Double.NaN);
        assertThat(eval("least", Double.NaN, 1.0)).isEqualTo(1.0);
        assertThat(eval("greatest", -0.0, 0.0)).isEqualTo(-0.0);
        assertThat(eval("least", 0.0, -0.0)).isEqualTo(0.0);
        assertThat(eval("greatest", null, null)).isNull();
        assertThat(eval("greatest", true, false)).isEqualTo(true);
        assertThat(eval("greatest", 1, 3000000000L)).isEqualTo(3000000000L);
        assertThat(eval("least", Fn.lit(Arrays.asList(1, 2), "array<int>"), Fn.lit(Arrays.asList(1, 3), "array<int>"))).isEqualTo(Arrays.asList(1, 2));
        fails(ErrorCode.INVALID_ARGUMENT, "greatest", 1);
        fails(ErrorCode.TYPE_MISMATCH, "greatest", 1, "2");
        assertThat(column("greatest", col("double", 1.0, null, Double.NaN), col("double", 2.0, null, 0.0))).containsExactly(2.0, null, Double.NaN);
    }

    @Test void pmodIsThePositiveRemainder() {
        assertThat(eval("pmod", -7, 3)).isEqualTo(2);
        assertThat(eval("pmod", 7, -3)).isEqualTo(1);
        assertThat(eval("pmod", -7, -3)).isEqualTo(-1);
        assertThat(eval("pmod", -7.5, 2)).isEqualTo(0.5);
        assertThat(eval("pmod", Integer.MIN_VALUE, -1)).isEqualTo(0);
        assertThat(eval("pmod", 7, 3000000000L)).isEqualTo(7L);
        assertThat(eval("pmod", -7, 2.5)).isEqualTo(0.5);
        assertThat(eval("pmod", Double.NaN, 2)).isEqualTo(Double.NaN);
        assertThat(eval("pmod", 5.0, Double.POSITIVE_INFINITY)).isEqualTo(5.0);
        assertThat(eval("pmod", -5.0, Double.POSITIVE_INFINITY)).isEqualTo(Double.NaN);
        assertThat(eval("pmod", "7", 3)).isEqualTo(1L);
        assertThat(bind("pmod", lit(new BigDecimal("-7.5"), "decimal(3,1)"), 2).dataType()).isEqualTo(DataTypes.decimal(2, 1));
        assertThat(eval("pmod", lit(new BigDecimal("-7.5"), "decimal(3,1)"), 2)).isEqualTo(new BigDecimal("0.5"));
        assertThat(eval("pmod", null, 2)).isNull();
        fails(ErrorCode.DIVIDE_BY_ZERO, "pmod", 7, 0);
        fails(ErrorCode.DIVIDE_BY_ZERO, "pmod", 7.5, 0);
    }

    @Test void randFollowsSparksSequenceForPartitionZero() {
        assertThat(eval("rand", 42)).isEqualTo(0.619189370225301);
        assertThat(eval("rand", 0)).isEqualTo(0.7604953758285915);
        assertThat(eval("rand", (Object) null)).isEqualTo(0.7604953758285915);
        assertThat(eval("random", -1)).isEqualTo(0.3030262136082562);
        assertThat(eval("rand", Long.MAX_VALUE)).isEqualTo(0.17715881442674208);
        fails(ErrorCode.TYPE_MISMATCH, "rand", new BigDecimal("1.5"));
        fails(ErrorCode.INVALID_ARGUMENT, "rand", col("int", 1));
        assertThat(Fn.sql("random", 1)).isEqualTo("rand(1)");
    }

    @Test void randCarriesOnAcrossBatchesOfOneCall() {
        dev.sluice.expr.Expression call = bind("rand", 42);
        double[] expected = {0.619189370225301, 0.5096018842446481, 0.8325259388871524, 0.26322809041172357, 0.6702867696264135};
        dev.sluice.vector.ColumnVector first = call.evaluate(dev.sluice.vector.Batch.ofRowCount(2));
        dev.sluice.vector.ColumnVector second = call.evaluate(dev.sluice.vector.Batch.ofRowCount(3));
        assertThat(new double[] {first.getDouble(0), first.getDouble(1), second.getDouble(0), second.getDouble(1), second.getDouble(2)})
                .containsExactly(expected);
        assertThat(call.foldable()).isFalse();
    }
}
