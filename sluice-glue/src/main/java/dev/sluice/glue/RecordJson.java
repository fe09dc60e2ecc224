package dev.sluice.glue;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Records as JSON text: compact (spigot, the JSON sink, toJson) and Glue's show() form: pretty-printed with a
 * 4-space indent, {@code "key": value}, one array element per line (GLUE.md §1.5). Dates and timestamps are
 * strings (ISO-8601), binary is base64.
 */
final class RecordJson {
    private RecordJson() {}

    static String compact(DynamicRecord r) {
        StringBuilder sb = new StringBuilder();
        write(sb, r, -1, 0);
        return sb.toString();
    }

    static String pretty(DynamicRecord r) {
        StringBuilder sb = new StringBuilder();
        write(sb, r, 4, 0);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v, int indent, int depth) {
        if (v == null) sb.append("null");
        else if (v instanceof DynamicRecord r) object(sb, r.asMap(), indent, depth);
        else if (v instanceof Map<?, ?> m) object(sb, m, indent, depth);
        else if (v instanceof List<?> l) array(sb, l, indent, depth);
        else if (v instanceof String s) string(sb, s);
        else if (v instanceof Double d) sb.append(d.isNaN() || d.isInfinite() ? "\"" + d + "\"" : d.toString());
        else if (v instanceof Float f) sb.append(f.isNaN() || f.isInfinite() ? "\"" + f + "\"" : f.toString());
        else if (v instanceof BigDecimal d) sb.append(d.toPlainString());
        else if (v instanceof Number || v instanceof Boolean) sb.append(v);
        else if (v instanceof byte[] b) string(sb, Base64.getEncoder().encodeToString(b));
        else if (v instanceof java.time.Instant || v instanceof java.time.LocalDateTime) string(sb, text(v));
        else string(sb, v.toString());
    }

    private static void object(StringBuilder sb, Map<?, ?> m, int indent, int depth) {
        if (m.isEmpty()) {
            sb.append("{}");
            return;
        }
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!first) sb.append(',');
            first = false;
            newline(sb, indent, depth + 1);
            string(sb, String.valueOf(e.getKey()));
            sb.append(indent < 0 ? ":" : ": ");
            write(sb, e.getValue(), indent, depth + 1);
        }
        newline(sb, indent, depth);
        sb.append('}');
    }

    private static void array(StringBuilder sb, List<?> l, int indent, int depth) {
        if (l.isEmpty()) {
            sb.append("[]");
            return;
        }
        sb.append('[');
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) sb.append(',');
            newline(sb, indent, depth + 1);
            write(sb, l.get(i), indent, depth + 1);
        }
        newline(sb, indent, depth);
        sb.append(']');
    }

    private static void newline(StringBuilder sb, int indent, int depth) {
        if (indent < 0) return;
        sb.append('\n');
        for (int i = 0; i < indent * depth; i++) sb.append(' ');
    }

    /** A timestamp (Instant, in UTC) or a timestamp_ntz (LocalDateTime) as Spark writes it in JSON text. */
    static String text(Object v) {
        if (v instanceof java.time.Instant t) return timestamp(t);
        StringBuilder sb = new StringBuilder();
        dev.sluice.vector.DateTimeText.appendDateTime(sb, (java.time.LocalDateTime) v, ' ');
        return sb.toString();
    }

    /** A timestamp as Spark writes it in JSON text, in UTC ({@code 2024-01-02 03:04:05.123}). */
    static String timestamp(java.time.Instant t) {
        StringBuilder sb = new StringBuilder();
        dev.sluice.vector.DateTimeText.appendDateTime(sb, java.time.LocalDateTime.ofInstant(t, java.time.ZoneOffset.UTC), ' ');
        return sb.toString();
    }

    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                case '\b': sb.append("\\b"); break;
                case '\f': sb.append("\\f"); break;
                default:
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
            }
        }
        sb.append('"');
    }
}
