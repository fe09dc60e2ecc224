package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Column.withField / dropFields as Spark: replace or append, nested paths, null structs stay null. */
class StructUpdateTest {
    private static final StructType INNER = StructType.of(StructField.of("x", DataTypes.INT), StructField.of("y", DataTypes.STRING));
    private static final StructType OUTER = StructType.of(StructField.of("a", DataTypes.INT), StructField.of("b", INNER));
    private static final StructType SCHEMA = StructType.of(StructField.of("s", OUTER));

    private static DataFrame df(Sluice sluice) {
        return sluice.createDataFrame(List.of(
                Row.of(SCHEMA, Row.of(OUTER, 1, Row.of(INNER, 2, "p"))),
                Row.of(SCHEMA, (Object) null)), SCHEMA);
    }

    @Test void setsReplacesAndDropsFieldsAtAnyDepth() {
        try (Sluice sluice = Sluice.builder().parallelism(1).build()) {
            DataFrame out = df(sluice).select(col("s").withField("a", lit(10)).withField("c", lit("new"))
                    .withField("b.y", lit("q")).dropFields("b.x").alias("t"));
            assertThat(out.schema().field(0).dataType().simpleString()).isEqualTo("struct<a:int,b:struct<y:string>,c:string>");
            List<Row> rows = out.collectAsList();
            assertThat(rows.get(0).get(0).toString()).isEqualTo("[10,[q],new]");
            assertThat(rows.get(1).get(0)).isNull();
        }
    }

    @Test void droppingEveryFieldIsRefused() {
        try (Sluice sluice = Sluice.builder().parallelism(1).build()) {
            assertThatThrownBy(() -> df(sluice).select(col("s").dropFields("a", "b")))
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
            assertThatThrownBy(() -> df(sluice).select(col("s").getField("a").withField("z", lit(1))))
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH));
        }
    }
}
