package dev.sluice.vector;

import dev.sluice.types.BinaryType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.DataType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.StringType;

import java.util.Random;

/**
 * Random columns for tests that compare a typed kernel with the generic path: few distinct values (so keys
 * repeat), nulls, NaN, -0.0 and 0.0, extreme integers; and the same values behind every kind of view
 * (slice, selection, dictionary of a slice, constant), since typed loops read through those.
 */
public final class RandomVectors {
    private final Random random;

    public RandomVectors(long seed) { this.random = new Random(seed); }

    public Random random() { return random; }

    /** A flat vector of {@code n} random values of {@code type}, about {@code nullPercent}% null. */
    public FlatVector flat(DataType type, int n, int nullPercent) {
        FlatVector v = Vectors.allocate(type, n);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(100) < nullPercent) v.appendNull();
            else v.appendObject(value(type));
        }
        return v;
    }

    /** One random Java value of {@code type}. */
    public Object value(DataType type) {
        int pick = random.nextInt(12);
        if (type instanceof IntegerType) {
            return switch (pick) { case 0 -> Integer.MAX_VALUE; case 1 -> Integer.MIN_VALUE; case 2 -> 0; default -> random.nextInt(21) - 10; };
        }
        if (type instanceof LongType) {
            return switch (pick) { case 0 -> Long.MAX_VALUE; case 1 -> Long.MIN_VALUE; case 2 -> 0L; default -> (long) random.nextInt(21) - 10; };
        }
        if (type instanceof DoubleType) {
            return switch (pick) {
                case 0 -> Double.NaN; case 1 -> -0.0; case 2 -> 0.0; case 3 -> Double.POSITIVE_INFINITY;
                case 4 -> Double.MAX_VALUE; case 5 -> Double.longBitsToDouble(0x7ff8000000000123L);   // another NaN
                default -> (random.nextInt(21) - 10) / 4.0;
            };
        }
        if (type instanceof FloatType) {
            return switch (pick) { case 0 -> Float.NaN; case 1 -> -0.0f; case 2 -> 0.0f; default -> (random.nextInt(21) - 10) / 4.0f; };
        }
        if (type instanceof StringType) {
            return switch (pick) { case 0 -> ""; case 1 -> "é€"; case 2 -> "a-longer-string-of-some-bytes"; default -> "s" + random.nextInt(8); };
        }
        if (type instanceof BinaryType) return new byte[] {(byte) random.nextInt(3), (byte) -random.nextInt(3)};
        if (type instanceof dev.sluice.types.DecimalType d) {   // the largest values of the precision, zero, small ones
            java.math.BigInteger max = java.math.BigInteger.TEN.pow(d.precision()).subtract(java.math.BigInteger.ONE);
            java.math.BigInteger unscaled = switch (pick) {
                case 0 -> max;
                case 1 -> max.negate();
                case 2 -> java.math.BigInteger.ZERO;
                case 3 -> max.divide(java.math.BigInteger.valueOf(random.nextInt(1, 1000)));
                default -> java.math.BigInteger.valueOf(random.nextInt(2001) - 1000).mod(max.add(java.math.BigInteger.ONE))
                        .multiply(java.math.BigInteger.valueOf(random.nextBoolean() ? 1 : -1));
            };
            return new java.math.BigDecimal(unscaled, d.scale());
        }
        if (type instanceof BooleanType) return random.nextBoolean();
        throw new IllegalArgumentException("no random values of " + type);
    }

    /**
     * {@code flat}'s rows {@code [0, n)} as the view {@code kind} selects: 0 the flat vector itself, 1 a slice of
     * a longer vector, 2 a selection of a longer vector, 3 a selection of a slice, 4 a constant (row 0 repeated).
     * The view holds the same values as {@code flat}'s first n rows.
     */
    public ColumnVector view(int kind, FlatVector flat, int n) {
        switch (kind) {
            case 0:
                return flat.slice(0, n);
            case 1: {
                FlatVector longer = Vectors.allocate(flat.type(), n + 3);
                for (int i = 0; i < 3; i++) longer.appendFrom(flat, random.nextInt(n));   // rows the slice hides
                for (int i = 0; i < n; i++) longer.appendFrom(flat, i);
                return longer.slice(3, n);
            }
            case 2:
            case 3: {
                int extra = n + 5;
                FlatVector shuffled = Vectors.allocate(flat.type(), n + extra);
                int[] ids = new int[n];
                int[] at = new int[n + extra];
                java.util.Arrays.fill(at, -1);
                for (int i = 0; i < n; i++) {
                    int slot;
                    do { slot = random.nextInt(n + extra); } while (at[slot] >= 0);
                    at[slot] = i;
                    ids[i] = slot;
                }
                for (int s = 0; s < n + extra; s++) {
                    if (at[s] >= 0) shuffled.appendFrom(flat, at[s]);
                    else shuffled.appendFrom(flat, random.nextInt(n));   // rows the selection skips
                }
                if (kind == 2) return shuffled.select(ids, n);
                FlatVector padded = Vectors.allocate(flat.type(), n + extra + 2);
                padded.appendNull();
                padded.appendFrom(flat, random.nextInt(n));
                for (int s = 0; s < n + extra; s++) padded.appendFrom(shuffled, s);
                return padded.slice(2, n + extra).select(ids, n);
            }
            case 4:
                return ConstantVector.repeat(flat, 0, n);
            default:
                throw new IllegalArgumentException("view " + kind);
        }
    }

    /** The number of view kinds {@link #view} knows. */
    public static final int VIEW_KINDS = 5;

    /**
     * {@code v} behind a view no typed loop can resolve ({@link FlatRows#of} gives null), so the code under test
     * takes its generic per-row path on the same values.
     */
    public static ColumnVector opaque(ColumnVector v) {
        return new ColumnVector(v.type()) {
            @Override public int size() { return v.size(); }
            @Override public Encoding encoding() { return v.encoding(); }
            @Override public boolean isNull(int row) { return v.isNull(row); }
            @Override public boolean mayHaveNulls() { return v.mayHaveNulls(); }
            @Override public boolean getBoolean(int row) { return v.getBoolean(row); }
            @Override public int getInt(int row) { return v.getInt(row); }
            @Override public long getLong(int row) { return v.getLong(row); }
            @Override public float getFloat(int row) { return v.getFloat(row); }
            @Override public double getDouble(int row) { return v.getDouble(row); }
            @Override public java.math.BigDecimal getDecimal(int row) { return v.getDecimal(row); }
            @Override public byte[] bytesArray(int row) { return v.bytesArray(row); }
            @Override public int bytesStart(int row) { return v.bytesStart(row); }
            @Override public int bytesLength(int row) { return v.bytesLength(row); }
        };
    }
}
