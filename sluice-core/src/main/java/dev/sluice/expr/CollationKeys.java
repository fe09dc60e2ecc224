package dev.sluice.expr;

import dev.sluice.types.Collation;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StringType;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;

import java.util.List;

/**
 * Collation keys: the bytes of a string under its collation ({@link Collation#key}) that compare, hash and group as
 * the collation says the strings do. Operators that work on bytes (hash aggregation, hash joins, sorts) are given
 * {@code collationkey(s)} in place of a non-binary collated {@code s}, chosen once when the plan is built, so
 * UTF8_BINARY strings keep the byte paths untouched.
 */
public final class CollationKeys {
    private CollationKeys() {}

    /** The collation of {@code t} when it is a string type that does not compare by its bytes; null otherwise. */
    public static Collation nonBinary(DataType t) {
        return t instanceof StringType s && !s.isBinary() ? s.collation() : null;
    }

    /** {@code collationkey(e)} (binary) for a non-binary collated string {@code e}; {@code e} itself otherwise. */
    public static Expression key(Expression e) {
        Collation c = nonBinary(e.dataType());
        if (c == null) return e;
        return new FunctionCall(KeyFunction.NAME, List.of(e), new Signature(List.of(e.dataType()), DataTypes.BINARY, e.nullable()),
                new KeyFunction(c));
    }

    /** The keys of {@code n} strings of {@code in} (flat, binary). */
    public static BytesVector keys(ColumnVector in, Collation c, int n) {
        BytesVector out = new BytesVector(DataTypes.BINARY, n);
        for (int i = 0; i < n; i++) {
            if (in.isNull(i)) out.appendNull();
            else out.append(c.key(in.bytesArray(i), in.bytesStart(i), in.bytesLength(i)));
        }
        return out;
    }

    /** Spark's internal {@code collationkey}: not in the registry, only placed by the planner. */
    record KeyFunction(Collation collation) implements ScalarFunction {
        static final String NAME = "collationkey";

        @Override public String name() { return NAME; }

        @Override public Signature bind(List<Expression> arguments) {
            return new Signature(List.of(arguments.get(0).dataType()), DataTypes.BINARY, arguments.get(0).nullable());
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] arguments, int rowCount) {
            return keys(arguments[0], collation, rowCount);
        }
    }
}
