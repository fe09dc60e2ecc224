package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.expr.TypeCoercion;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DecimalType;
import dev.sluice.types.MapType;
import dev.sluice.types.NullType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.BreakIterator;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.sluice.types.DataTypes.BOOLEAN;
import static dev.sluice.types.DataTypes.INT;
import static dev.sluice.types.DataTypes.LONG;
import static dev.sluice.types.DataTypes.STRING;

/**
 * The rest of Spark's misc, conditional and string odds and ends: if, typeof, div, cardinality,
 * current_catalog/current_database/current_schema (Spark's names: spark_catalog, default), current_user/user/
 * session_user, assert_true,
 * raise_error, quote, luhn_check, format_number, mask, sentences.
 */
public final class MiscFunctions {
    private MiscFunctions() {}

    /**
     * current_user / user / session_user: the user the process runs as, as Spark's {@code Utils.getCurrentUserName}
     * ({@code SPARK_USER} when set, else the login user). A Spark Connect server answers the same for every client:
     * Spark's does not put the client's user_context into {@code CurrentUserContext} either.
     */
    static String processUser() {
        String sparkUser = System.getenv("SPARK_USER");
        return sparkUser != null && !sparkUser.isEmpty() ? sparkUser : System.getProperty("user.name");
    }

    public static List<ScalarFunction> all() {
        List<ScalarFunction> out = new ArrayList<>();
        out.add(RowFunction.nullable("if", MiscFunctions::bindIf, (v, s) -> Boolean.TRUE.equals(v[0]) ? v[1] : v[2]));
        out.add(RowFunction.nullable("typeof", (fn, args) -> {
            FnArgs.arity(fn, args, 1, 1);
            return new Signature(List.of(args.get(0).dataType()), STRING, false, args.get(0).dataType().simpleString());
        }, (v, s) -> s.state()));
        out.add(RowFunction.of("div", MiscFunctions::bindDiv, v -> div(v[0], v[1])));
        out.add(RowFunction.of("cardinality", (fn, args) -> {
            FnArgs.arity(fn, args, 1, 1);
            DataType t = args.get(0).dataType();
            if (!(t instanceof ArrayType) && !(t instanceof MapType)) throw FnArgs.mismatch(fn, args, 0, "an array or a map");
            return new Signature(List.of(t), INT, true);
        }, v -> v[0] instanceof List<?> l ? l.size() : ((Map<?, ?>) v[0]).size()));
        out.add(new RowFunction("current_catalog", RowFunction.typed(STRING), (v, s) -> "spark_catalog", false));
        out.add(new RowFunction("current_database", RowFunction.typed(STRING), (v, s) -> "default", false));
        out.add(new RowFunction("current_schema", RowFunction.typed(STRING), (v, s) -> "default", false));
        for (String user : List.of("current_user", "user", "session_user")) {
            out.add(new RowFunction(user, (fn, args) -> {
                FnArgs.arity(fn, args, 0, 0);
                return new Signature(List.of(), STRING, false, processUser());
            }, (v, s) -> s.state(), false));
        }
        out.add(RowFunction.nullable("assert_true", (fn, args) -> {
            FnArgs.arity(fn, args, 1, 2);
            List<DataType> types = new ArrayList<>(List.of(FnArgs.expect(fn, args, 0, BOOLEAN)));
            if (args.size() > 1) types.add(FnArgs.expect(fn, args, 1, STRING));
            return new Signature(types, DataTypes.NULL, true, "'" + args.get(0).sql() + "' is not true!");
        }, (v, s) -> {
            if (!Boolean.TRUE.equals(v[0])) throw raised(v.length > 1 && v[1] != null ? (String) v[1] : (String) s.state());
            return null;
        }));
        out.add(RowFunction.nullable("raise_error", (fn, args) -> {
            FnArgs.arity(fn, args, 1, 2);
            List<DataType> types = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) types.add(args.get(i).dataType());
            types.set(0, FnArgs.expect(fn, args, 0, STRING));
            return new Signature(types, DataTypes.NULL, true);
        }, (v, s) -> { throw raised(v[0] == null ? "null" : (String) v[0]); }));
        out.add(RowFunction.of("quote", RowFunction.typed(STRING, STRING), v -> "'" + ((String) v[0]).replace("\\", "\\\\").replace("'", "\\'") + "'"));
        out.add(RowFunction.of("luhn_check", RowFunction.typed(BOOLEAN, STRING), v -> luhn((String) v[0])));
        out.add(RowFunction.of("format_number", MiscFunctions::bindFormatNumber, v -> formatNumber(v[0], v[1])));
        out.add(RowFunction.nullable("mask", RowFunction.optional(1, STRING, STRING, STRING, STRING, STRING, STRING), (v, s) -> mask(v)));
        out.add(RowFunction.of("sentences", RowFunction.optional(1, DataTypes.array(DataTypes.array(STRING)), STRING, STRING, STRING),
                v -> sentences((String) v[0], v.length > 1 ? (String) v[1] : "", v.length > 2 ? (String) v[2] : "")));
        return out;
    }

    static SluiceException raised(String message) {
        return SluiceException.of(ErrorCode.USER_RAISED_EXCEPTION).with("message", message).build();
    }

    static Signature bindIf(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 3, 3);
        DataType c = args.get(0).dataType();
        if (!c.equals(BOOLEAN) && !(c instanceof NullType)) throw FnArgs.mismatch(fn, args, 0, "a boolean");
        DataType t = TypeCoercion.commonType(List.of(args.get(1).dataType(), args.get(2).dataType()))
                .orElseThrow(() -> FnArgs.mismatch(fn, args, 2, "a value of the type of argument 2"));
        return new Signature(List.of(BOOLEAN, t, t), t, true);
    }

    static Signature bindDiv(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 2, 2);
        DataType l = args.get(0).dataType(), r = args.get(1).dataType();
        if (l.isInterval() && r.isInterval() && l.getClass() == r.getClass()) {   // Spark: interval div interval of one family
            return new Signature(List.of(l, r), LONG, true);
        }
        boolean decimal = args.get(0).dataType() instanceof DecimalType || args.get(1).dataType() instanceof DecimalType;
        DataType t = decimal ? DataTypes.decimal(38, 18) : LONG;
        return new Signature(List.of(FnArgs.expect(fn, args, 0, t), FnArgs.expect(fn, args, 1, t)), LONG, true);
    }

    /** Spark's integral division: truncated toward zero; a zero divisor fails under ANSI. */
    static Object div(Object a, Object b) {
        if (a instanceof java.time.Period x && b instanceof java.time.Period y) {
            a = (long) dev.sluice.vector.Intervals.toMonths(x);
            b = (long) dev.sluice.vector.Intervals.toMonths(y);
        } else if (a instanceof java.time.Duration x && b instanceof java.time.Duration y) {
            a = dev.sluice.vector.Intervals.toMicros(x);
            b = dev.sluice.vector.Intervals.toMicros(y);
        }
        if (a instanceof Long x && b instanceof Long y) {
            if (y == 0) throw SluiceException.of(ErrorCode.DIVIDE_BY_ZERO).build();
            if (x == Long.MIN_VALUE && y == -1) throw SluiceException.of(ErrorCode.ARITHMETIC_OVERFLOW).with("operation", "div").with("type", "bigint").build();
            return x / y;
        }
        BigDecimal x = (BigDecimal) a, y = (BigDecimal) b;
        if (y.signum() == 0) throw SluiceException.of(ErrorCode.DIVIDE_BY_ZERO).build();
        BigInteger q = x.divide(y, 0, RoundingMode.DOWN).toBigInteger();
        if (q.bitLength() > 63) throw SluiceException.of(ErrorCode.ARITHMETIC_OVERFLOW).with("operation", "div").with("type", "bigint").build();
        return q.longValue();
    }

    static boolean luhn(String s) {
        if (s.isEmpty()) return false;
        int sum = 0;
        boolean twice = false;
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
            int d = c - '0';
            if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    static Signature bindFormatNumber(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 2, 2);
        DataType x = args.get(0).dataType();
        if (!x.isNumeric() && !(x instanceof NullType)) throw FnArgs.mismatch(fn, args, 0, "a numeric value");
        DataType d = args.get(1).dataType().equals(STRING) ? STRING : FnArgs.expect(fn, args, 1, INT);
        return new Signature(List.of(x instanceof NullType ? DataTypes.DOUBLE : x, d), STRING, true);
    }

    /** Spark's format_number: {@code #,###,###.##} with d decimals rounded half-even... as Spark: HALF_EVEN via DecimalFormat. */
    static String formatNumber(Object x, Object d) {
        DecimalFormat f;
        if (d instanceof Integer digits) {
            if (digits < 0) return null;
            StringBuilder p = new StringBuilder("#,###,###,###,###,###,##0");
            if (digits > 0) p.append('.').append("0".repeat(digits));
            f = new DecimalFormat(p.toString(), DecimalFormatSymbols.getInstance(Locale.US));
        } else {
            String pattern = (String) d;
            f = new DecimalFormat(pattern.isEmpty() ? "#,###,###,###,###,###,##0" : pattern, DecimalFormatSymbols.getInstance(Locale.US));
        }
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        if (x instanceof BigDecimal b) return f.format(b);
        if (x instanceof Double || x instanceof Float) return f.format(((Number) x).doubleValue());
        return f.format(((Number) x).longValue());
    }

    /** Spark's mask: upper, lower and digit characters replaced (defaults X, x, n); a NULL replacement keeps them. */
    static String mask(Object[] v) {
        if (v[0] == null) return null;
        String s = (String) v[0];
        int upper = repl(v, 1, 'X'), lower = repl(v, 2, 'x'), digit = repl(v, 3, 'n'), other = repl(v, 4, -1);
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            int r = Character.isUpperCase(cp) ? upper : Character.isLowerCase(cp) ? lower : Character.isDigit(cp) ? digit : other;
            sb.appendCodePoint(r < 0 ? cp : r);
        });
        return sb.toString();
    }

    private static int repl(Object[] v, int i, int fallback) {
        if (v.length <= i) return fallback;
        if (v[i] == null) return -1;
        String r = (String) v[i];
        if (r.codePointCount(0, r.length()) != 1) {
            throw FnArgs.badInput("mask", "the replacement must be a single character, got '" + r + "'");
        }
        return r.codePointAt(0);
    }

    /** Spark's sentences: words per sentence, by Java's BreakIterator for the locale; punctuation dropped. */
    static List<List<String>> sentences(String text, String language, String country) {
        Locale locale = language.isEmpty() ? Locale.US : new Locale(language, country);
        List<List<String>> out = new ArrayList<>();
        BreakIterator sentences = BreakIterator.getSentenceInstance(locale);
        sentences.setText(text);
        int start = sentences.first();
        for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
            String sentence = text.substring(start, end);
            BreakIterator words = BreakIterator.getWordInstance(locale);
            words.setText(sentence);
            List<String> ws = new ArrayList<>();
            int ws0 = words.first();
            for (int we = words.next(); we != BreakIterator.DONE; ws0 = we, we = words.next()) {
                String w = sentence.substring(ws0, we);
                if (Character.isLetterOrDigit(w.codePointAt(0))) ws.add(w);
            }
            if (!ws.isEmpty()) out.add(ws);
        }
        return out;
    }
}
