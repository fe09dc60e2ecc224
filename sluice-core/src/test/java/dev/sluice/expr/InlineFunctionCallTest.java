package dev.sluice.expr;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.LongVector;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sluice.functions.call_function;
import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A user-defined function travels with its call: nothing is registered globally, and the registry never sees it. */
class InlineFunctionCallTest {
    /** Doubles a bigint; nulls stay null. */
    private static final ScalarFunction TWICE = new ScalarFunction() {
        @Override public String name() { return "twice"; }
        @Override public Signature bind(List<Expression> arguments) {
            return new Signature(List.of(DataTypes.LONG), DataTypes.LONG, true);
        }
        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] arguments, int rowCount) {
            LongVector out = new LongVector(DataTypes.LONG, rowCount);
            for (int i = 0; i < rowCount; i++) {
                if (arguments[0].isNull(i)) out.appendNull();
                else out.append(arguments[0].getLong(i) * 2);
            }
            return out;
        }
    };

    private static DataFrame ids(Sluice sluice, int n) {
        var schema = dev.sluice.types.StructType.of(dev.sluice.types.StructField.of("id", DataTypes.LONG));
        List<Row> rows = new java.util.ArrayList<>();
        for (long i = 0; i < n; i++) rows.add(Row.of(schema, i));
        return sluice.createDataFrame(rows, schema);
    }

    @Test void runsWithoutRegistration() {
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            DataFrame df = ids(sluice, 5).select(call_function(TWICE, col("id")).alias("d"));
            assertThat(df.collectAsList()).extracting(r -> r.get(0)).containsExactly(0L, 2L, 4L, 6L, 8L);
            assertThat(FunctionRegistry.exists("twice")).isFalse();
            assertThatThrownBy(() -> ids(sluice, 1).select(dev.sluice.functions.call_function("twice", col("id"))).collectAsList())
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_FUNCTION));
        }
    }

    @Test void keepsTheFunctionThroughTheOptimizer() {
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            DataFrame df = ids(sluice, 10).withColumn("d", call_function(TWICE, col("id"))).filter(col("d").gt(10)).select("d");
            List<Row> rows = df.collectAsList();
            assertThat(rows).extracting(r -> r.get(0)).containsExactly(12L, 14L, 16L, 18L);
        }
    }
}
