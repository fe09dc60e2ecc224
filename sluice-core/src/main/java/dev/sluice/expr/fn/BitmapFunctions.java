package dev.sluice.expr.fn;

import dev.sluice.expr.ScalarFunction;

import java.util.List;

import static dev.sluice.types.DataTypes.BINARY;
import static dev.sluice.types.DataTypes.LONG;

/**
 * Spark's bitmaps for exact distinct counts: a bucket of 32768 positions is a 4096-byte binary, bit i of byte i/8
 * from the low end. bitmap_bucket_number and bitmap_bit_position split a (1-based) number into bucket and position;
 * bitmap_count counts set bits. The aggregates (bitmap_construct_agg, bitmap_or_agg, bitmap_and_agg) are in
 * {@code dev.sluice.expr.agg.TupleAggregates}.
 */
public final class BitmapFunctions {
    private BitmapFunctions() {}

    /** Positions per bitmap, bytes per bitmap. */
    public static final int BITS = 32768, BYTES = BITS / 8;

    public static List<ScalarFunction> all() {
        return List.of(
                RowFunction.of("bitmap_bucket_number", RowFunction.typed(LONG, LONG), v -> {
                    long n = (Long) v[0];
                    return n > 0 ? (n - 1) / BITS + 1 : n / BITS;
                }),
                RowFunction.of("bitmap_bit_position", RowFunction.typed(LONG, LONG), v -> {
                    long n = (Long) v[0];
                    return n > 0 ? (n - 1) % BITS : (-n) % BITS;
                }),
                RowFunction.of("bitmap_count", RowFunction.typed(LONG, BINARY), v -> {
                    long c = 0;
                    for (byte b : (byte[]) v[0]) c += Integer.bitCount(b & 0xFF);
                    return c;
                }));
    }
}
