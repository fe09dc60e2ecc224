package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sluice.functions.call_function;
import static dev.sluice.functions.col;
import static dev.sluice.functions.sqrt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionCallTest {
    @Test void bindsCastsAndEvaluatesRegistryFunctions() {
        try (Sluice sluice = Sluice.builder().parallelism(1).build()) {
            StructType schema = StructType.fromDDL("x INT");
            DataFrame df = sluice.createDataFrame(List.of(Row.of(schema, 4), Row.of(schema, (Object) null)), schema);
            DataFrame roots = df.select(sqrt(col("x")));
            assertThat(roots.columns()).containsExactly("SQRT(x)");   // Spark's name for sqrt
            assertThat(roots.collect()).extracting(r -> r.get(0)).containsExactly(2.0, null);
            assertThatThrownBy(() -> df.select(call_function("no_such_fn", col("x"))))
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_FUNCTION));
        }
    }
}
