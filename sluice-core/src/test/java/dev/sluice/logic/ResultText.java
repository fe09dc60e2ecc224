package dev.sluice.logic;

import dev.sluice.expr.ValueRenderer;
import dev.sluice.types.ArrayType;
import dev.sluice.types.BinaryType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.DataType;
import dev.sluice.types.DateType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.MapType;
import dev.sluice.types.NullType;
import dev.sluice.types.Row;
import dev.sluice.types.StringType;
import dev.sluice.types.StructType;
import dev.sluice.types.TimestampType;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Result values as logic-test text and back. One cell per column, tab-separated; {@code NULL}; {@code (empty)} for
 * the empty string; strings escape tab, newline, backslash, and are quoted with ' when they start or end with a
 * space; doubles and floats rounded to 12 significant digits (so 0.1 + 0.2 reads 0.3); nested values as
 * {@code show()} writes them.
 */
final class ResultText {
    private ResultText() {}

    private static final ValueRenderer.Style NESTED = ValueRenderer.Style.show(ZoneOffset.UTC);

    static String row(Row row) {
        List<String> cells = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) cells.add(cell(row.get(i), row.schema().field(i).dataType()));
        return String.join("\t", cells);
    }

    static String cell(Object v, DataType type) {
        if (v == null) return "NULL";
        if (v instanceof String s) return string(s);
        if (v instanceof Double d) return floating(d);
        if (v instanceof Float f) return floating(Double.parseDouble(Float.toString(f)));
        if (v instanceof BigDecimal d) return d.toPlainString();
        if (v instanceof Integer || v instanceof Long || v instanceof Boolean) return v.toString();
        return ValueRenderer.render(v, type, NESTED);
    }

    private static String string(String s) {
        if (s.isEmpty()) return "(empty)";
        String e = s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
        return e.startsWith(" ") || e.endsWith(" ") ? "'" + e + "'" : e;
    }

    static String floating(double d) {
        if (Double.isNaN(d)) return "NaN";
        if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
        if (d == 0) return "0";
        BigDecimal rounded = new BigDecimal(d).round(new MathContext(12)).stripTrailingZeros();
        double abs = Math.abs(d);
        return abs >= 1e-6 && abs < 1e15 ? rounded.toPlainString() : rounded.toString();
    }

    /** One letter per column: I integral, R floating/decimal, T string, B boolean, D date, P timestamp, X binary, N nested, ? null. */
    static String typeLetters(StructType schema) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < schema.size(); i++) sb.append(letter(schema.field(i).dataType()));
        return sb.toString();
    }

    private static char letter(DataType t) {
        if (t.isIntegral()) return 'I';
        if (t instanceof dev.sluice.types.TimestampNTZType || t instanceof dev.sluice.types.TimeType) return 'P';
        if (t.isInterval() || t instanceof dev.sluice.types.CalendarIntervalType) return 'T';
        if (t instanceof DoubleType || t instanceof FloatType || t instanceof DecimalType) return 'R';
        if (t instanceof StringType) return 'T';
        if (t instanceof BooleanType) return 'B';
        if (t instanceof DateType) return 'D';
        if (t instanceof TimestampType) return 'P';
        if (t instanceof BinaryType) return 'X';
        if (t instanceof NullType) return '?';
        if (t instanceof StructType || t instanceof ArrayType || t instanceof MapType) return 'N';
        return '?';
    }

    /** An inline table cell as the Java value of {@code type} (the inverse of {@link #cell} for flat types). */
    static Object parse(String text, DataType type) {
        if (text.equals("NULL")) return null;
        if (type instanceof StringType) {
            if (text.equals("(empty)")) return "";
            String t = text.length() >= 2 && text.startsWith("'") && text.endsWith("'") ? text.substring(1, text.length() - 1) : text;
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c != '\\' || i + 1 == t.length()) {
                    sb.append(c);
                    continue;
                }
                char e = t.charAt(++i);
                sb.append(e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : e);
            }
            return sb.toString();
        }
        if (type instanceof IntegerType) return Integer.parseInt(text);
        if (type instanceof LongType) return Long.parseLong(text);
        if (type instanceof dev.sluice.types.ByteType) return Byte.parseByte(text);
        if (type instanceof dev.sluice.types.ShortType) return Short.parseShort(text);
        if (type instanceof dev.sluice.types.TimestampNTZType) return java.time.LocalDateTime.parse(text.replace(' ', 'T'));
        if (type instanceof dev.sluice.types.TimeType) return java.time.LocalTime.parse(text);
        if (type instanceof DoubleType) return Double.parseDouble(text);
        if (type instanceof FloatType) return Float.parseFloat(text);
        if (type instanceof DecimalType d) return new BigDecimal(text).setScale(d.scale());
        if (type instanceof BooleanType) return Boolean.parseBoolean(text);
        if (type instanceof DateType) return LocalDate.parse(text);
        if (type instanceof TimestampType) return Instant.parse(text);
        throw new IllegalArgumentException("inline rows cannot hold " + type.simpleString() + " values; read them from a JSON file");
    }
}
