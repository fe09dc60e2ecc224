package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.CollationKeys;
import dev.sluice.expr.CollationPrecedence;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Signature;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StringType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What collations do to registry functions beyond the searches of {@link CollatedStrings}, checked once as a call
 * binds: the string transforms return their input's collation (Spark's {@code upper(s COLLATE UTF8_LCASE)} is a
 * {@code string collate UTF8_LCASE}, so comparing it stays case-insensitive), and the functions Spark makes
 * collation-aware are bound with their collation as signature state by their family: {@link CollatedRegex},
 * {@link CollatedArrays}, {@link CollatedStrings} (the delimiter, trim and search functions). Calls without
 * non-binary collated arguments come back as they were bound.
 */
public final class CollationSupport {
    private CollationSupport() {}

    /** String results that carry the collation of the string arguments. */
    private static final Set<String> KEEP_COLLATION = Set.of("upper", "lower", "ucase", "lcase", "initcap", "substr", "substring",
            "left", "right", "trim", "ltrim", "rtrim", "concat", "concat_ws", "lpad", "rpad", "repeat", "reverse",
            "overlay", "elt", "replace");

    /** Split, search or compare their string arguments under the collation: bound with it as state (CollatedStrings). */
    private static final Set<String> DELIMITED = Set.of("split_part", "substring_index", "find_in_set", "translate", "btrim",
            "str_to_map", "trim", "ltrim", "rtrim");

    private static final Set<String> TRIMS = Set.of("btrim", "trim", "ltrim", "rtrim");

    /** The signature of {@code fn} bound to {@code args}, adjusted for collated string arguments. */
    public static Signature adjust(String fn, List<Expression> args, Signature bound) {
        boolean collated = false;
        for (Expression a : args) if (hasNonBinary(a.dataType())) collated = true;
        if (!collated) return bound;
        if (CollatedRegex.FUNCTIONS.contains(fn)) return CollatedRegex.adjust(fn, args, bound);
        if (CollatedArrays.FUNCTIONS.contains(fn)) return CollatedArrays.bind(bound);
        if (DELIMITED.contains(fn)) return delimited(fn, args, bound);
        if (fn.equals("map_from_arrays") || fn.equals("map_from_entries")) return CollatedArrays.bindMapKeys(bound);
        if (KEEP_COLLATION.contains(fn) && bound.resultType().equals(DataTypes.STRING)) {
            StringType common = CollationPrecedence.common(args);
            StringType result = common;
            if (result == null) for (Expression a : args) if (a.dataType() instanceof StringType s && !s.isDefault()) result = s;
            if (result != null) return new Signature(bound.argumentTypes(), result, bound.nullable(), bound.state());
        }
        return bound;
    }

    /** A call of {@link #DELIMITED} whose strings meet in a non-binary collation: its string types, result and state are it. */
    private static Signature delimited(String fn, List<Expression> args, Signature bound) {
        StringType common = CollationPrecedence.common(args);
        StringType c = common;
        if (c == null) for (Expression a : args) if (a.dataType() instanceof StringType s && !s.isBinary()) c = s;
        if (c == null || c.isBinary()) return bound;
        if (TRIMS.contains(fn) && args.size() == 1) {   // trimming spaces: the same under every collation
            return new Signature(bound.argumentTypes(), c, bound.nullable(), bound.state());
        }
        if (TRIMS.contains(fn) && c.collation().rtrim()) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", fn + " with a trim string under the collation " + c.collation().name())
                    .with("reason", "Sluice's collation-aware trimming does not apply RTRIM; collate the arguments without _RTRIM").build();
        }
        List<DataType> types = new ArrayList<>(bound.argumentTypes());
        for (int i = 0; i < types.size(); i++) if (types.get(i).equals(DataTypes.STRING)) types.set(i, c);
        DataType result = bound.resultType();
        if (result.equals(DataTypes.STRING)) result = c;
        else if (result instanceof dev.sluice.types.MapType m && m.keyType().equals(DataTypes.STRING)) {
            result = new dev.sluice.types.MapType(c, c, m.valueContainsNull());
        }
        return new Signature(types, result, bound.nullable(), c.collation());
    }

    private static boolean hasNonBinary(DataType t) {
        if (CollationKeys.nonBinary(t) != null) return true;
        if (t instanceof ArrayType a) return hasNonBinary(a.elementType());
        if (t instanceof dev.sluice.types.MapType m) return hasNonBinary(m.keyType()) || hasNonBinary(m.valueType());
        if (t instanceof dev.sluice.types.StructType s) {
            for (var f : s.fields()) if (hasNonBinary(f.dataType())) return true;
        }
        return false;
    }
}
