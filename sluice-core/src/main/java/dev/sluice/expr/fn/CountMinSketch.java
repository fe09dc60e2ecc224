package dev.sluice.expr.fn;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Spark's count-min sketch (its own CountMinSketchImpl, not a DataSketches one) in its serialized form, for the
 * count_min_sketch aggregate: width ⌈2 / ε⌉, depth ⌈−log(1 − confidence) / log 2⌉, row hashes seeded from
 * {@code java.util.Random(seed)}; whole numbers hash as Spark's addLong, strings and binaries as its addBinary
 * (Murmur3 twice). The bytes: version 1, total count, depth, width, the row hashes, then the table.
 */
public final class CountMinSketch {
    private static final long PRIME_MODULUS = (1L << 31) - 1;

    private final int depth, width;
    private final long[] hashA;
    private final long[][] table;
    private long totalCount;

    public CountMinSketch(double eps, double confidence, int seed) {
        if (!(eps > 0)) throw FnArgs.invalid("count_min_sketch", "the relative error must be positive, got " + eps);
        if (!(confidence > 0 && confidence < 1)) throw FnArgs.invalid("count_min_sketch", "the confidence must be in (0, 1), got " + confidence);
        width = (int) Math.ceil(2 / eps);
        depth = (int) Math.ceil(-Math.log(1 - confidence) / Math.log(2));
        hashA = new long[depth];
        Random r = new Random(seed);
        for (int i = 0; i < depth; i++) hashA[i] = r.nextInt(Integer.MAX_VALUE);
        table = new long[depth][width];
    }

    /** Adds one item: a whole number, a string or a binary. */
    public void add(Object item) {
        totalCount++;
        if (item instanceof String s) addBinary(s.getBytes(StandardCharsets.UTF_8));
        else if (item instanceof byte[] b) addBinary(b);
        else addLong(((Number) item).longValue());
    }

    private void addLong(long item) {
        for (int i = 0; i < depth; i++) {
            long hash = hashA[i] * item;
            hash += hash >> 32;
            hash &= PRIME_MODULUS;
            table[i][((int) hash) % width]++;
        }
    }

    private void addBinary(byte[] b) {
        int hash1 = (int) Murmur3.INSTANCE.hashBytes(b, 0, b.length, 0);
        int hash2 = (int) Murmur3.INSTANCE.hashBytes(b, 0, b.length, hash1);
        for (int i = 0; i < depth; i++) table[i][Math.abs((hash1 + i * hash2) % width)]++;
    }

    public byte[] toByteArray() {
        ByteBuffer out = ByteBuffer.allocate(4 + 8 + 4 + 4 + 8 * depth + 8 * depth * width);
        out.putInt(1).putLong(totalCount).putInt(depth).putInt(width);
        for (long a : hashA) out.putLong(a);
        for (long[] row : table) for (long v : row) out.putLong(v);
        return out.array();
    }

    public static byte[] of(List<Object> items, double eps, double confidence, int seed) {
        CountMinSketch s = new CountMinSketch(eps, confidence, seed);
        for (Object x : items) if (x != null) s.add(x);
        return s.toByteArray();
    }
}
