package dev.sluice.connect;

import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Results out (ArrowBatches) and local relations in (ArrowRows) agree on every type, nested ones and nulls included. */
class ArrowRoundTripTest {
    @Test
    void everyTypeSurvivesARoundTrip() {
        StructType inner = StructType.of(StructField.of("x", DataTypes.INT), StructField.of("y", DataTypes.STRING));
        StructType schema = StructType.of(
                StructField.of("b", DataTypes.BOOLEAN), StructField.of("i", DataTypes.INT), StructField.of("l", DataTypes.LONG),
                StructField.of("f", DataTypes.FLOAT), StructField.of("d", DataTypes.DOUBLE), StructField.of("s", DataTypes.STRING),
                StructField.of("bin", DataTypes.BINARY), StructField.of("dt", DataTypes.DATE), StructField.of("ts", DataTypes.TIMESTAMP),
                StructField.of("dec", DataTypes.decimal(10, 2)), StructField.of("arr", DataTypes.array(DataTypes.LONG)),
                StructField.of("m", DataTypes.map(DataTypes.STRING, DataTypes.array(DataTypes.INT))), StructField.of("st", inner),
                StructField.of("n", DataTypes.NULL));
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("k", List.of(1, 2));
        map.put("z", null);
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(schema, true, 1, 2L, 1.5f, 2.5, "é", new byte[] {1, 2}, LocalDate.of(2024, 2, 29),
                Instant.parse("2024-01-02T03:04:05.123456Z"), new BigDecimal("12.34"), Arrays.asList(1L, null, 3L), map,
                Row.of(inner, 7, null), null));
        rows.add(Row.of(schema, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
        rows.add(Row.of(schema, false, -1, Long.MIN_VALUE, Float.NaN, Double.NEGATIVE_INFINITY, "", new byte[0],
                LocalDate.of(1969, 12, 31), Instant.parse("1969-12-31T23:59:59.999999Z"), new BigDecimal("-0.01"), List.of(),
                Map.of(), Row.of(inner, null, "y"), null));

        try (BufferAllocator allocator = Allocators.root().newChildAllocator("test", 0, Long.MAX_VALUE)) {
            byte[] ipc = ArrowBatches.encode(allocator, schema, rows);
            ArrowRows.Decoded back = ArrowRows.decode(allocator, ipc, null);
            assertThat(back.schema().fieldNames()).isEqualTo(schema.fieldNames());
            assertThat(back.rows()).hasSize(3);
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < schema.size(); c++) {
                    Object want = rows.get(r).get(c);
                    Object got = back.rows().get(r).get(c);
                    if (want instanceof byte[] w) assertThat((byte[]) got).isEqualTo(w);
                    else if (want instanceof Row w) assertThat(Arrays.asList(rowValues((Row) got))).isEqualTo(Arrays.asList(rowValues(w)));
                    else assertThat(got).as("row %d column %s", r, schema.field(c).name()).isEqualTo(want);
                }
            }
        }
    }

    @Test
    void anEmptyResultIsStillAValidStream() {
        StructType schema = StructType.of(StructField.of("id", DataTypes.LONG));
        try (BufferAllocator allocator = Allocators.root().newChildAllocator("test", 0, Long.MAX_VALUE)) {
            ArrowRows.Decoded back = ArrowRows.decode(allocator, ArrowBatches.encode(allocator, schema, List.of()), schema);
            assertThat(back.rows()).isEmpty();
        }
    }

    private static Object[] rowValues(Row r) {
        Object[] out = new Object[r.size()];
        for (int i = 0; i < r.size(); i++) out[i] = r.get(i);
        return out;
    }
}
