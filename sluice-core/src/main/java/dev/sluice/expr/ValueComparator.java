package dev.sluice.expr;

import dev.sluice.error.SluiceException;
import dev.sluice.types.ArrayType;
import dev.sluice.types.BinaryType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.DataType;
import dev.sluice.types.DateType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.MapType;
import dev.sluice.types.NullType;
import dev.sluice.types.StringType;
import dev.sluice.types.StructType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.ColumnVector;

/**
 * Spark's ordering of non-null values of one type: strings and binary by unsigned bytes; floating point
 * with NaN above every number, NaN equal to NaN and -0.0 equal to 0.0; structs field by field; arrays
 * element by element, then by length; nulls inside nested values first.
 */
public final class ValueComparator {
    private ValueComparator() {}

    public static int compare(DataType type, ColumnVector a, int i, ColumnVector b, int j) {
        if (type.storesInt()) return Integer.compare(a.getInt(i), b.getInt(j));
        if (type.storesLong()) return Long.compare(a.getLong(i), b.getLong(j));
        if (type instanceof DoubleType) return compareDoubles(a.getDouble(i), b.getDouble(j));
        if (type instanceof StringType s && !s.isBinary()) {   // a collated string: its collation's order
            return java.util.Arrays.compareUnsigned(s.collation().key(a.bytesArray(i), a.bytesStart(i), a.bytesLength(i)),
                    s.collation().key(b.bytesArray(j), b.bytesStart(j), b.bytesLength(j)));
        }
        if (type instanceof StringType || type instanceof BinaryType) return a.compareBytes(i, b, j);
        // no ordering in Spark (the analyzer refuses it); equal bytes are equal intervals, which grouping needs
        if (type instanceof dev.sluice.types.CalendarIntervalType) return a.compareBytes(i, b, j);
        if (type instanceof BooleanType) return Boolean.compare(a.getBoolean(i), b.getBoolean(j));
        if (type instanceof FloatType) return compareDoubles(a.getFloat(i), b.getFloat(j));
        if (type instanceof DecimalType) return compareDecimals(a, i, b, j);
        if (type instanceof NullType) return 0;
        if (type instanceof StructType s) {
            for (int f = 0; f < s.size(); f++) {
                int c = compareNullable(s.field(f).dataType(), a.child(f), i, b.child(f), j);
                if (c != 0) return c;
            }
            return 0;
        }
        if (type instanceof ArrayType t) {
            ColumnVector ea = a.elements(), eb = b.elements();
            int oa = a.arrayOffset(i), la = a.arrayLength(i), ob = b.arrayOffset(j), lb = b.arrayLength(j);
            for (int k = 0; k < Math.min(la, lb); k++) {
                int c = compareNullable(t.elementType(), ea, oa + k, eb, ob + k);
                if (c != 0) return c;
            }
            return Integer.compare(la, lb);
        }
        if (type instanceof MapType) {
            throw SluiceException.of(dev.sluice.error.ErrorCode.TYPE_MISMATCH)
                    .with("expression", "comparison").with("expected", "an orderable type").with("actual", type.simpleString()).build();
        }
        throw SluiceException.internal("no ordering for type " + type);
    }

    /** Nulls first. */
    public static int compareNullable(DataType type, ColumnVector a, int i, ColumnVector b, int j) {
        boolean na = a.isNull(i), nb = b.isNull(j);
        if (na || nb) return na == nb ? 0 : (na ? -1 : 1);
        return compare(type, a, i, b, j);
    }

    /** Unscaled longs compare as the values when both sides hold longs at one scale; otherwise as BigDecimals. */
    private static int compareDecimals(ColumnVector a, int i, ColumnVector b, int j) {
        if (a.type() instanceof DecimalType x && x.fitsInLong() && b.type() instanceof DecimalType y && y.fitsInLong()
                && x.scale() == y.scale()) {
            return Long.compare(a.getLong(i), b.getLong(j));
        }
        return a.getDecimal(i).compareTo(b.getDecimal(j));
    }

    static int compareDoubles(double x, double y) {
        if (x == y) return 0;   // also makes -0.0 equal to 0.0
        return Double.compare(x, y);   // NaN is above everything and equal to itself
    }
}
