package dev.sluice.expr.fn;

/** Spark's XXH64 as {@code xxhash64()} uses it (the standard algorithm; words read little-endian). */
final class XxHash64 implements RowHasher.Algorithm {
    static final XxHash64 INSTANCE = new XxHash64();

    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;

    private XxHash64() {}

    @Override public long hashInt(int input, long seed) {
        long hash = seed + P5 + 4L;
        hash ^= (input & 0xFFFFFFFFL) * P1;
        hash = Long.rotateLeft(hash, 23) * P2 + P3;
        return fmix(hash);
    }

    @Override public long hashLong(long input, long seed) {
        long hash = seed + P5 + 8L;
        hash ^= Long.rotateLeft(input * P2, 31) * P1;
        hash = Long.rotateLeft(hash, 27) * P1 + P4;
        return fmix(hash);
    }

    @Override public long hashBytes(byte[] b, int offset, int length, long seed) {
        int end = offset + length;
        long hash;
        if (length >= 32) {
            long v1 = seed + P1 + P2, v2 = seed + P2, v3 = seed, v4 = seed - P1;
            int limit = end - 32;
            do {
                v1 = round(v1, RowHasher.longLE(b, offset));
                v2 = round(v2, RowHasher.longLE(b, offset + 8));
                v3 = round(v3, RowHasher.longLE(b, offset + 16));
                v4 = round(v4, RowHasher.longLE(b, offset + 24));
                offset += 32;
            } while (offset <= limit);
            hash = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            hash = merge(hash, v1);
            hash = merge(hash, v2);
            hash = merge(hash, v3);
            hash = merge(hash, v4);
        } else {
            hash = seed + P5;
        }
        hash += length;
        while (offset <= end - 8) {
            hash ^= round(0, RowHasher.longLE(b, offset));
            hash = Long.rotateLeft(hash, 27) * P1 + P4;
            offset += 8;
        }
        if (offset <= end - 4) {
            hash ^= (RowHasher.intLE(b, offset) & 0xFFFFFFFFL) * P1;
            hash = Long.rotateLeft(hash, 23) * P2 + P3;
            offset += 4;
        }
        while (offset < end) {
            hash ^= (b[offset] & 0xFFL) * P5;
            hash = Long.rotateLeft(hash, 11) * P1;
            offset++;
        }
        return fmix(hash);
    }

    @Override public long widen(long hash) { return hash; }

    private static long round(long acc, long input) {
        acc += input * P2;
        acc = Long.rotateLeft(acc, 31);
        return acc * P1;
    }

    private static long merge(long hash, long v) {
        hash ^= round(0, v);
        return hash * P1 + P4;
    }

    private static long fmix(long hash) {
        hash ^= hash >>> 33;
        hash *= P2;
        hash ^= hash >>> 29;
        hash *= P3;
        hash ^= hash >>> 32;
        return hash;
    }
}
