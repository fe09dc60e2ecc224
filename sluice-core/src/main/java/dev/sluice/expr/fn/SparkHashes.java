package dev.sluice.expr.fn;

import dev.sluice.types.DataType;
import dev.sluice.vector.ColumnVector;

/** Spark's value hashes for other parts of the engine (approx_count_distinct hashes with XXH64, seed 42). */
public final class SparkHashes {
    private SparkHashes() {}

    /** {@code xxhash64} of one value as Spark computes it; a NULL leaves the seed unchanged. */
    public static long xxhash64(DataType type, ColumnVector v, int row, long seed) {
        return RowHasher.hash(XxHash64.INSTANCE, type, v, row, seed);
    }
}
