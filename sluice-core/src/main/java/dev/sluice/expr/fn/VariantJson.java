package dev.sluice.expr.fn;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The value model behind {@code variant}: JSON parsed into Java values (null as {@link #NULL}, Boolean, Long,
 * BigDecimal for decimals that fit Spark's decimal(38), Double otherwise, String, List, sorted Map) and written
 * back as canonical text: no spaces, object keys sorted (Spark keeps a variant object's keys sorted).
 */
final class VariantJson {
    private VariantJson() {}

    /** JSON's null (distinct from SQL NULL, which is a missing value). */
    static final Object NULL = new Object() {
        @Override public String toString() { return "null"; }
    };

    private static final JsonFactory JSON = new JsonFactory();

    /** The value of {@code text}; IllegalArgumentException when it is not one valid JSON value. */
    static Object parse(String text) {
        try (JsonParser p = JSON.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) throw new IllegalArgumentException("empty input");
            Object v = read(p, t);
            if (p.nextToken() != null) throw new IllegalArgumentException("text after the value");
            return v;
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Object read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new TreeMap<>();
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    m.put(k, read(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) l.add(read(p, t));
                return l;
            }
            case VALUE_STRING: return p.getText();
            case VALUE_NUMBER_INT: {
                BigDecimal d = p.getDecimalValue();
                return d.toBigInteger().bitLength() <= 63 ? (Object) d.longValueExact() : d.precision() <= 38 ? d : (Object) d.doubleValue();
            }
            case VALUE_NUMBER_FLOAT: {
                String s = p.getText();
                if (s.contains("e") || s.contains("E")) return p.getDoubleValue();
                BigDecimal d = new BigDecimal(s);
                return d.precision() <= 38 ? d : (Object) d.doubleValue();
            }
            case VALUE_TRUE: return Boolean.TRUE;
            case VALUE_FALSE: return Boolean.FALSE;
            case VALUE_NULL: return NULL;
            default: throw new IllegalArgumentException("unexpected " + t);
        }
    }

    static String write(Object v) {
        StringBuilder sb = new StringBuilder();
        write(sb, v);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v) {
        if (v == NULL || v == null) sb.append("null");
        else if (v instanceof String s) quote(sb, s);
        else if (v instanceof BigDecimal d) sb.append(d.toPlainString());
        else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) sb.append(',');
                write(sb, l.get(i));
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) sb.append(',');
                first = false;
                quote(sb, String.valueOf(e.getKey()));
                sb.append(':');
                write(sb, e.getValue());
            }
            sb.append('}');
        } else sb.append(v);
    }

    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }

    /** Spark's schema_of_variant type of a value. */
    static String schema(Object v) {
        if (v == NULL) return "VOID";
        if (v instanceof Boolean) return "BOOLEAN";
        if (v instanceof Long) return "BIGINT";
        if (v instanceof BigDecimal d) return "DECIMAL(" + Math.max(d.precision(), d.scale()) + "," + Math.max(0, d.scale()) + ")";
        if (v instanceof Double) return "DOUBLE";
        if (v instanceof String) return "STRING";
        if (v instanceof List<?> l) {
            String e = null;
            for (Object o : l) e = e == null ? schema(o) : merge(e, schema(o));
            return "ARRAY<" + (e == null ? "VOID" : e) + ">";
        }
        Map<?, ?> m = (Map<?, ?>) v;
        List<String> fields = new ArrayList<>();
        for (Map.Entry<?, ?> e : m.entrySet()) fields.add(e.getKey() + ": " + schema(e.getValue()));
        return "OBJECT<" + String.join(", ", fields) + ">";
    }

    /** The common schema of two (schema_of_variant_agg): VOID gives way, equal stays, numbers widen, else VARIANT. */
    static String merge(String a, String b) {
        if (a.equals(b) || b.equals("VOID")) return a;
        if (a.equals("VOID")) return b;
        boolean na = a.equals("BIGINT") || a.startsWith("DECIMAL"), nb = b.equals("BIGINT") || b.startsWith("DECIMAL");
        if (na && nb) {
            int[] x = decimal(a), y = decimal(b);
            int scale = Math.max(x[1], y[1]), integral = Math.max(x[0] - x[1], y[0] - y[1]);
            return "DECIMAL(" + Math.min(38, integral + scale) + "," + scale + ")";
        }
        if ((na || a.equals("DOUBLE")) && (nb || b.equals("DOUBLE"))) return "DOUBLE";
        if (a.startsWith("OBJECT<") && b.startsWith("OBJECT<")) {
            Map<String, String> fields = new TreeMap<>(fields(a));
            fields(b).forEach((k, t) -> fields.merge(k, t, VariantJson::merge));
            List<String> out = new ArrayList<>();
            fields.forEach((k, t) -> out.add(k + ": " + t));
            return "OBJECT<" + String.join(", ", out) + ">";
        }
        if (a.startsWith("ARRAY<") && b.startsWith("ARRAY<")) {
            return "ARRAY<" + merge(a.substring(6, a.length() - 1), b.substring(6, b.length() - 1)) + ">";
        }
        return "VARIANT";
    }

    private static int[] decimal(String t) {
        if (t.equals("BIGINT")) return new int[] {20, 0};
        String[] ps = t.substring(8, t.length() - 1).split(",");
        return new int[] {Integer.parseInt(ps[0]), Integer.parseInt(ps[1])};
    }

    /** The fields of an OBJECT<...> schema text, split at top-level commas. */
    private static Map<String, String> fields(String object) {
        Map<String, String> out = new TreeMap<>();
        String body = object.substring(7, object.length() - 1);
        int depth = 0, start = 0;
        for (int i = 0; i <= body.length(); i++) {
            char c = i < body.length() ? body.charAt(i) : ',';
            if (c == '<' || c == '(') depth++;
            else if (c == '>' || c == ')') depth--;
            else if (c == ',' && depth == 0) {
                String f = body.substring(start, i).strip();
                if (!f.isEmpty()) {
                    int colon = f.indexOf(':');
                    out.put(f.substring(0, colon).strip(), f.substring(colon + 1).strip());
                }
                start = i + 1;
            }
        }
        return out;
    }
}
