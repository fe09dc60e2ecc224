package dev.sluice.expr.fn;

/**
 * Spark's {@code XORShiftRandom} (the generator behind {@code rand(seed)}): the seed is first spread with
 * Scala's {@code MurmurHash3.bytesHash} over its 8 big-endian bytes, then each step is a 64-bit xorshift
 * (21, 35, 4); doubles are built as {@code java.util.Random.nextDouble} builds them (26 + 27 bits).
 */
final class XorShiftRandom {
    private long seed;

    XorShiftRandom(long seed) { this.seed = hashSeed(seed); }

    double nextDouble() {
        return (((long) next(26) << 27) + next(27)) * 0x1.0p-53;
    }

    private double nextNextGaussian;
    private boolean haveNextNextGaussian;

    /**
     * As {@code java.util.Random.nextGaussian()} (which Spark's XORShiftRandom inherits): Marsaglia's polar method
     * over {@link #nextDouble}, the second value of each pair kept for the next call.
     */
    double nextGaussian() {
        if (haveNextNextGaussian) {
            haveNextNextGaussian = false;
            return nextNextGaussian;
        }
        double v1, v2, s;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        nextNextGaussian = v2 * multiplier;
        haveNextNextGaussian = true;
        return v1 * multiplier;
    }

    /** As {@code java.util.Random.nextInt()}: 32 bits. */
    int nextInt() { return next(32); }

    private int next(int bits) {
        long s = seed ^ (seed << 21);
        s ^= s >>> 35;
        s ^= s << 4;
        seed = s;
        return (int) (s & ((1L << bits) - 1));
    }

    /** Scala's MurmurHash3.bytesHash twice (low then high 32 bits), as Spark's XORShiftRandom.hashSeed. */
    static long hashSeed(long seed) {
        byte[] bytes = new byte[8];
        for (int i = 0; i < 8; i++) bytes[i] = (byte) (seed >>> (56 - 8 * i));
        int low = bytesHash(bytes, 0x3c074a61);
        int high = bytesHash(bytes, low);
        return ((long) high << 32) | (low & 0xFFFFFFFFL);
    }

    private static int bytesHash(byte[] data, int seed) {
        int h = seed;
        int i = 0;
        for (; i + 4 <= data.length; i += 4) {
            int k = (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF) << 16 | (data[i + 3] & 0xFF) << 24;
            h = mix(h, k);
        }
        int rest = data.length - i;
        if (rest > 0) {
            int k = 0;
            if (rest == 3) k ^= (data[i + 2] & 0xFF) << 16;
            if (rest >= 2) k ^= (data[i + 1] & 0xFF) << 8;
            k ^= data[i] & 0xFF;
            h = mixLast(h, k);
        }
        h ^= data.length;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private static int mix(int h, int k) {
        h = mixLast(h, k);
        h = Integer.rotateLeft(h, 13);
        return h * 5 + 0xe6546b64;
    }

    private static int mixLast(int h, int k) {
        k *= 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15);
        k *= 0x1b873593;
        return h ^ k;
    }
}
