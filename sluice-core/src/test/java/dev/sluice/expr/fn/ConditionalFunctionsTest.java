package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.types.DataTypes;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static dev.sluice.expr.fn.Fn.bind;
import static dev.sluice.expr.fn.Fn.col;
import static dev.sluice.expr.fn.Fn.column;
import static dev.sluice.expr.fn.Fn.eval;
import static dev.sluice.expr.fn.Fn.fails;
import static org.assertj.core.api.Assertions.assertThat;

/** Values observed on Spark 4.1.1 (ANSI), see /work/scratch/spark-oracle/out/fnlib_cond.txt. */
class ConditionalFunctionsTest {
    @Test void nvlAndIfnullTakeTheCommonType() {
        assertThat(eval("nvl", null, 1)).isEqualTo(1);
        assertThat(bind("nvl", null, 1).nullable()).isFalse();
        assertThat(eval("nvl", 1, "a")).isEqualTo(1L);
        assertThat(bind("nvl", 1, "a").dataType()).isEqualTo(DataTypes.LONG);
        fails(ErrorCode.CAST_INVALID_INPUT, "nvl", "a", 1);
        assertThat(bind("nvl", null, null).dataType()).isEqualTo(DataTypes.NULL);
        assertThat(eval("nvl", 1, 2.5)).isEqualTo(1.0);
        assertThat(eval("ifnull", null, "b")).isEqualTo("b");
        assertThat(eval("ifnull", 1, 2L)).isEqualTo(1L);
        assertThat(column("nvl", col("string", "a", null), "x")).containsExactly("a", "x");
    }

    @Test void nvl2PicksByNullness() {
        assertThat(eval("nvl2", null, 1, 2)).isEqualTo(2);
        assertThat(eval("nvl2", "x", 1, 2)).isEqualTo(1);
        assertThat(eval("nvl2", "x", 1, "a")).isEqualTo(1L);
        assertThat(eval("nvl2", null, 1, null)).isNull();
        assertThat(bind("nvl2", null, 1, null).dataType()).isEqualTo(DataTypes.INT);
        assertThat(column("nvl2", col("int", 5, null), "set", "unset")).containsExactly("set", "unset");
    }

    @Test void nullifComparesInTheComparisonTypeButKeepsTheFirstType() {
        assertThat(eval("nullif", 1, 1)).isNull();
        assertThat(eval("nullif", 1, 2)).isEqualTo(1);
        assertThat(eval("nullif", 1, "1")).isNull();
        assertThat(eval("nullif", 1, 1.0)).isNull();
        assertThat(bind("nullif", 1, 1.0).dataType()).isEqualTo(DataTypes.INT);
        assertThat(eval("nullif", null, 1)).isNull();
        assertThat(eval("nullif", 1, null)).isEqualTo(1);
        assertThat(eval("nullif", "a", "A")).isEqualTo("a");
        assertThat(eval("nullif", Double.NaN, Double.NaN)).isNull();
        assertThat(column("nullif", col("int", 7, 8, null), 7)).containsExactly(null, 8, null);
    }

    @Test void isnanIsNeverNull() {
        assertThat(eval("isnan", Double.NaN)).isEqualTo(true);
        assertThat(eval("isnan", (Object) null)).isEqualTo(false);
        assertThat(bind("isnan", (Object) null).nullable()).isFalse();
        assertThat(eval("isnan", 1)).isEqualTo(false);
        assertThat(eval("isnan", Float.NaN)).isEqualTo(true);
        assertThat(eval("isnan", "NaN")).isEqualTo(true);
        assertThat(eval("isnan", new BigDecimal("1.0"))).isEqualTo(false);
        fails(ErrorCode.TYPE_MISMATCH, "isnan", true);
        assertThat(column("isnan", col("double", Double.NaN, null, 1.0))).containsExactly(true, false, false);
    }

    @Test void nanvlReplacesNaNOnly() {
        assertThat(eval("nanvl", Double.NaN, 1)).isEqualTo(1.0);
        assertThat(eval("nanvl", Double.NaN, null)).isNull();
        assertThat(eval("nanvl", 1.0, Double.NaN)).isEqualTo(1.0);
        assertThat(eval("nanvl", null, 1.0)).isNull();
        assertThat(eval("nanvl", Float.NaN, 2.0f)).isEqualTo(2.0f);
        assertThat(eval("nanvl", Float.NaN, 2.0)).isEqualTo(2.0);
        assertThat(eval("nanvl", 1, 2)).isEqualTo(1.0);
        assertThat(bind("nanvl", 1, 2).nullable()).isFalse();
        assertThat(eval("nanvl", new BigDecimal("1.5"), 1.0)).isEqualTo(1.5);
        fails(ErrorCode.CAST_INVALID_INPUT, "nanvl", "a", 1.0);
    }
}
