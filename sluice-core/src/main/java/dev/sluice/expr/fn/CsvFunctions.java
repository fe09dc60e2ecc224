package dev.sluice.expr.fn;

import dev.sluice.expr.Casts;
import dev.sluice.expr.EvalMode;
import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.expr.ValueRenderer;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DateType;
import dev.sluice.types.DdlParser;
import dev.sluice.types.MapType;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.Timestamps;
import dev.sluice.vector.Vectors;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.sluice.types.DataTypes.STRING;

/**
 * One CSV line as a value, as Spark's from_csv / to_csv / schema_of_csv: fields split on {@code sep} (default
 * ','), double quotes around a field that holds the separator or a quote; values converted as Spark's CSV reader
 * in ANSI mode (casts from string; {@code dateFormat} / {@code timestampFormat} patterns). Only the options
 * sep, dateFormat, timestampFormat and (reading) ignoreLeadingWhiteSpace / ignoreTrailingWhiteSpace are honoured;
 * any other is refused (INVALID_ARGUMENT).
 */
public final class CsvFunctions {
    private CsvFunctions() {}

    private static final Set<String> OPTIONS = Set.of("sep", "delimiter", "dateformat", "timestampformat",
            "ignoreleadingwhitespace", "ignoretrailingwhitespace");

    public static List<ScalarFunction> all() {
        return List.of(
                RowFunction.of("from_csv", CsvFunctions::bindFromCsv, (v, s) -> fromCsv((String) v[0], (StructType) s.resultType(), (Options) s.state())),
                RowFunction.of("to_csv", CsvFunctions::bindToCsv, (v, s) -> toCsv((Row) v[0], (StructType) s.argumentTypes().get(0), (Options) s.state())),
                RowFunction.of("schema_of_csv", CsvFunctions::bindSchemaOf, (v, s) -> schemaOf((String) v[0], (Options) s.state())));
    }

    record Options(String sep, String dateFormat, String timestampFormat, boolean trimLeading, boolean trimTrailing) {
        Options(String sep, String dateFormat, String timestampFormat) { this(sep, dateFormat, timestampFormat, false, false); }
    }

    static Options options(String fn, List<Expression> args, int i) {
        if (args.size() <= i) return new Options(",", null, null);
        Object m = FnArgs.constant(args.get(i), args.get(i).dataType());
        if (!(args.get(i).dataType() instanceof MapType) || !(m instanceof Map<?, ?> map)) throw FnArgs.invalid(fn, "the options must be a constant map of strings");
        String sep = ",", df = null, tf = null;
        boolean leading = false, trailing = false;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String k = String.valueOf(e.getKey()).toLowerCase(java.util.Locale.ROOT), val = String.valueOf(e.getValue());
            if (!OPTIONS.contains(k) || (k.startsWith("ignore") && !fn.equals("from_csv"))) {
                throw FnArgs.invalid(fn, "the option " + e.getKey() + " is not supported (supported: sep, dateFormat, timestampFormat"
                        + (fn.equals("from_csv") ? ", ignoreLeadingWhiteSpace, ignoreTrailingWhiteSpace)" : ")"));
            }
            if (k.equals("ignoreleadingwhitespace")) leading = Boolean.parseBoolean(val);
            else if (k.equals("ignoretrailingwhitespace")) trailing = Boolean.parseBoolean(val);
            else if (k.equals("sep") || k.equals("delimiter")) sep = val;
            else if (k.equals("dateformat")) df = val;
            else tf = val;
        }
        return new Options(sep, df, tf, leading, trailing);
    }

    static Signature bindFromCsv(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 2, 3);
        Object schema = FnArgs.constant(args.get(1), STRING);
        if (!(schema instanceof String ddl)) throw FnArgs.invalid(fn, "the schema must be a constant string");
        DataType t = DdlParser.parseType(ddl.strip().toLowerCase(java.util.Locale.ROOT).startsWith("struct<") ? ddl : "struct<" + ddlFields(ddl) + ">");
        if (!(t instanceof StructType st)) throw FnArgs.invalid(fn, "the schema must be a struct");
        List<DataType> types = new ArrayList<>(List.of(FnArgs.expect(fn, args, 0, STRING), STRING));
        if (args.size() > 2) types.add(args.get(2).dataType());
        return new Signature(types, st, true, options(fn, args, 2));
    }

    /** {@code a INT, b DOUBLE} as the fields of a struct type string. */
    static String ddlFields(String ddl) { return StructType.fromDDL(ddl).fields().stream().map(f -> f.name() + ":" + f.dataType().simpleString()).reduce((a, b) -> a + "," + b).orElse(""); }

    static List<String> split(String line, String sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; }
                else if (c == '"') quoted = false;
                else cur.append(c);
            } else if (c == '"' && cur.length() == 0) {
                quoted = true;
            } else if (line.startsWith(sep, i)) {
                out.add(cur.toString());
                cur.setLength(0);
                i += sep.length() - 1;
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    static Row fromCsv(String line, StructType schema, Options o) {
        List<String> fields = split(line, o.sep());
        Object[] values = new Object[schema.size()];
        for (int i = 0; i < values.length; i++) {
            if (i >= fields.size()) continue;
            String text = fields.get(i);
            if (o.trimLeading()) text = text.stripLeading();
            if (o.trimTrailing()) text = text.stripTrailing();
            if (text.isEmpty()) continue;   // an empty field is Spark's default nullValue: NULL
            DataType t = schema.field(i).dataType();
            if (t instanceof TimestampType && o.timestampFormat() != null) {
                values[i] = Timestamps.toInstant(DateTimePatterns.parseMicros("from_csv", DateTimePatterns.of(o.timestampFormat()), text, DateTimePatterns.sessionZone()));
            } else if (t instanceof DateType && o.dateFormat() != null) {
                values[i] = LocalDate.ofEpochDay(DateTimePatterns.parseDays("from_csv", DateTimePatterns.of(o.dateFormat()), text));
            } else if (t.equals(STRING)) {
                values[i] = text;
            } else {
                var v = Casts.cast(Vectors.of(STRING, List.of(text.strip())), t, EvalMode.ANSI);
                values[i] = v.isNull(0) ? null : v.getObject(0);
            }
        }
        return new Row(schema, values);
    }

    static Signature bindToCsv(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 1, 2);
        if (!(args.get(0).dataType() instanceof StructType st)) throw FnArgs.mismatch(fn, args, 0, "a struct");
        List<DataType> types = new ArrayList<>(List.of(st));
        if (args.size() > 1) types.add(args.get(1).dataType());
        return new Signature(types, STRING, true, options(fn, args, 1));
    }

    static String toCsv(Row row, StructType schema, Options o) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            Object v = row.get(i);
            DataType t = schema.field(i).dataType();
            String text;
            if (v == null) text = "";
            else if (v instanceof Instant instant && o.timestampFormat() != null) {
                text = DateTimePatterns.format("to_csv", DateTimePatterns.of(o.timestampFormat()), Timestamps.toMicros(instant), DateTimePatterns.sessionZone());
            } else if (v instanceof LocalDate d && o.dateFormat() != null) {
                text = DateTimePatterns.build("to_csv", o.dateFormat(), false).format(d);
            } else {
                text = ValueRenderer.render(v, t, ValueRenderer.Style.cast(EvalMode.ANSI, DateTimePatterns.sessionZone()));
            }
            if (text.contains(o.sep()) || text.contains("\"") || text.contains("\n")) text = "\"" + text.replace("\"", "\\\"") + "\"";
            out.add(text);
        }
        return String.join(o.sep(), out);
    }

    static Signature bindSchemaOf(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 1, 2);
        List<DataType> types = new ArrayList<>(List.of(FnArgs.expect(fn, args, 0, STRING)));
        if (args.size() > 1) types.add(args.get(1).dataType());
        return new Signature(types, STRING, true, options(fn, args, 1));
    }

    /** The DDL of the types Spark's CSV inference gives one line: int, bigint, double, boolean, else string. */
    static String schemaOf(String line, Options o) {
        List<String> fields = split(line, o.sep());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) out.add("_c" + i + ": " + infer(fields.get(i).strip()));
        return "STRUCT<" + String.join(", ", out) + ">";
    }

    static String infer(String s) {
        if (s.isEmpty()) return "STRING";
        try {
            long l = Long.parseLong(s);
            return l == (int) l ? "INT" : "BIGINT";
        } catch (NumberFormatException e) {
            // not integral
        }
        try {
            Double.parseDouble(s);
            if (s.matches("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?")) return "DOUBLE";
        } catch (NumberFormatException e) {
            // not a number
        }
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) return "BOOLEAN";
        return "STRING";
    }
}
