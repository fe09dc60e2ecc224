package dev.sluice.expr.fn;

/**
 * Spark's Murmur3_x86_32 as {@code hash()} uses it. Not the textbook tail: each trailing byte (fewer than 4)
 * is mixed on its own, sign-extended, as Spark's hashUnsafeBytes does. Words are read little-endian.
 */
final class Murmur3 implements RowHasher.Algorithm {
    static final Murmur3 INSTANCE = new Murmur3();

    private Murmur3() {}

    @Override public long hashInt(int input, long seed) {
        return fmix(mixH1((int) seed, mixK1(input)), 4);
    }

    @Override public long hashLong(long input, long seed) {
        int h1 = mixH1((int) seed, mixK1((int) input));
        h1 = mixH1(h1, mixK1((int) (input >>> 32)));
        return fmix(h1, 8);
    }

    @Override public long hashBytes(byte[] b, int offset, int length, long seed) {
        int h1 = (int) seed;
        int aligned = length - length % 4;
        for (int i = 0; i < aligned; i += 4) h1 = mixH1(h1, mixK1(RowHasher.intLE(b, offset + i)));
        for (int i = aligned; i < length; i++) h1 = mixH1(h1, mixK1(b[offset + i]));
        return fmix(h1, length);
    }

    @Override public long widen(long hash) { return (int) hash; }

    private static int mixK1(int k1) {
        k1 *= 0xcc9e2d51;
        k1 = Integer.rotateLeft(k1, 15);
        return k1 * 0x1b873593;
    }

    private static int mixH1(int h1, int k1) {
        h1 ^= k1;
        h1 = Integer.rotateLeft(h1, 13);
        return h1 * 5 + 0xe6546b64;
    }

    private static int fmix(int h1, int length) {
        h1 ^= length;
        h1 ^= h1 >>> 16;
        h1 *= 0x85ebca6b;
        h1 ^= h1 >>> 13;
        h1 *= 0xc2b2ae35;
        h1 ^= h1 >>> 16;
        return h1;
    }
}
