package dev.sluice.plan;

import dev.sluice.expr.Arithmetic;
import dev.sluice.expr.DecimalRules;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DateType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.NullType;
import dev.sluice.types.StringType;
import dev.sluice.types.TimestampType;

/** Implicit type coercion (Spark's ANSI rules for the types Sluice has): the analyzer's only source of them. */
final class Coercions {
    private Coercions() {}

    /** The type both sides of a comparison, CASE branch or coalesce argument are cast to; null if none. */
    static DataType commonType(DataType a, DataType b) {
        if (a.equals(b)) return a;
        if (a instanceof NullType) return b;
        if (b instanceof NullType) return a;
        if (a.isNumeric() && b.isNumeric()) return widerNumeric(a, b);
        if (a instanceof StringType && isAtomic(b)) return b;   // ANSI: the string side is cast to the other type
        if (b instanceof StringType && isAtomic(a)) return a;
        if (a instanceof DateType && b instanceof TimestampType || a instanceof TimestampType && b instanceof DateType) {
            return DataTypes.TIMESTAMP;
        }
        return null;
    }

    /** The type both operands of {@code op} are cast to before it runs; null if the operation is invalid. */
    static DataType arithmeticOperandType(Arithmetic.Op op, DataType a, DataType b) {
        if (a instanceof NullType && b instanceof NullType) return DataTypes.DOUBLE;
        if (a instanceof StringType) a = DataTypes.DOUBLE;
        if (b instanceof StringType) b = DataTypes.DOUBLE;
        if (a instanceof NullType) a = b;
        if (b instanceof NullType) b = a;
        if (!a.isNumeric() || !b.isNumeric()) return null;
        if (op == Arithmetic.Op.DIVIDE) {
            boolean decimal = a instanceof DecimalType || b instanceof DecimalType;
            boolean floating = isFloating(a) || isFloating(b);
            if (decimal && !floating) return widerNumeric(a, b);
            return DataTypes.DOUBLE;
        }
        return widerNumeric(a, b);
    }

    static boolean canImplicitlyCast(DataType from, DataType to) {
        if (from.equals(to) || from instanceof NullType) return true;
        if (to instanceof StringType) return !from.isNested();
        if (to.isNumeric()) return from.isNumeric() || from instanceof StringType;
        return false;
    }

    private static DataType widerNumeric(DataType a, DataType b) {
        if (a instanceof DoubleType || b instanceof DoubleType) return DataTypes.DOUBLE;
        if (a instanceof FloatType || b instanceof FloatType) {
            return DataTypes.FLOAT.equals(a) && DataTypes.FLOAT.equals(b) ? DataTypes.FLOAT : DataTypes.DOUBLE;
        }
        if (a instanceof DecimalType || b instanceof DecimalType) {
            DecimalType da = asDecimal(a), db = asDecimal(b);
            int scale = Math.max(da.scale(), db.scale());
            int range = Math.max(da.precision() - da.scale(), db.precision() - db.scale());
            return DecimalType.bounded(range + scale, scale);
        }
        if (a instanceof LongType || b instanceof LongType) return DataTypes.LONG;
        return DataTypes.INT;
    }

    private static DecimalType asDecimal(DataType t) {
        if (t instanceof DecimalType d) return d;
        if (t instanceof IntegerType || t instanceof LongType) return DecimalRules.forIntegral(t);
        throw new IllegalArgumentException("not an exact numeric: " + t);
    }

    private static boolean isFloating(DataType t) { return t instanceof DoubleType || t instanceof FloatType; }

    private static boolean isAtomic(DataType t) { return !t.isNested() && !(t instanceof NullType); }
}
