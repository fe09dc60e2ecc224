package dev.sluice.expr.fn;

/**
 * The MT19937 generator with the seeding and {@code nextInt(n)} of commons-math3's {@code MersenneTwister}, which
 * Spark's {@code shuffle} draws from: a long seed becomes the key {@code {high 32 bits, low 32 bits}} of the reference
 * implementation's {@code init_by_array} (each key word added as a signed int, as commons-math does), and
 * {@code nextInt(n)} takes the top 31 bits of a tempered word, rejecting the biased tail unless n is a power of two.
 */
final class MersenneTwister {
    private static final int N = 624, M = 397;
    private static final int[] MAG01 = {0, 0x9908b0df};

    private final int[] mt = new int[N];
    private int mti;

    MersenneTwister(long seed) {
        int[] key = {(int) (seed >>> 32), (int) seed};
        initialize(19650218);
        int i = 1, j = 0;
        for (int k = Math.max(N, key.length); k != 0; k--) {
            long l0 = mt[i] & 0xffffffffL, l1 = mt[i - 1] & 0xffffffffL;
            mt[i] = (int) ((l0 ^ ((l1 ^ (l1 >> 30)) * 1664525L)) + key[j] + j);
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) j = 0;
        }
        for (int k = N - 1; k != 0; k--) {
            long l0 = mt[i] & 0xffffffffL, l1 = mt[i - 1] & 0xffffffffL;
            mt[i] = (int) ((l0 ^ ((l1 ^ (l1 >> 30)) * 1566083941L)) - i);
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000;   // a non-zero state
    }

    private void initialize(int seed) {
        long l = seed & 0xffffffffL;
        mt[0] = (int) l;
        for (mti = 1; mti < N; mti++) {
            l = (1812433253L * (l ^ (l >> 30)) + mti) & 0xffffffffL;
            mt[mti] = (int) l;
        }
    }

    /** The top {@code bits} bits of the next tempered word. */
    private int next(int bits) {
        if (mti >= N) {
            for (int k = 0; k < N; k++) {
                int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
                mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ MAG01[y & 1];
            }
            mti = 0;
        }
        int y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y >>> (32 - bits);
    }

    /** Uniform in [0, n), n > 0. */
    int nextInt(int n) {
        if ((n & -n) == n) return (int) ((n * (long) next(31)) >> 31);
        int bits, value;
        do {
            bits = next(31);
            value = bits % n;
        } while (bits - value + (n - 1) < 0);
        return value;
    }
}
