package dev.sluice.expr.agg;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.AggregateFunction;
import dev.sluice.expr.Expression;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.MapType;
import dev.sluice.types.NullType;
import dev.sluice.types.StringType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

/** Type checks shared by the aggregate functions, with Spark's implicit casts. */
final class AggregateTypes {
    private AggregateTypes() {}

    static SluiceException mismatch(AggregateFunction f, String expected, DataType actual) {
        return SluiceException.of(ErrorCode.TYPE_MISMATCH).with("expression", f.sql(false)).with("expected", expected)
                .with("actual", actual.simpleString()).build();
    }

    /**
     * A numeric input as is; a string (cast to double, ANSI: malformed text fails at run time) or NULL
     * (cast to double) as Spark's implicit casts for numeric aggregates; anything else is a type error.
     */
    static Expression numeric(AggregateFunction f, Expression input, AggregateFunction.AggregateBinder binder) {
        DataType t = input.dataType();
        if (t.isNumeric()) return input;
        if (t instanceof StringType || t instanceof NullType) return binder.castTo(input, DataTypes.DOUBLE);
        throw mismatch(f, "a numeric value", t);
    }

    /** Map values cannot be compared, so min/max, grouping and deduplication refuse them (as Spark). */
    static void requireOrderable(AggregateFunction f, DataType t) {
        if (!isOrderable(t)) throw mismatch(f, "an orderable type (not a map)", t);
    }

    /** Whether {@code t} holds a string of a non-binary collation, at any depth. */
    static boolean hasCollatedString(DataType t) {
        if (dev.sluice.expr.CollationKeys.nonBinary(t) != null) return true;
        if (t instanceof ArrayType a) return hasCollatedString(a.elementType());
        if (t instanceof MapType m) return hasCollatedString(m.keyType()) || hasCollatedString(m.valueType());
        if (t instanceof StructType s) {
            for (StructField field : s.fields()) if (hasCollatedString(field.dataType())) return true;
        }
        return false;
    }

    static boolean isOrderable(DataType t) {
        if (t instanceof MapType) return false;
        if (t instanceof ArrayType a) return isOrderable(a.elementType());
        if (t instanceof StructType s) {
            for (StructField field : s.fields()) if (!isOrderable(field.dataType())) return false;
        }
        return true;
    }

    static Expression only(AggregateFunction f, java.util.List<Expression> inputs) {
        if (inputs.size() != 1) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", f.name())
                    .with("reason", "it takes 1 argument, got " + inputs.size()).build();
        }
        return inputs.get(0);
    }
}
