package dev.sluice.expr.fn;

import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.IntVector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * String functions with Spark's semantics; positions and lengths count characters (code points), as Spark's
 * UTF8String: concat_ws, instr, locate, lpad/rpad, ltrim/rtrim with a trim string, initcap (reverse, repeat,
 * translate and substring_index are in {@link StringTransformFunctions}). Any NULL argument gives NULL unless said otherwise
 * (concat_ws skips NULLs; locate with a NULL start gives 0). Regex functions live in {@link RegexFunctions},
 * format_string in {@link FormatString}.
 */
public final class StringFunctions {
    private StringFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(new ConcatWs(), new Instr(), new Locate("locate"), new Locate("position"),
                new Pad("lpad", true), new Pad("rpad", false), new Trim("ltrim", true), new Trim("rtrim", false),
                new Simple("initcap", StringFunctions::initcap));
    }

    static String str(ColumnVector v, int i) { return v.getString(i); }

    static BytesVector strings(int rows) { return new BytesVector(DataTypes.STRING, rows); }

    static boolean anyNull(ColumnVector[] args, int i) {
        for (ColumnVector a : args) if (a.isNull(i)) return true;
        return false;
    }

    /** Signature of a function whose arguments are all implicitly cast to the given types. */
    static Signature typed(String fn, List<Expression> args, DataType result, DataType... types) {
        List<DataType> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) out.add(FnArgs.expect(fn, args, i, types[i]));
        return new Signature(out, result, FnArgs.anyNullable(args));
    }

    interface StringOp { String apply(String s); }

    /** A one-string function. */
    record Simple(String name, StringOp op) implements ScalarFunction {
        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name, args, 1, 1);
            return typed(name, args, DataTypes.STRING, DataTypes.STRING);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            BytesVector out = strings(rows);
            for (int i = 0; i < rows; i++) {
                if (args[0].isNull(i)) out.appendNull();
                else out.append(op.apply(str(args[0], i)));
            }
            return out;
        }
    }

    /**
     * Spark's initcap: lower-case everything, then title-case the first character of each word, words being
     * separated by spaces only ({@code 'a-b c_d'} → {@code 'A-b C_d'}); a character without a one-character title
     * form takes its full upper case with the rest lowered ({@code 'ßa'} → {@code 'Ssa'}).
     */
    static String initcap(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        boolean start = true;
        for (int k = 0; k < lower.length(); ) {
            int cp = lower.codePointAt(k);
            k += Character.charCount(cp);
            if (start && cp != ' ') {
                int title = Character.toTitleCase(cp);
                String upper = new String(Character.toChars(cp)).toUpperCase(Locale.ROOT);
                if (title != cp || upper.codePointCount(0, upper.length()) == 1) sb.appendCodePoint(title != cp ? title : upper.codePointAt(0));
                else sb.appendCodePoint(upper.codePointAt(0)).append(upper.substring(Character.charCount(upper.codePointAt(0))).toLowerCase(Locale.ROOT));
            } else {
                sb.appendCodePoint(cp);
            }
            start = cp == ' ';
        }
        return sb.toString();
    }

    /**
     * {@code concat_ws(sep, ...)}: strings and arrays of strings (other types are cast to string), joined by sep,
     * skipping NULLs; NULL only when sep is NULL.
     */
    record ConcatWs() implements ScalarFunction {
        @Override public String name() { return "concat_ws"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 1, Integer.MAX_VALUE);
            List<DataType> types = new ArrayList<>();
            types.add(FnArgs.expect(name(), args, 0, DataTypes.STRING));
            for (int i = 1; i < args.size(); i++) {
                DataType t = args.get(i).dataType();
                if (t instanceof ArrayType) types.add(FnArgs.expect(name(), args, i, DataTypes.array(DataTypes.STRING)));
                else types.add(FnArgs.expect(name(), args, i, DataTypes.STRING));
            }
            return new Signature(types, DataTypes.STRING, args.get(0).nullable());
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            BytesVector out = strings(rows);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                if (args[0].isNull(i)) {
                    out.appendNull();
                    continue;
                }
                String sep = str(args[0], i);
                sb.setLength(0);
                boolean first = true;
                for (int k = 1; k < args.length; k++) {
                    ColumnVector a = args[k];
                    if (a.isNull(i)) continue;
                    if (a.type() instanceof ArrayType) {
                        ColumnVector e = a.elements();
                        for (int j = a.arrayOffset(i), end = j + a.arrayLength(i); j < end; j++) {
                            if (e.isNull(j)) continue;
                            if (!first) sb.append(sep);
                            sb.append(str(e, j));
                            first = false;
                        }
                    } else {
                        if (!first) sb.append(sep);
                        sb.append(str(a, i));
                        first = false;
                    }
                }
                out.append(sb.toString());
            }
            return out;
        }
    }

    /** Character index (1-based) of {@code needle} in {@code s} at or after character {@code fromChar}; 0 if absent. */
    static int charIndexOf(String s, String needle, int fromChar) {
        int fromUnit = s.offsetByCodePoints(0, Math.min(fromChar, s.codePointCount(0, s.length())));
        int unit = s.indexOf(needle, fromUnit);
        return unit < 0 ? 0 : s.codePointCount(0, unit) + 1;
    }

    /** {@code instr(str, substr)}: 1-based character position of the first occurrence, 0 if none, 1 for ''. */
    record Instr() implements ScalarFunction {
        @Override public String name() { return "instr"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 2, 2);
            return CollatedStrings.collated(typed(name(), args, DataTypes.INT, DataTypes.STRING, DataTypes.STRING),
                    CollatedStrings.of(name(), args, 0, 1), 0, 1);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            IntVector out = new IntVector(DataTypes.INT, rows);
            dev.sluice.types.Collation c = (dev.sluice.types.Collation) signature.state();
            for (int i = 0; i < rows; i++) {
                if (anyNull(args, i)) out.appendNull();
                else out.append(c == null ? charIndexOf(str(args[0], i), str(args[1], i), 0) : CollatedStrings.indexOf(str(args[0], i), str(args[1], i), 0, c));
            }
            return out;
        }
    }

    /**
     * {@code locate(substr, str[, pos])}: 1-based position of substr in str at or after character pos (default 1);
     * 0 when pos < 1 or pos is NULL (Hive's rule, kept by Spark); '' is found at 1 whatever pos ≥ 1.
     */
    record Locate(String name) implements ScalarFunction {
        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name, args, 2, 3);
            Signature s = args.size() == 2 ? typed(name, args, DataTypes.INT, DataTypes.STRING, DataTypes.STRING)
                    : typed(name, args, DataTypes.INT, DataTypes.STRING, DataTypes.STRING, DataTypes.INT);
            return CollatedStrings.collated(new Signature(s.argumentTypes(), DataTypes.INT, args.get(0).nullable() || args.get(1).nullable()),
                    CollatedStrings.of(name, args, 0, 1), 0, 1);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            IntVector out = new IntVector(DataTypes.INT, rows);
            dev.sluice.types.Collation c = (dev.sluice.types.Collation) signature.state();
            for (int i = 0; i < rows; i++) {
                if (args[0].isNull(i) || args[1].isNull(i)) {
                    out.appendNull();
                    continue;
                }
                if (args.length == 3 && args[2].isNull(i)) {
                    out.append(0);
                    continue;
                }
                int start = args.length == 3 ? args[2].getInt(i) : 1;
                String needle = str(args[0], i);
                if (start < 1) out.append(0);
                else if (needle.isEmpty()) out.append(1);
                else out.append(c == null ? charIndexOf(str(args[1], i), needle, start - 1) : CollatedStrings.indexOf(str(args[1], i), needle, start - 1, c));
            }
            return out;
        }

        @Override public String sql(List<Expression> args) {
            return args.size() == 2 ? name + "(" + args.get(0).sql() + ", " + args.get(1).sql() + ", 1)" : FnArgs.call(name, args);
        }
    }

    /**
     * {@code lpad/rpad(str, len[, pad])}: pad with pad (default one space) to len characters, or cut to len;
     * len ≤ 0 gives '', an empty pad leaves a shorter string as it is.
     */
    record Pad(String name, boolean left) implements ScalarFunction {
        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name, args, 2, 3);
            if (args.get(0).dataType() instanceof dev.sluice.types.BinaryType) {
                // binaries pad with bytes (default 0x00), as Spark's BinaryPad
                return args.size() == 2 ? typed(name, args, DataTypes.BINARY, DataTypes.BINARY, DataTypes.INT)
                        : typed(name, args, DataTypes.BINARY, DataTypes.BINARY, DataTypes.INT, DataTypes.BINARY);
            }
            return args.size() == 2 ? typed(name, args, DataTypes.STRING, DataTypes.STRING, DataTypes.INT)
                    : typed(name, args, DataTypes.STRING, DataTypes.STRING, DataTypes.INT, DataTypes.STRING);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            if (signature.resultType() instanceof dev.sluice.types.BinaryType) return padBytes(args, rows);
            BytesVector out = strings(rows);
            for (int i = 0; i < rows; i++) {
                if (anyNull(args, i)) {
                    out.appendNull();
                    continue;
                }
                out.append(pad(str(args[0], i), args[1].getInt(i), args.length == 3 ? str(args[2], i) : " ", left));
            }
            return out;
        }

        private ColumnVector padBytes(ColumnVector[] args, int rows) {
            BytesVector out = new BytesVector(DataTypes.BINARY, rows);
            for (int i = 0; i < rows; i++) {
                if (anyNull(args, i)) {
                    out.appendNull();
                    continue;
                }
                byte[] s = args[0].getBytes(i), pad = args.length == 3 ? args[2].getBytes(i) : new byte[] {0};
                int len = Math.max(0, args[1].getInt(i));
                if (len <= s.length || pad.length == 0) {
                    out.append(java.util.Arrays.copyOf(s, Math.min(len, s.length)));
                    continue;
                }
                byte[] r = new byte[len];
                int fill = len - s.length;
                for (int k = 0; k < fill; k++) r[left ? k : s.length + k] = pad[k % pad.length];
                System.arraycopy(s, 0, r, left ? fill : 0, s.length);
                out.append(r);
            }
            return out;
        }

        static String pad(String s, int len, String pad, boolean left) {
            if (len <= 0) return "";
            int chars = s.codePointCount(0, s.length());
            if (len <= chars) return s.substring(0, s.offsetByCodePoints(0, len));
            int padChars = pad.codePointCount(0, pad.length());
            if (padChars == 0) return s;
            int need = len - chars;
            StringBuilder fill = new StringBuilder();
            for (int k = 0; k < need / padChars; k++) fill.append(pad);
            fill.append(pad, 0, pad.offsetByCodePoints(0, need % padChars));
            return left ? fill + s : s + fill;
        }

        @Override public String sql(List<Expression> args) {
            return args.size() == 2 ? name + "(" + args.get(0).sql() + ", " + args.get(1).sql() + ",  )" : FnArgs.call(name, args);
        }
    }

    /**
     * {@code ltrim/rtrim(str)} removes spaces; {@code ltrim/rtrim(trimStr, str)} — Spark's SQL argument order —
     * removes every character of trimStr from that end of str.
     */
    record Trim(String name, boolean leading) implements ScalarFunction {
        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name, args, 1, 2);
            return args.size() == 1 ? typed(name, args, DataTypes.STRING, DataTypes.STRING)
                    : typed(name, args, DataTypes.STRING, DataTypes.STRING, DataTypes.STRING);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            BytesVector out = strings(rows);
            ColumnVector src = args[args.length - 1];
            for (int i = 0; i < rows; i++) {
                if (anyNull(args, i)) {
                    out.appendNull();
                    continue;
                }
                if (signature.state() instanceof dev.sluice.types.Collation c) {   // set by CollationSupport for a collated trim string
                    out.append(CollatedStrings.trim(str(src, i), str(args[0], i), c, leading, !leading));
                } else out.append(trim(str(src, i), args.length == 2 ? str(args[0], i) : " ", leading));
            }
            return out;
        }

        static String trim(String s, String chars, boolean leading) {
            if (leading) {
                int k = 0;
                while (k < s.length()) {
                    int cp = s.codePointAt(k);
                    if (chars.indexOf(cp) < 0) break;
                    k += Character.charCount(cp);
                }
                return s.substring(k);
            }
            int k = s.length();
            while (k > 0) {
                int cp = s.codePointBefore(k);
                if (chars.indexOf(cp) < 0) break;
                k -= Character.charCount(cp);
            }
            return s.substring(0, k);
        }

        @Override public String sql(List<Expression> args) {
            if (args.size() == 1) return FnArgs.call(name, args);
            return "TRIM(" + (leading ? "LEADING " : "TRAILING ") + args.get(0).sql() + " FROM " + args.get(1).sql() + ")";
        }
    }
}
