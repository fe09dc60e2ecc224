package dev.sluice.expr.fn;

import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.ArrayVector;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.List;

import static dev.sluice.expr.fn.StringFunctions.anyNull;
import static dev.sluice.expr.fn.StringFunctions.str;
import static dev.sluice.expr.fn.StringFunctions.strings;
import static dev.sluice.expr.fn.StringFunctions.typed;

/** reverse (strings by characters, arrays by elements), repeat, translate and substring_index, as Spark. */
public final class StringTransformFunctions {
    private StringTransformFunctions() {}

    public static List<ScalarFunction> all() { return List.of(new Reverse(), new Repeat(), new Translate(), new SubstringIndex()); }

    /** {@code reverse(str)} by characters, or {@code reverse(array)} by elements. */
    record Reverse() implements ScalarFunction {
        @Override public String name() { return "reverse"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 1, 1);
            DataType t = args.get(0).dataType();
            if (t instanceof ArrayType) return new Signature(List.of(t), t, args.get(0).nullable());
            return typed(name(), args, DataTypes.STRING, DataTypes.STRING);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            ColumnVector in = args[0];
            if (in.type() instanceof ArrayType) {
                ArrayVector out = (ArrayVector) Vectors.allocate(in.type(), rows);
                FlatVector elements = out.writableElements();
                for (int i = 0; i < rows; i++) {
                    if (in.isNull(i)) {
                        out.appendNull();
                        continue;
                    }
                    int off = in.arrayOffset(i);
                    for (int j = in.arrayLength(i) - 1; j >= 0; j--) elements.appendFrom(in.elements(), off + j);
                    out.finishRow();
                }
                return out;
            }
            BytesVector out = strings(rows);
            for (int i = 0; i < rows; i++) {
                if (in.isNull(i)) out.appendNull();
                else out.append(new StringBuilder(str(in, i)).reverse().toString());   // keeps surrogate pairs together
            }
            return out;
        }
    }

    /** {@code repeat(str, n)}: n ≤ 0 gives ''. */
    record Repeat() implements ScalarFunction {
        @Override public String name() { return "repeat"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 2, 2);
            return typed(name(), args, DataTypes.STRING, DataTypes.STRING, DataTypes.INT);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            BytesVector out = strings(rows);
            for (int i = 0; i < rows; i++) {
                if (anyNull(args, i)) {
                    out.appendNull();
                    continue;
                }
                int n = args[1].getInt(i), len = args[0].bytesLength(i);
                if (n <= 0 || len == 0) {
                    out.append(new byte[0]);
                    continue;
                }
                byte[] b = args[0].bytesArray(i);
                int start = args[0].bytesStart(i);
                out.reserve(Math.multiplyExact(n, len));
                byte[] dst = out.buffer();
                int pos = out.writePosition();
                for (int k = 0; k < n; k++) System.arraycopy(b, start, dst, pos + k * len, len);
                out.commit(n * len);
            }
            return out;
        }
    }

    /**
     * {@code translate(src, matching, replace)}: each character of src found in matching becomes the character
     * at the same position of replace, or is dropped when replace is shorter; the first occurrence in matching wins.
     */
    record Translate() implements ScalarFunction {
        @Override public String name() { return "translate"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 3, 3);
            return typed(name(), args, DataTypes.STRING, DataTypes.STRING, DataTypes.STRING, DataTypes.STRING);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            BytesVector out = strings(rows);
            String lastFrom = null, lastTo = null;
            java.util.Map<Integer, Integer> map = null;
            for (int i = 0; i < rows; i++) {
                if (anyNull(args, i)) {
                    out.appendNull();
                    continue;
                }
                String from = str(args[1], i), to = str(args[2], i);
                if (map == null || !from.equals(lastFrom) || !to.equals(lastTo)) {   // constant arguments build the map once
                    map = dictionary(from, to);
                    lastFrom = from;
                    lastTo = to;
                }
                String s = str(args[0], i);
                if (signature.state() instanceof dev.sluice.types.Collation c) {   // set by CollationSupport for non-binary collations
                    out.append(CollatedStrings.translate(s, from, to, c));
                    continue;
                }
                StringBuilder sb = new StringBuilder(s.length());
                for (int k = 0; k < s.length(); ) {
                    int cp = s.codePointAt(k);
                    k += Character.charCount(cp);
                    Integer r = map.get(cp);
                    if (r == null) sb.appendCodePoint(cp);
                    else if (r >= 0) sb.appendCodePoint(r);
                }
                out.append(sb.toString());
            }
            return out;
        }

        /** Character → replacement, or -1 to drop it. */
        private static java.util.Map<Integer, Integer> dictionary(String from, String to) {
            java.util.Map<Integer, Integer> map = new java.util.HashMap<>();
            int[] f = from.codePoints().toArray(), t = to.codePoints().toArray();
            for (int k = 0; k < f.length; k++) map.putIfAbsent(f[k], k < t.length ? t[k] : -1);
            return map;
        }
    }

    /**
     * {@code substring_index(str, delim, count)}: everything before the count-th delim from the left (count > 0)
     * or after the count-th from the right (count < 0); the whole string when there are fewer; '' for count 0 or
     * an empty delim. Occurrences may overlap, as Spark searches from one position past the previous match.
     */
    record SubstringIndex() implements ScalarFunction {
        @Override public String name() { return "substring_index"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 3, 3);
            return typed(name(), args, DataTypes.STRING, DataTypes.STRING, DataTypes.STRING, DataTypes.INT);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            BytesVector out = strings(rows);
            for (int i = 0; i < rows; i++) {
                if (anyNull(args, i)) out.appendNull();
                else if (signature.state() instanceof dev.sluice.types.Collation c) {   // set by CollationSupport
                    out.append(CollatedStrings.substringIndex(str(args[0], i), str(args[1], i), args[2].getInt(i), c));
                } else out.append(substringIndex(str(args[0], i), str(args[1], i), args[2].getInt(i)));
            }
            return out;
        }

        static String substringIndex(String s, String delim, int count) {
            if (delim.isEmpty() || count == 0) return "";
            if (count > 0) {
                int idx = -1;
                while (count > 0) {
                    idx = s.indexOf(delim, idx + 1);
                    if (idx < 0) return s;
                    count--;
                }
                return s.substring(0, idx);
            }
            int idx = s.length() - delim.length() + 1;
            while (count < 0) {
                idx = idx - 1 < 0 ? -1 : s.lastIndexOf(delim, idx - 1);
                if (idx < 0) return s;
                count++;
            }
            return s.substring(idx + delim.length());
        }
    }

}
