package dev.sluice.expr;

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
import dev.sluice.vector.ByteWords;
import dev.sluice.vector.ColumnVector;

/**
 * 64-bit hashes of values, consistent with {@link ValueComparator}'s equality (-0.0 and 0.0 hash alike, every
 * NaN hashes alike), for hash partitioning and hash tables. Not Spark's hash() function (that one is in the
 * function library); stable across runs and JVMs.
 */
public final class ValueHasher {
    /** The hash of NULL, of any type. */
    public static final long NULL_HASH = 0x9E3779B97F4A7C15L;
    private static final long ROW_SEED = 0x27D4EB2F165667C5L;

    private ValueHasher() {}

    public static long hash(DataType type, ColumnVector v, int row) { return hash(type, v, row, false); }

    /** {@code fnvBytes}: strings and binaries by {@link #fnvBytes} (the exchange's partitioning), else {@link #hashBytes}. */
    private static long hash(DataType type, ColumnVector v, int row, boolean fnvBytes) {
        if (v.isNull(row)) return NULL_HASH;
        if (type.storesInt()) return hashInt(v.getInt(row));
        if (type.storesLong()) return hashLong(v.getLong(row));
        if (type instanceof StringType s && !s.isBinary()) {   // a collated string hashes as its key, as it compares
            byte[] key = s.collation().key(v.bytesArray(row), v.bytesStart(row), v.bytesLength(row));
            return fnvBytes ? fnvBytes(key, 0, key.length) : hashBytes(key, 0, key.length);
        }
        if (type instanceof StringType || type instanceof BinaryType || type instanceof dev.sluice.types.CalendarIntervalType) {
            return fnvBytes ? fnvBytes(v.bytesArray(row), v.bytesStart(row), v.bytesLength(row)) : hashBytes(v.bytesArray(row), v.bytesStart(row), v.bytesLength(row));
        }
        if (type instanceof DoubleType) return hashDouble(v.getDouble(row));
        if (type instanceof FloatType) return hashDouble(v.getFloat(row));
        if (type instanceof BooleanType) return v.getBoolean(row) ? 0x51AFD7ED558CCD1L : 0x2545F4914F6CDD1DL;
        if (type instanceof DecimalType d) {
            return d.fitsInLong() ? hashDecimal(v.getLong(row), d.scale()) : mix(v.getDecimal(row).stripTrailingZeros().hashCode());
        }
        if (type instanceof StructType s) {
            long h = 17;
            for (int f = 0; f < s.size(); f++) h = h * 31 + hash(s.field(f).dataType(), v.child(f), row, fnvBytes);
            return mix(h);
        }
        if (type instanceof ArrayType a) {
            long h = 19;
            int offset = v.arrayOffset(row), length = v.arrayLength(row);
            for (int i = 0; i < length; i++) h = h * 31 + hash(a.elementType(), v.elements(), offset + i, fnvBytes);
            return mix(h);
        }
        if (type instanceof MapType m) {
            long h = 23;
            int offset = v.arrayOffset(row), length = v.arrayLength(row);
            for (int i = 0; i < length; i++) {
                h += hash(m.keyType(), v.elements(), offset + i, fnvBytes) * 31 + hash(m.valueType(), v.mapValues(), offset + i, fnvBytes);
            }
            return mix(h);
        }
        return NULL_HASH;
    }

    /** Combines the hashes of several key columns of one row. */
    public static long hashRow(DataType[] types, ColumnVector[] keys, int row) {
        long h = ROW_SEED;
        for (int k = 0; k < keys.length; k++) h = combine(h, hash(types[k], keys[k], row, false));
        return mix(h);
    }

    /**
     * The hash an exchange partitions rows by: {@link #hashRow} with strings and binaries hashed by FNV-1a a byte
     * at a time, as every hash was before {@link #hashBytes} took eight bytes a step. Which partition a row lands in
     * decides the order of an unordered result, and that order is kept (documented examples whose output order
     * matched Spark's would change); operator-internal tables and spill partitions, whose hashes never show in
     * a result's order, use the faster {@link #hashRow}.
     */
    public static long partitionHashRow(DataType[] types, ColumnVector[] keys, int row) {
        long h = ROW_SEED;
        for (int k = 0; k < keys.length; k++) h = combine(h, hash(types[k], keys[k], row, true));
        return mix(h);
    }

    /*
     * The pieces of hash() and hashRow(), for loops that hash a whole column of one type at a time: hashRow is
     * mix(combine(...combine(ROW_SEED, h0)..., hn)). Changing one changes both paths alike.
     */

    /** The start of a row hash, before {@link #combine} folds in each key's hash. */
    public static long rowSeed() { return ROW_SEED; }

    /** Folds one key's hash into a row hash. */
    public static long combine(long rowHash, long keyHash) { return (rowHash ^ keyHash) * 0x100000001B3L; }

    /** The hash of an int-stored value (int, tinyint, smallint, date, year-month interval). */
    public static long hashInt(int value) { return mix(value); }

    /** The hash of a long-stored value (bigint, timestamps, day-time interval). */
    public static long hashLong(long value) { return mix(value); }

    /**
     * The hash of the decimal {@code unscaled / 10^scale} held as a long: the wide form's hash,
     * {@code mix(stripTrailingZeros().hashCode())}, computed without a BigDecimal (so equal values of any scale
     * hash alike in either form).
     */
    public static long hashDecimal(long unscaled, int scale) {
        if (unscaled == 0) return mix(0);   // BigDecimal.ZERO: unscaled 0, scale 0
        while (unscaled % 10 == 0) {
            unscaled /= 10;
            scale--;
        }
        long magnitude = Math.abs(unscaled);   // BigDecimal.hashCode of a compact value, as the JDK defines it
        int h = (int) (((int) (magnitude >>> 32)) * 31 + (magnitude & 0xFFFFFFFFL));
        return mix(31 * (unscaled < 0 ? -h : h) + scale);
    }

    /** The hash of a double or float (widened): -0.0 as 0.0, every NaN alike. */
    public static long hashDouble(double value) { return mix(doubleBits(value)); }

    private static long doubleBits(double d) {
        if (d == 0.0) return 0L;                 // -0.0 equals 0.0
        if (Double.isNaN(d)) return 0x7ff8000000000000L;
        return Double.doubleToLongBits(d);
    }

    /**
     * True when {@link #partitionHashRow} hashes a key of {@code type} by the bytes as stored ({@link #fnvBytes}):
     * strings of a binary collation and binaries, whose rows {@link #partitionHashBytes} hashes a column at a time.
     */
    public static boolean partitionHashesStoredBytes(DataType type) {
        return type instanceof StringType s ? s.isBinary() : type instanceof BinaryType;
    }

    /**
     * {@link #partitionHashRow} of rows {@code [0, n)} of one key column of {@code type}
     * ({@link #partitionHashesStoredBytes}) without nulls, resolved to {@code flat} over a {@link BytesVector}. Four
     * rows at a time: FNV-1a is a chain of dependent multiplications, one per byte, and four independent chains run
     * side by side in the processor where one row's would wait for each multiplication.
     */
    public static void partitionHashBytes(dev.sluice.vector.FlatRows flat, long[] out, int n) {
        dev.sluice.vector.BytesVector base = (dev.sluice.vector.BytesVector) flat.base();
        byte[] b = base.bytesArray(0);
        int r = 0;
        for (; r + 4 <= n; r += 4) {
            int r0 = flat.row(r), r1 = flat.row(r + 1), r2 = flat.row(r + 2), r3 = flat.row(r + 3);
            int s0 = base.bytesStart(r0), s1 = base.bytesStart(r1), s2 = base.bytesStart(r2), s3 = base.bytesStart(r3);
            int l0 = base.bytesLength(r0), l1 = base.bytesLength(r1), l2 = base.bytesLength(r2), l3 = base.bytesLength(r3);
            long h0 = FNV_SEED, h1 = FNV_SEED, h2 = FNV_SEED, h3 = FNV_SEED;
            int common = Math.min(Math.min(l0, l1), Math.min(l2, l3));
            for (int i = 0; i < common; i++) {
                h0 = (h0 ^ b[s0 + i]) * FNV_PRIME;
                h1 = (h1 ^ b[s1 + i]) * FNV_PRIME;
                h2 = (h2 ^ b[s2 + i]) * FNV_PRIME;
                h3 = (h3 ^ b[s3 + i]) * FNV_PRIME;
            }
            out[r] = partitionHashOfFnv(fnvFrom(h0, b, s0 + common, s0 + l0));
            out[r + 1] = partitionHashOfFnv(fnvFrom(h1, b, s1 + common, s1 + l1));
            out[r + 2] = partitionHashOfFnv(fnvFrom(h2, b, s2 + common, s2 + l2));
            out[r + 3] = partitionHashOfFnv(fnvFrom(h3, b, s3 + common, s3 + l3));
        }
        for (; r < n; r++) {
            int row = flat.row(r), start = base.bytesStart(row);
            out[r] = partitionHashOfFnv(fnvFrom(FNV_SEED, b, start, start + base.bytesLength(row)));
        }
    }

    /** FNV-1a of {@code b[from, to)} continued from {@code h}. */
    private static long fnvFrom(long h, byte[] b, int from, int to) {
        for (int i = from; i < to; i++) h = (h ^ b[i]) * FNV_PRIME;
        return h;
    }

    /** {@link #partitionHashRow} of one key whose FNV-1a state is {@code h} ({@link #fnvBytes} before its mix). */
    private static long partitionHashOfFnv(long h) { return mix(combine(ROW_SEED, mix(h))); }

    private static final long FNV_SEED = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** FNV-1a over the bytes, then {@link #mix}: the exchange's string hash ({@link #partitionHashRow}). */
    public static long fnvBytes(byte[] b, int start, int length) {
        return mix(fnvFrom(FNV_SEED, b, start, start + length));
    }

    private static final long WORD_PRIME = 0x517CC1B727220A95L;

    /**
     * The hash of a string's UTF-8 bytes or a binary value: eight bytes a step (xor, then a 128-bit multiply), the
     * length folded into the seed, then {@link #mix}. It was FNV-1a a byte at a time (still the exchange's, see
     * {@link #partitionHashRow}), whose chain of one multiplication per byte made hashing a 36-byte id about an
     * eighth of a self-join's CPU (each key is hashed by the exchange, the spill partitions, the table and the probe).
     * Words are read through {@link ByteWords#longAt}, a load in C1's code too (a {@code VarHandle} view is a chain of
     * calls there); the last 1-7 bytes are read as one word ending at the value's end when the array has 8 bytes up to there.
     */
    public static long hashBytes(byte[] b, int start, int length) {
        long h = 0xcbf29ce484222325L ^ (length * 0x9E3779B97F4A7C15L);
        int i = start, end = start + length;
        for (; i + 8 <= end; i += 8) h = step(h, ByteWords.longAt(b, i));
        if (i < end) {
            // the last 1-7 bytes as a little-endian word, zero above them: the 8 bytes ending at the value's end shifted
            // down, inside the array whenever 8 bytes precede that end (all but a buffer's first values), else a byte at
            // a time. Not the 8 bytes from i on: those pass the array's end for a buffer's last value, which many
            // batches never have, and C2 compiles a branch its profile never saw taken as a trap that throws the
            // compiled code away when it is (the first version did so in Q2's runs)
            h = step(h, end >= 8 ? ByteWords.longAt(b, end - 8) >>> ((8 - (end - i)) << 3) : tailBytes(b, i, end));
        }
        return mix(h);
    }

    /** The bytes {@code b[i, end)} (1 to 7 of them) as a little-endian long, zero above them. */
    private static long tailBytes(byte[] b, int i, int end) {
        long tail = 0;
        for (int shift = 0; i < end; i++, shift += 8) tail |= (b[i] & 0xFFL) << shift;
        return tail;
    }

    /**
     * Folds one word in: both halves of the 128-bit product of {@code h ^ word} and an odd constant, so that every
     * bit of the word reaches every bit of the state (a 64-bit product alone only carries bits upwards, and a
     * flipped top bit of one word could be cancelled by a low bit of the next).
     */
    private static long step(long h, long word) {
        long x = h ^ word;
        return x * WORD_PRIME ^ Math.multiplyHigh(x, WORD_PRIME);
    }

    /** A finalizer that spreads bits (from SplitMix64). */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
