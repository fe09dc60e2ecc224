package dev.sluice.glue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * JSON text to DynamicRecord values with Glue's typing (GLUE.md §1.2): integers that fit 32 bits are int, larger
 * ones long, beyond that decimal; other numbers double; objects are records, arrays lists.
 */
final class GlueJsonParser {
    private static final JsonFactory FACTORY = new JsonFactory();

    private GlueJsonParser() {}

    /** Every top-level value of {@code text} (one for a JSON Lines line; several for concatenated values). */
    static List<Object> parseAll(String text) throws IOException {
        List<Object> out = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) out.add(value(p, t));
        }
        return out;
    }

    static Object value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    fields.put(name, value(p, p.nextToken()));   // a null keeps its field: its type is null
                }
                return DynamicRecord.of(fields);
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) list.add(value(p, e));
                return list;
            }
            case VALUE_STRING: return p.getText();
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT: return p.getIntValue();
                    case LONG: return p.getLongValue();
                    default: return new java.math.BigDecimal(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT: return p.getDoubleValue();
            case VALUE_TRUE: return Boolean.TRUE;
            case VALUE_FALSE: return Boolean.FALSE;
            case VALUE_NULL: return null;
            default: throw new IOException("unexpected JSON token " + t);
        }
    }

    /** The values a simple JsonPath selects: {@code $}, {@code $.a.b}, {@code $.a[*]}, {@code $[*].b}. */
    static List<Object> select(Object root, String jsonPath) {
        List<Object> current = new ArrayList<>(List.of(root));
        String p = jsonPath.trim();
        if (!p.startsWith("$")) throw new IllegalArgumentException("a jsonPath starts with $: " + jsonPath);
        int i = 1;
        while (i < p.length()) {
            List<Object> next = new ArrayList<>();
            if (p.startsWith("[*]", i)) {
                for (Object o : current) if (o instanceof List<?> l) next.addAll(l);
                i += 3;
            } else if (p.charAt(i) == '.') {
                int end = i + 1;
                while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') end++;
                String name = p.substring(i + 1, end);
                for (Object o : current) {
                    if (o instanceof DynamicRecord r && r.get(name) != null) next.add(r.get(name));
                }
                i = end;
            } else {
                throw new IllegalArgumentException("unsupported jsonPath syntax at position " + i + ": " + jsonPath);
            }
            current = next;
        }
        return current;
    }
}
