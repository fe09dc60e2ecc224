package dev.sluice.expr.agg;

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
import dev.sluice.types.StringType;
import dev.sluice.types.StructType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.ColumnVector;

import java.math.BigDecimal;

/**
 * The XXH64 hash (Yann Collet's xxHash, 64-bit variant, written from its specification) of values the way
 * Spark's {@code xxhash64} function and its HyperLogLog++ hash them: ints and dates as 4 bytes, bigints and
 * timestamps as 8, booleans as the int 1 or 0, -0.0 as 0.0, strings by their UTF-8 bytes, decimals of
 * precision up to 18 by their unscaled long (else the unscaled two's-complement bytes), arrays and structs
 * element by element with the running hash as the seed, NULL leaving the seed unchanged.
 */
final class XxHash64 {
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;

    private XxHash64() {}

    static long hash(DataType type, ColumnVector v, int row, long seed) {
        if (v.isNull(row)) return seed;
        if (type instanceof IntegerType || type instanceof DateType) return hashInt(v.getInt(row), seed);
        if (type instanceof LongType || type instanceof TimestampType) return hashLong(v.getLong(row), seed);
        if (type instanceof StringType || type instanceof BinaryType) return hashBytes(v.bytesArray(row), v.bytesStart(row), v.bytesLength(row), seed);
        if (type instanceof DoubleType) {
            double d = v.getDouble(row);
            return hashLong(d == 0.0 ? 0L : Double.doubleToLongBits(d), seed);
        }
        if (type instanceof FloatType) {
            float f = v.getFloat(row);
            return hashInt(f == 0.0f ? 0 : Float.floatToIntBits(f), seed);
        }
        if (type instanceof BooleanType) return hashInt(v.getBoolean(row) ? 1 : 0, seed);
        if (type instanceof DecimalType d) {
            BigDecimal value = v.getDecimal(row);
            if (d.precision() <= 18) return hashLong(value.unscaledValue().longValue(), seed);
            byte[] bytes = value.unscaledValue().toByteArray();
            return hashBytes(bytes, 0, bytes.length, seed);
        }
        if (type instanceof StructType s) {
            long h = seed;
            for (int f = 0; f < s.size(); f++) h = hash(s.field(f).dataType(), v.child(f), row, h);
            return h;
        }
        if (type instanceof ArrayType a) {
            long h = seed;
            int offset = v.arrayOffset(row), length = v.arrayLength(row);
            for (int i = 0; i < length; i++) h = hash(a.elementType(), v.elements(), offset + i, h);
            return h;
        }
        if (type instanceof MapType m) {
            long h = seed;
            int offset = v.arrayOffset(row), length = v.arrayLength(row);
            for (int i = 0; i < length; i++) {
                h = hash(m.keyType(), v.elements(), offset + i, h);
                h = hash(m.valueType(), v.mapValues(), offset + i, h);
            }
            return h;
        }
        return seed;
    }

    static long hashInt(int input, long seed) {
        long h = seed + P5 + 4L;
        h ^= (input & 0xFFFFFFFFL) * P1;
        h = Long.rotateLeft(h, 23) * P2 + P3;
        return avalanche(h);
    }

    static long hashLong(long input, long seed) {
        long h = seed + P5 + 8L;
        h ^= round(0, input);
        h = Long.rotateLeft(h, 27) * P1 + P4;
        return avalanche(h);
    }

    static long hashBytes(byte[] b, int start, int length, long seed) {
        int i = start;
        int end = start + length;
        long h;
        if (length >= 32) {
            long v1 = seed + P1 + P2, v2 = seed + P2, v3 = seed, v4 = seed - P1;
            while (end - i >= 32) {
                v1 = round(v1, readLong(b, i));
                v2 = round(v2, readLong(b, i + 8));
                v3 = round(v3, readLong(b, i + 16));
                v4 = round(v4, readLong(b, i + 24));
                i += 32;
            }
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            h = mergeRound(h, v1);
            h = mergeRound(h, v2);
            h = mergeRound(h, v3);
            h = mergeRound(h, v4);
        } else {
            h = seed + P5;
        }
        h += length;
        while (end - i >= 8) {
            h ^= round(0, readLong(b, i));
            h = Long.rotateLeft(h, 27) * P1 + P4;
            i += 8;
        }
        if (end - i >= 4) {
            h ^= (readInt(b, i) & 0xFFFFFFFFL) * P1;
            h = Long.rotateLeft(h, 23) * P2 + P3;
            i += 4;
        }
        while (i < end) {
            h ^= (b[i] & 0xFFL) * P5;
            h = Long.rotateLeft(h, 11) * P1;
            i++;
        }
        return avalanche(h);
    }

    private static long round(long acc, long input) {
        acc += input * P2;
        acc = Long.rotateLeft(acc, 31);
        return acc * P1;
    }

    private static long mergeRound(long acc, long value) {
        acc ^= round(0, value);
        return acc * P1 + P4;
    }

    private static long avalanche(long h) {
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        h *= P3;
        h ^= h >>> 32;
        return h;
    }

    private static long readLong(byte[] b, int i) {
        return (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24
                | (b[i + 4] & 0xFFL) << 32 | (b[i + 5] & 0xFFL) << 40 | (b[i + 6] & 0xFFL) << 48 | (b[i + 7] & 0xFFL) << 56;
    }

    private static int readInt(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }
}
