package dev.sluice.exec;

/**
 * Hashes for operator-internal tables and spill partitions, seeded apart from the exchange hash: an exchange
 * sends rows to partition {@code hash mod n}, so inside one partition the low bits of that hash are nearly
 * constant with a power-of-two {@code n}; a table indexing its buckets by the same bits would use a fraction
 * of them. Each spill level gets its own seed, so a partition that is re-partitioned splits again.
 */
final class TableHash {
    private TableHash() {}

    /** The bucket hash of a hash table for the key hash {@code h}. */
    static long scramble(long h) { return mix(h ^ 0x5851F42D4C957F2DL); }

    /** The spill partition (0..fanout-1) at recursion {@code level} for the key hash {@code h}. */
    static int partition(long h, int level, int fanout) {
        long x = mix(h + 0x9E3779B97F4A7C15L * (level + 2));
        return (int) ((x >>> 33) % fanout);
    }

    private static long mix(long x) {
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }
}
