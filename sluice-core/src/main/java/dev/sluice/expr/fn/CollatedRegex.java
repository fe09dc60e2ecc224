package dev.sluice.expr.fn;

import dev.sluice.expr.Expression;
import dev.sluice.expr.Signature;
import dev.sluice.types.ArrayType;
import dev.sluice.types.Collation;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StringType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The regular expressions and LIKE patterns under collations, as Spark 4.1 (its {@code StringTypeBinaryLcase}
 * inputs): the subject may be UTF8_BINARY or UTF8_LCASE, where patterns match case-insensitively (Java's
 * {@code CASE_INSENSITIVE | UNICODE_CASE}, Spark's collation-aware regex flags); any other collation of the subject
 * (ICU, {@code _RTRIM}) is TYPE_MISMATCH, Spark's DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE. The string results
 * ({@code regexp_replace}, {@code regexp_extract}, {@code regexp_substr}, {@code split}'s and
 * {@code regexp_extract_all}'s elements) carry the subject's collation. The flags travel as the signature's state
 * ({@link Lowercase} wrapping the function's own state), so UTF8_BINARY calls bind and run as before.
 */
final class CollatedRegex {
    private CollatedRegex() {}

    static final Set<String> FUNCTIONS = Set.of("like", "ilike", "rlike", "regexp", "regexp_like", "regexp_replace",
            "regexp_extract", "regexp_extract_all", "regexp_count", "regexp_instr", "regexp_substr", "split");

    /** The state of a call under UTF8_LCASE: the function's own state ({@code inner}) plus case-insensitive matching. */
    record Lowercase(Object inner) {}

    static final int LOWERCASE_FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** {@code bound} for a subject (first argument) of a non-binary collation; refuses collations Spark refuses. */
    static Signature adjust(String fn, List<Expression> args, Signature bound) {
        if (args.isEmpty() || !(args.get(0).dataType() instanceof StringType st) || st.isBinary()) return bound;
        Collation c = st.collation();
        if (!c.isLowercase() || c.rtrim()) {
            throw FnArgs.mismatch(fn, args, 0, "the \"STRING\" type (UTF8_BINARY or UTF8_LCASE; the first parameter of " + fn
                    + " cannot be \"" + st.sql() + "\", as in Spark)");
        }
        List<DataType> types = new ArrayList<>(bound.argumentTypes());
        types.set(0, st);
        return new Signature(types, collated(bound.resultType(), st), bound.nullable(), new Lowercase(bound.state()));
    }

    private static DataType collated(DataType result, StringType st) {
        if (result.equals(DataTypes.STRING)) return st;
        if (result instanceof ArrayType a && a.elementType().equals(DataTypes.STRING)) return new ArrayType(st, a.containsNull());
        return result;
    }

    /** The Pattern flags of a bound call: case-insensitive under UTF8_LCASE, none otherwise. */
    static int flags(Signature s) { return s.state() instanceof Lowercase ? LOWERCASE_FLAGS : 0; }

    /** The function's own state, unwrapped. */
    static Object state(Signature s) { return s.state() instanceof Lowercase l ? l.inner() : s.state(); }
}
