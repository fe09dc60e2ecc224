package dev.sluice.io.parquet;

import dev.sluice.types.Row;
import dev.sluice.types.StructType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows of every Sluice type, with nulls at every level, nested structs, lists, maps and empty collections. */
final class AllTypes {
    static final StructType SCHEMA = StructType.fromDDL(
            "id INT, b BOOLEAN, l BIGINT, f FLOAT, d DOUBLE, dec5 DECIMAL(5,2), dec18 DECIMAL(18,4), "
            + "dec38 DECIMAL(38,10), s STRING, bin BINARY, dt DATE, ts TIMESTAMP, "
            + "arr ARRAY<INT>, arrs ARRAY<STRUCT<x: INT, y: STRING>>, nested ARRAY<ARRAY<STRING>>, "
            + "m MAP<STRING, INT>, ma MAP<INT, ARRAY<STRING>>, "
            + "st STRUCT<a: INT, n: STRUCT<c: STRING, d: DOUBLE>, tags: ARRAY<STRING>>");

    private AllTypes() {}

    static List<Row> rows(int n) {
        List<Row> rows = new ArrayList<>();
        StructType arrs = (StructType) ((dev.sluice.types.ArrayType) SCHEMA.field(13).dataType()).elementType();
        StructType st = (StructType) SCHEMA.field(17).dataType();
        StructType stn = (StructType) st.field(1).dataType();
        for (int i = 0; i < n; i++) {
            if (i % 7 == 6) {   // all null
                Object[] nulls = new Object[SCHEMA.size()];
                nulls[0] = i;
                rows.add(new Row(SCHEMA, nulls));
                continue;
            }
            Map<String, Integer> m = new LinkedHashMap<>();
            m.put("k" + i, i);
            m.put("z", null);
            Map<Integer, List<String>> ma = new LinkedHashMap<>();
            ma.put(i, Arrays.asList("v" + i, null));
            rows.add(Row.of(SCHEMA,
                    i,
                    i % 2 == 0,
                    i * 10_000_000_000L - 5,
                    i / 4f,
                    i == 3 ? Double.NaN : i / 3.0,
                    new BigDecimal(i).multiply(new BigDecimal("1.25")).negate().setScale(2),
                    new BigDecimal("12345678901234.5678").multiply(BigDecimal.valueOf(i % 3 - 1)).setScale(4),
                    new BigDecimal("1234567890123456789012345678.0123456789").multiply(BigDecimal.valueOf(i % 3 - 1)).setScale(10),
                    "s" + i + "é✓",
                    ("b" + i).getBytes(StandardCharsets.UTF_8),
                    LocalDate.of(1970, 1, 1).plusDays(i * 5000L - 9000),
                    Instant.parse("2024-03-01T12:34:56.123456Z").plusSeconds(86_400L * i - 1_000_000_000L * (i % 2)),
                    i == 2 ? null : i == 3 ? List.of() : Arrays.asList(i, null, 7),
                    i == 5 ? List.of() : Arrays.asList(Row.of(arrs, i, "y" + i), null, Row.of(arrs, null, null)),
                    Arrays.asList(List.of("a" + i), List.of(), null),
                    i == 1 ? null : m,
                    i == 4 ? Map.of() : ma,
                    i == 4 ? null : Row.of(st, i, i == 5 ? null : Row.of(stn, "c" + i, (double) i),
                            i == 2 ? null : Arrays.asList("t" + i, null))));
        }
        return rows;
    }
}
