package dev.sluice.expr.fn;

import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.vector.ColumnVector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static java.util.Map.entry;

/**
 * How Spark prints a call of a registry function where it does not print {@code name(a, b)} (its {@code sql} /
 * {@code toPrettySQL}, which names unaliased columns): operators infix ({@code (3 & 5)}, {@code ~0},
 * {@code (3 div 2)}), special forms ({@code extract(YEAR FROM d)}), a name of its own ({@code current_schema()},
 * {@code REGEXP(...)}), defaulted arguments shown ({@code mask(s, X, x, n, NULL)}) and options or target types not
 * shown ({@code from_csv(s)}, {@code variant_get(v, $.a)}). One table, applied to the registry as it is built, so
 * each function's text is stated once, beside Spark's form.
 */
final class SparkCallText {
    private SparkCallText() {}

    private static final Map<String, Function<List<Expression>, String>> TEXT = Map.ofEntries(
            entry("&", a -> infix("&", a)), entry("|", a -> infix("|", a)), entry("^", a -> infix("^", a)),
            entry("~", a -> "~" + a.get(0).sql()),
            entry("<<", a -> infix("<<", a)), entry(">>", a -> infix(">>", a)), entry(">>>", a -> infix(">>>", a)),
            entry("div", a -> infix("div", a)),
            entry("if", a -> a.size() == 3 ? "(IF(" + a.get(0).sql() + ", " + a.get(1).sql() + ", " + a.get(2).sql() + "))" : FnArgs.call("if", a)),
            entry("current_database", a -> "current_schema()"),
            entry("spark_partition_id", a -> "SPARK_PARTITION_ID()"),
            entry("regexp", a -> FnArgs.call("REGEXP", a)),
            entry("regexp_like", a -> FnArgs.call("REGEXP_LIKE", a)),
            entry("datepart", a -> fromForm("datepart", a)),
            entry("extract", a -> fromForm("extract", a)),
            entry("mask", a -> withDefaults("mask", a, 1, "X", "x", "n", "NULL")),
            entry("overlay", a -> withDefaults("overlay", a, 3, "-1")),
            entry("regexp_instr", a -> withDefaults("regexp_instr", a, 2, "0")),
            entry("sentences", a -> withDefaults("sentences", a, 1, "", "")),
            entry("str_to_map", a -> withDefaults("str_to_map", a, 1, ",", ":")),
            entry("make_dt_interval", a -> withDefaults("make_dt_interval", a, 0, "0", "0", "0", "0.000000")),
            entry("make_ym_interval", a -> withDefaults("make_ym_interval", a, 0, "0", "0")),
            entry("make_interval", a -> withDefaults("make_interval", a, 0, "0", "0", "0", "0", "0", "0", "0.000000")),
            entry("try_make_interval", a -> withDefaults("try_make_interval", a, 0, "0", "0", "0", "0", "0", "0", "0.000000")),
            entry("aes_encrypt", a -> withDefaults("aes_encrypt", a, 2, "GCM", "DEFAULT", "", "")),
            entry("aes_decrypt", a -> withDefaults("aes_decrypt", a, 2, "GCM", "DEFAULT", "")),
            entry("try_aes_decrypt", a -> withDefaults("try_aes_decrypt", a, 2, "GCM", "DEFAULT", "")),
            entry("assert_true", a -> a.size() == 1 ? "assert_true(" + a.get(0).sql() + ", '" + a.get(0).sql() + "' is not true!)"
                    : FnArgs.call("assert_true", a)),
            entry("raise_error", a -> a.size() == 1 ? "raise_error(USER_RAISED_EXCEPTION, map(errorMessage, " + a.get(0).sql() + "))"
                    : FnArgs.call("raise_error", a)),
            entry("convert_timezone", a -> a.size() == 2 ? "convert_timezone(current_timezone(), " + a.get(0).sql() + ", " + a.get(1).sql() + ")"
                    : FnArgs.call("convert_timezone", a)),
            entry("from_csv", a -> first("from_csv", a, 1)), entry("from_xml", a -> first("from_xml", a, 1)),
            entry("schema_of_json", a -> first("schema_of_json", a, 1)), entry("schema_of_xml", a -> first("schema_of_xml", a, 1)),
            entry("to_csv", a -> first("to_csv", a, 1)), entry("to_xml", a -> first("to_xml", a, 1)),
            entry("variant_get", a -> first("variant_get", a, 2)), entry("try_variant_get", a -> first("try_variant_get", a, 2)),
            entry("try_make_timestamp", a -> first("try_make_timestamp", a, 6)),
            entry("ilike", a -> first("ilike", a, 2)),
            entry("hll_union", a -> withDefaults("hll_union", a, 2, "false")),
            entry("theta_union", a -> withDefaults("theta_union", a, 2, "12")),
            entry("schema_of_csv", a -> first("schema_of_csv", a, 1)),
            entry("to_unix_timestamp", a -> withDefaults("to_unix_timestamp", a, 1, "yyyy-MM-dd HH:mm:ss")),
            entry("regexp_extract_all", a -> withDefaults("regexp_extract_all", a, 2, "1")),
            entry("approx_top_k_estimate", a -> withDefaults("approx_top_k_estimate", a, 1, "5")),
            entry("make_timestamp_ltz", a -> withTime(a) ? FnArgs.call("make_timestamp", a) : FnArgs.call("make_timestamp_ltz", a)),
            entry("try_make_timestamp_ltz", a -> withTime(a) ? FnArgs.call("make_timestamp", a) : FnArgs.call("try_make_timestamp_ltz", a)),
            entry("try_make_timestamp_ntz", a -> withTime(a)
                    ? "try_make_timestamp_ntz(" + FnArgs.call("make_timestamp_ntz", a) + ")" : FnArgs.call("try_make_timestamp_ntz", a)),
            entry("to_char", a -> toCharText("to_char", a)), entry("to_varchar", a -> toCharText("to_varchar", a)),
            entry("trim", a -> a.size() == 2 ? "TRIM(BOTH " + a.get(0).sql() + " FROM " + a.get(1).sql() + ")" : FnArgs.call("trim", a)));

    /** The registry's functions, each printing as Spark prints it. */
    static List<ScalarFunction> apply(List<ScalarFunction> functions) {
        List<ScalarFunction> out = new ArrayList<>(functions.size());
        for (ScalarFunction f : functions) {
            Function<List<Expression>, String> text = TEXT.get(f.name());
            out.add(text == null ? f : new Shown(f, text));
        }
        return out;
    }

    private static String infix(String op, List<Expression> a) {
        return a.size() == 2 ? "(" + a.get(0).sql() + " " + op + " " + a.get(1).sql() + ")" : FnArgs.call(op, a);
    }

    /** {@code name(FIELD FROM source)}: the field is a string constant, printed bare. */
    private static String fromForm(String name, List<Expression> a) {
        return a.size() == 2 ? name + "(" + a.get(0).sql() + " FROM " + a.get(1).sql() + ")" : FnArgs.call(name, a);
    }

    /**
     * The arguments given, then the defaults of the trailing parameters left out, as Spark prints the call it
     * filled in; {@code required} parameters come before the {@code defaults}.
     */
    private static String withDefaults(String name, List<Expression> a, int required, String... defaults) {
        List<String> parts = new ArrayList<>();
        for (Expression e : a) parts.add(e.sql());
        for (int i = a.size() - required; i < defaults.length; i++) if (i >= 0) parts.add(defaults[i]);
        return name + "(" + String.join(", ", parts) + ")";
    }

    /**
     * to_char / to_varchar as Spark names them: after the expression its builder picks by the argument's type,
     * {@code date_format(d, fmt)} for dates and timestamps, {@code to_char(n, fmt)} for numbers (to_varchar's too);
     * for binaries to_char's are {@code base64(b)}, {@code hex(b)} or {@code decode(b, fmt)} by the format, and
     * to_varchar's {@code to_varchar(b)} for base64 and hex, {@code to_varchar(b, fmt)} otherwise. The name is made
     * before nested calls are bound, so an argument of unknown type gives the called name.
     */
    private static String toCharText(String name, List<Expression> a) {
        if (a.size() != 2 || !a.get(0).resolved()) return FnArgs.call(name, a);
        dev.sluice.types.DataType t = a.get(0).dataType();
        if (t instanceof dev.sluice.types.DateType || t instanceof dev.sluice.types.TimestampType
                || t instanceof dev.sluice.types.TimestampNTZType) {
            return FnArgs.call("date_format", a);
        }
        if (!(t instanceof dev.sluice.types.BinaryType)) return FnArgs.call("to_char", a);
        Object format = a.get(1).resolved() ? FnArgs.constant(a.get(1), dev.sluice.types.DataTypes.STRING) : null;
        String f = format instanceof String text ? text.trim().toLowerCase(java.util.Locale.ROOT) : "";
        boolean encoding = f.equals("base64") || f.equals("hex");
        if (name.equals("to_varchar")) return encoding ? FnArgs.call(name, a.subList(0, 1)) : FnArgs.call(name, a);
        if (encoding) return f + "(" + a.get(0).sql() + ")";
        return f.equals("utf-8") ? FnArgs.call("decode", a) : FnArgs.call(name, a);
    }

    /**
     * The (date, time[, zone]) forms of the make_timestamp family: Spark builds them as another expression and prints
     * that ({@code make_timestamp(d, t)} for the _ltz forms, the ntz call wrapped in try_make_timestamp_ntz).
     */
    private static boolean withTime(List<Expression> a) {
        return (a.size() == 2 || a.size() == 3) && a.get(1).resolved() && a.get(1).dataType() instanceof dev.sluice.types.TimeType;
    }

    /** Only the first {@code n} arguments (the rest are options or a target type Spark keeps out of the text). */
    private static String first(String name, List<Expression> a, int n) { return FnArgs.call(name, a.subList(0, Math.min(n, a.size()))); }

    /** A registry function printed as Spark prints it; everything else is the function's own. */
    record Shown(ScalarFunction inner, Function<List<Expression>, String> text) implements ScalarFunction {
        @Override public String name() { return inner.name(); }

        @Override public Signature bind(List<Expression> arguments) { return inner.bind(arguments); }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] arguments, int rowCount) {
            return inner.evaluate(signature, arguments, rowCount);
        }

        @Override public boolean deterministic() { return inner.deterministic(); }

        @Override public String sql(List<Expression> arguments) { return text.apply(arguments); }
    }
}
