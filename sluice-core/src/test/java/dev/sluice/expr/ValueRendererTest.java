package dev.sluice.expr;

import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The text of values for CAST(x AS STRING) and for show (notes/spark-oracle.md §3 "->string" and §6). */
class ValueRendererTest {
    private static final ValueRenderer.Style CAST = ValueRenderer.Style.cast(EvalMode.ANSI, ZoneOffset.UTC);
    private static final ValueRenderer.Style SHOW = ValueRenderer.Style.show(ZoneOffset.UTC);

    @Test void nestedNullIsLowerCaseForCastsAndUpperCaseForShow() {
        StructType ab = StructType.fromDDL("a INT, b STRING");
        Row row = Row.of(ab, null, null);
        assertThat(ValueRenderer.render(row, ab, CAST)).isEqualTo("{null, null}");
        assertThat(ValueRenderer.render(row, ab, SHOW)).isEqualTo("{NULL, NULL}");
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("k", null);
        m.put("j", 2);
        assertThat(ValueRenderer.render(m, DataTypes.map(DataTypes.STRING, DataTypes.INT), SHOW)).isEqualTo("{k -> NULL, j -> 2}");
        assertThat(ValueRenderer.render(Arrays.asList(null, 2), DataTypes.array(DataTypes.INT), SHOW)).isEqualTo("[NULL, 2]");
        assertThat(ValueRenderer.render(null, DataTypes.INT, SHOW)).isEqualTo("NULL");
    }

    @Test void binaryIsHexForShowAndRawBytesForCasts() {
        byte[] bytes = {0x41, (byte) 0xFF, 0};
        assertThat(ValueRenderer.render(bytes, DataTypes.BINARY, SHOW)).isEqualTo("[41 FF 00]");
        assertThat(ValueRenderer.render(new byte[0], DataTypes.BINARY, SHOW)).isEqualTo("[]");
        assertThat(ValueRenderer.render(new byte[] {0x41}, DataTypes.BINARY, CAST)).isEqualTo("A");
    }

    @Test void scalarForms() {
        assertThat(ValueRenderer.render(123456789.123, DataTypes.DOUBLE, SHOW)).isEqualTo("1.23456789123E8");
        assertThat(ValueRenderer.render(Float.NaN, DataTypes.FLOAT, SHOW)).isEqualTo("NaN");
        assertThat(ValueRenderer.render(new BigDecimal("-123.45"), DataTypes.decimal(10, 2), SHOW)).isEqualTo("-123.45");
        assertThat(ValueRenderer.render(new BigDecimal("0E-8"), DataTypes.decimal(10, 8), SHOW)).isEqualTo("0.00000000");
        assertThat(ValueRenderer.render(new BigDecimal("0E-8"), DataTypes.decimal(10, 8), ValueRenderer.Style.cast(EvalMode.LEGACY, ZoneOffset.UTC)))
                .isEqualTo("0E-8");
        assertThat(ValueRenderer.render(Instant.parse("2026-10-01T00:00:00.000001Z"), DataTypes.TIMESTAMP, SHOW)).isEqualTo("2026-10-01 00:00:00.000001");
        assertThat(ValueRenderer.formatTimestamp(-1, ZoneOffset.UTC)).isEqualTo("1969-12-31 23:59:59.999999");
        assertThat(ValueRenderer.formatDate(0)).isEqualTo("1970-01-01");
        assertThat(ValueRenderer.render(List.of(), DataTypes.array(DataTypes.INT), SHOW)).isEqualTo("[]");
        assertThat(ValueRenderer.render(Map.of(), DataTypes.map(DataTypes.STRING, DataTypes.INT), SHOW)).isEqualTo("{}");
    }

    @Test void castAndStringFunctionRecordsEvaluateThroughTheKernels() {
        Batch batch = Batch.ofRowCount(2);
        ColumnVector cast = new Cast(Literal.of("12"), DataTypes.INT).evaluate(batch);
        assertThat(cast.getInt(1)).isEqualTo(12);
        ColumnVector upper = new StringFunction(StringFunction.Kind.UPPER, List.of(Literal.of("abc"))).evaluate(batch);
        assertThat(upper.getObject(0)).isEqualTo("ABC");
        ColumnVector sub = new StringFunction(StringFunction.Kind.SUBSTRING,
                List.of(Literal.of("hello"), Literal.of(-3), Literal.of(2))).evaluate(batch);
        assertThat(sub.getObject(1)).isEqualTo("ll");
    }
}
