package dev.sluice.expr.fn;

import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.ArrayVector;
import dev.sluice.vector.BooleanVector;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static dev.sluice.expr.fn.StringFunctions.anyNull;
import static dev.sluice.expr.fn.StringFunctions.str;
import static dev.sluice.expr.fn.StringFunctions.typed;

/**
 * Java-regex functions, as Spark: split (limit ≤ 0 keeps trailing empty strings; an empty pattern splits into
 * characters), regexp_extract (group 1 by default, '' when nothing matches), regexp_replace (Java replacement
 * syntax, from a 1-based position), rlike (a match anywhere) and like (SQL wildcards {@code _ %} with an
 * escape character, default backslash; '_' matches any character including a newline).
 * A constant pattern is compiled once at binding; other patterns are compiled when they change from row to row.
 * A bad pattern, group index or replacement is INVALID_ARGUMENT.
 */
public final class RegexFunctions {
    private RegexFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(new Split(), new RegexpExtract(), new RegexpReplace(), new RLike(), new Like());
    }

    /** Compiles patterns, remembering the last one (the constant case costs one comparison per row). */
    static final class PatternCache {
        private final String fn;
        private final boolean like;
        private final char escape;
        private final int flags;
        private String last;
        private Pattern compiled;

        PatternCache(String fn, boolean like, char escape) { this(fn, like, escape, 0); }

        /** {@code flags}: Pattern flags, {@link CollatedRegex#flags} of the call (case-insensitive under UTF8_LCASE). */
        PatternCache(String fn, boolean like, char escape, int flags) {
            this.fn = fn;
            this.like = like;
            this.escape = escape;
            this.flags = flags;
        }

        Pattern get(String pattern) {
            if (!pattern.equals(last)) {
                compiled = like ? likePattern(fn, pattern, escape, flags) : compile(fn, pattern, flags);
                last = pattern;
            }
            return compiled;
        }
    }

    static Pattern compile(String fn, String regex) { return compile(fn, regex, 0); }

    static Pattern compile(String fn, String regex, int flags) {
        try {
            return Pattern.compile(regex, flags);
        } catch (PatternSyntaxException e) {
            throw FnArgs.invalid(fn, "the regular expression '" + regex + "' is invalid: " + e.getDescription());
        }
    }

    /** Checks a constant pattern at binding so a bad one fails at analysis. */
    static void checkConstant(String fn, Expression pattern, boolean like, char escape) {
        Object v = FnArgs.constant(pattern, DataTypes.STRING);
        if (v instanceof String s) {
            if (like) likePattern(fn, s, escape);
            else compile(fn, s);
        }
    }

    /** {@code split(str, regex[, limit])}. */
    record Split() implements ScalarFunction {
        @Override public String name() { return "split"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 2, 3);
            Signature s = args.size() == 2 ? typed(name(), args, DataTypes.STRING, DataTypes.STRING, DataTypes.STRING)
                    : typed(name(), args, DataTypes.STRING, DataTypes.STRING, DataTypes.STRING, DataTypes.INT);
            checkConstant(name(), args.get(1), false, '\\');
            return new Signature(s.argumentTypes(), new ArrayType(DataTypes.STRING, false), s.nullable());
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            ArrayVector out = new ArrayVector((ArrayType) signature.resultType(), new BytesVector(DataTypes.STRING, rows * 2), rows);
            BytesVector elements = (BytesVector) out.writableElements();
            PatternCache cache = new PatternCache(name(), false, '\\', CollatedRegex.flags(signature));
            for (int i = 0; i < rows; i++) {
                if (anyNull(args, i)) {
                    out.appendNull();
                    continue;
                }
                String s = str(args[0], i), regex = str(args[1], i);
                int limit = args.length == 3 ? args[2].getInt(i) : -1;
                if (!s.isEmpty() && regex.isEmpty()) {
                    int chars = s.codePointCount(0, s.length());
                    int n = limit > chars || limit <= 0 ? chars : limit;
                    int k = 0;
                    for (int c = 0; c < n - 1; c++) {
                        int next = s.offsetByCodePoints(k, 1);
                        elements.append(s.substring(k, next));
                        k = next;
                    }
                    elements.append(s.substring(k));
                } else {
                    for (String part : cache.get(regex).split(s, limit == 0 ? -1 : limit)) elements.append(part);
                }
                out.finishRow();
            }
            return out;
        }

        @Override public String sql(List<Expression> args) {
            return args.size() == 2 ? "split(" + args.get(0).sql() + ", " + args.get(1).sql() + ", -1)" : FnArgs.call(name(), args);
        }
    }

    /** {@code regexp_extract(str, regex[, idx])}. */
    record RegexpExtract() implements ScalarFunction {
        @Override public String name() { return "regexp_extract"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 2, 3);
            checkConstant(name(), args.get(1), false, '\\');
            return args.size() == 2 ? typed(name(), args, DataTypes.STRING, DataTypes.STRING, DataTypes.STRING)
                    : typed(name(), args, DataTypes.STRING, DataTypes.STRING, DataTypes.STRING, DataTypes.INT);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            BytesVector out = StringFunctions.strings(rows);
            PatternCache cache = new PatternCache(name(), false, '\\', CollatedRegex.flags(signature));
            for (int i = 0; i < rows; i++) {
                if (anyNull(args, i)) {
                    out.appendNull();
                    continue;
                }
                Matcher m = cache.get(str(args[1], i)).matcher(str(args[0], i));
                int idx = args.length == 3 ? args[2].getInt(i) : 1;
                if (idx < 0 || idx > m.groupCount()) {
                    throw FnArgs.invalid(name(), "expects group index between 0 and " + m.groupCount() + ", but got " + idx);
                }
                String g = m.find() ? m.group(idx) : null;
                out.append(g == null ? "" : g);
            }
            return out;
        }

        @Override public String sql(List<Expression> args) {
            return args.size() == 2 ? "regexp_extract(" + args.get(0).sql() + ", " + args.get(1).sql() + ", 1)" : FnArgs.call(name(), args);
        }
    }

    /** {@code regexp_replace(str, regex, replacement[, position])}; position must be a positive int. */
    record RegexpReplace() implements ScalarFunction {
        @Override public String name() { return "regexp_replace"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 3, 4);
            checkConstant(name(), args.get(1), false, '\\');
            if (args.size() == 4) {
                Object pos = FnArgs.constant(args.get(3), DataTypes.INT);
                if (pos instanceof Integer p && p <= 0) throw FnArgs.invalid(name(), "the position must be positive, got " + p);
                return typed(name(), args, DataTypes.STRING, DataTypes.STRING, DataTypes.STRING, DataTypes.STRING, DataTypes.INT);
            }
            return typed(name(), args, DataTypes.STRING, DataTypes.STRING, DataTypes.STRING, DataTypes.STRING);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            BytesVector out = StringFunctions.strings(rows);
            PatternCache cache = new PatternCache(name(), false, '\\', CollatedRegex.flags(signature));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                if (anyNull(args, i)) {
                    out.appendNull();
                    continue;
                }
                String s = str(args[0], i), replacement = str(args[2], i);
                int position = args.length == 4 ? args[3].getInt(i) : 1;
                if (position <= 0) throw FnArgs.invalid(name(), "the position must be positive, got " + position);
                if (position - 1 > 0 && position - 1 >= s.length()) {
                    out.append(s);
                    continue;
                }
                Matcher m = cache.get(str(args[1], i)).matcher(s);
                m.region(position - 1, s.length());
                sb.setLength(0);
                try {
                    // appendReplacement copies from the last append position, which starts at 0: the text before
                    // the position is kept as it is
                    while (m.find()) m.appendReplacement(sb, replacement);
                    m.appendTail(sb);
                } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    throw FnArgs.invalid(name(), "could not replace with '" + replacement + "': " + e.getMessage());
                }
                out.append(sb.toString());
            }
            return out;
        }

        @Override public String sql(List<Expression> args) {
            return args.size() == 3 ? FnArgs.call(name(), args).replaceAll("\\)$", ", 1)") : FnArgs.call(name(), args);
        }
    }

    /** {@code rlike(str, regex)}: true when the regex matches anywhere in str. */
    record RLike() implements ScalarFunction {
        @Override public String name() { return "rlike"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 2, 2);
            checkConstant(name(), args.get(1), false, '\\');
            return typed(name(), args, DataTypes.BOOLEAN, DataTypes.STRING, DataTypes.STRING);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            return matchAll(name(), args, rows, false, '\\', CollatedRegex.flags(signature));
        }

        @Override public String sql(List<Expression> args) { return FnArgs.call("RLIKE", args); }
    }

    static BooleanVector matchAll(String fn, ColumnVector[] args, int rows, boolean like, char escape, int flags) {
        BooleanVector out = new BooleanVector(DataTypes.BOOLEAN, rows);
        PatternCache cache = new PatternCache(fn, like, escape, flags);
        for (int i = 0; i < rows; i++) {
            if (args[0].isNull(i) || args[1].isNull(i)) {
                out.appendNull();
                continue;
            }
            Matcher m = cache.get(str(args[1], i)).matcher(str(args[0], i));
            out.append(like ? m.matches() : m.find());
        }
        return out;
    }

    /** {@code like(str, pattern[, escape])}; the escape is a constant one-character string. */
    record Like() implements ScalarFunction {
        @Override public String name() { return "like"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 2, 3);
            char escape = '\\';
            if (args.size() == 3) {
                Object e = FnArgs.constant(args.get(2), DataTypes.STRING);
                if (!(e instanceof String s) || s.length() != 1) throw FnArgs.invalid(name(), "the escape must be a constant one-character string");
                escape = ((String) e).charAt(0);
            }
            checkConstant(name(), args.get(1), true, escape);
            Signature s = args.size() == 2 ? typed(name(), args, DataTypes.BOOLEAN, DataTypes.STRING, DataTypes.STRING)
                    : typed(name(), args, DataTypes.BOOLEAN, DataTypes.STRING, DataTypes.STRING, DataTypes.STRING);
            return new Signature(s.argumentTypes(), DataTypes.BOOLEAN, args.get(0).nullable() || args.get(1).nullable(), escape);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            return matchAll(name(), args, rows, true, (Character) CollatedRegex.state(signature), CollatedRegex.flags(signature));
        }

        @Override public String sql(List<Expression> args) {
            String base = args.get(0).sql() + " LIKE " + args.get(1).sql();
            if (args.size() == 3 && !"\\".equals(args.get(2).sql())) return base + " ESCAPE '" + args.get(2).sql() + "'";
            return base;
        }
    }

    /** Spark's escapeLikeRegex: the escape makes the next {@code _}, {@code %} or escape literal; anything else after it is an error. */
    static Pattern likePattern(String fn, String pattern, char escape) { return likePattern(fn, pattern, escape, 0); }

    static Pattern likePattern(String fn, String pattern, char escape, int flags) {
        StringBuilder regex = new StringBuilder("(?s)");
        StringBuilder literal = new StringBuilder();
        for (int k = 0; k < pattern.length(); k++) {
            char c = pattern.charAt(k);
            if (c == escape) {
                if (k + 1 == pattern.length()) throw FnArgs.invalid(fn, "the pattern '" + pattern + "' ends with the escape character");
                char next = pattern.charAt(++k);
                if (next != '_' && next != '%' && next != escape) {
                    throw FnArgs.invalid(fn, "the escape character must be followed by '_', '%' or itself in '" + pattern + "'");
                }
                literal.append(next);
            } else if (c == '_' || c == '%') {
                if (literal.length() > 0) regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                regex.append(c == '_' ? "." : ".*");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), flags);
    }
}
