package dev.sluice.json;

import dev.sluice.types.DataType;
import dev.sluice.types.DdlParser;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Helpers shared by the JSON tests: options, batches as Spark-like row text. */
final class JsonTestSupport {
    private JsonTestSupport() {}

    static JsonOptions opts(String... keyValues) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put(keyValues[i], keyValues[i + 1]);
        return JsonOptions.of(m);
    }

    static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    static StructType schema(String ddl) { return StructType.fromDDL(ddl); }

    static DataType type(String ddl) { return DdlParser.parseType(ddl); }

    /** Every row of a batch as Spark's show() cell text joined by '|', e.g. {@code 1|x|NULL}. */
    static List<String> rows(Batch batch) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < batch.rowCount(); r++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < batch.columnCount(); c++) cells.add(show(batch.column(c), r));
            out.add(String.join("|", cells));
        }
        return out;
    }

    /** One value as Spark's show() prints it: NULL, {a, b} for structs, [x, y] for arrays, {k -> v} maps. */
    static String show(ColumnVector v, int row) {
        return render(v.getObject(row), true);
    }

    static String render(Object o, boolean top) {
        if (o == null) return top ? "NULL" : "null";
        if (o instanceof dev.sluice.types.Row r) {
            return r.values().stream().map(x -> render(x, false)).collect(Collectors.joining(", ", "{", "}"));
        }
        if (o instanceof List<?> l) return l.stream().map(x -> render(x, false)).collect(Collectors.joining(", ", "[", "]"));
        if (o instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> render(e.getKey(), false) + " -> " + render(e.getValue(), false))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (o instanceof byte[] b) return Arrays.toString(b);
        return String.valueOf(o);
    }

    /** A string vector of the given values (null = SQL NULL). */
    static FlatVector strings(String... values) {
        return Vectors.of(dev.sluice.types.DataTypes.STRING, Arrays.asList(values));
    }

    static String text(byte[] b) { return new String(b, StandardCharsets.UTF_8); }
}
