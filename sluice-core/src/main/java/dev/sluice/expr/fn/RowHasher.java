package dev.sluice.expr.fn;

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
import dev.sluice.types.NullType;
import dev.sluice.types.StringType;
import dev.sluice.types.StructType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.ColumnVector;

/**
 * Spark's HashExpression walk: the running hash starts at the seed and each non-NULL value folds into it
 * (NULLs, also inside arrays and structs, leave it unchanged). Booleans hash as int 1/0, dates as their day
 * int, timestamps as their microsecond long; -0.0 hashes as 0.0 and every NaN alike; decimals of precision ≤ 18
 * hash their unscaled long, wider ones the big-endian two's-complement bytes of the unscaled value; strings and
 * binary their bytes; arrays their elements in order; structs their fields in order. Maps are refused at binding.
 */
final class RowHasher {
    private RowHasher() {}

    interface Algorithm {
        long hashInt(int input, long seed);

        long hashLong(long input, long seed);

        long hashBytes(byte[] b, int offset, int length, long seed);

        /** The running value as the next seed (Murmur3 works in 32 bits). */
        long widen(long hash);
    }

    static long hash(Algorithm a, DataType type, ColumnVector v, int row, long seed) {
        if (v.isNull(row)) return seed;
        if (type.storesInt()) return a.widen(a.hashInt(v.getInt(row), seed));
        if (type.storesLong()) return a.widen(a.hashLong(v.getLong(row), seed));
        if (type instanceof StringType || type instanceof BinaryType) {
            return a.widen(a.hashBytes(v.bytesArray(row), v.bytesStart(row), v.bytesLength(row), seed));
        }
        if (type instanceof DoubleType) {
            double d = v.getDouble(row);
            return a.widen(a.hashLong(d == 0.0 ? 0L : Double.doubleToLongBits(d), seed));
        }
        if (type instanceof FloatType) {
            float f = v.getFloat(row);
            return a.widen(a.hashInt(f == 0.0f ? 0 : Float.floatToIntBits(f), seed));
        }
        if (type instanceof BooleanType) return a.widen(a.hashInt(v.getBoolean(row) ? 1 : 0, seed));
        if (type instanceof DecimalType d) {
            if (d.fitsInLong()) return a.widen(a.hashLong(v.getLong(row), seed));   // Spark: the unscaled long
            java.math.BigInteger unscaled = v.getDecimal(row).unscaledValue();
            byte[] bytes = unscaled.toByteArray();
            return a.widen(a.hashBytes(bytes, 0, bytes.length, seed));
        }
        if (type instanceof ArrayType t) {
            ColumnVector e = v.elements();
            long h = seed;
            for (int k = v.arrayOffset(row), end = k + v.arrayLength(row); k < end; k++) h = hash(a, t.elementType(), e, k, h);
            return h;
        }
        if (type instanceof StructType s) {
            long h = seed;
            for (int f = 0; f < s.size(); f++) h = hash(a, s.field(f).dataType(), v.child(f), row, h);
            return h;
        }
        if (type instanceof NullType) return seed;
        throw dev.sluice.error.SluiceException.internal("no hash for type " + type);
    }

    static int intLE(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }

    static long longLE(byte[] b, int i) {
        return (intLE(b, i) & 0xFFFFFFFFL) | ((long) intLE(b, i + 4) << 32);
    }
}
