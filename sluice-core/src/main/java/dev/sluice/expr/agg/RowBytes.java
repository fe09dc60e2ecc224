package dev.sluice.expr.agg;

import dev.sluice.types.ArrayType;
import dev.sluice.types.BinaryType;
import dev.sluice.types.DataType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.MapType;
import dev.sluice.types.StringType;
import dev.sluice.types.StructType;
import dev.sluice.vector.ColumnVector;

/** A rough heap size of one value, for memory reservations (an estimate, not a measure). */
public final class RowBytes {
    private RowBytes() {}

    public static long estimate(ColumnVector v, int row) {
        DataType t = v.type();
        if (v.isNull(row)) return 8;
        if (t instanceof StringType || t instanceof BinaryType || t instanceof dev.sluice.types.VariantType
                || t instanceof dev.sluice.types.CalendarIntervalType) return 8L + v.bytesLength(row);
        if (t instanceof DecimalType) return 48;
        if (t instanceof StructType s) {
            long total = 8;
            for (int f = 0; f < s.size(); f++) total += estimate(v.child(f), row);
            return total;
        }
        if (t instanceof ArrayType || t instanceof MapType) {
            long total = 8;
            int offset = v.arrayOffset(row), length = v.arrayLength(row);
            for (int i = 0; i < length; i++) total += estimate(v.elements(), offset + i);
            if (t instanceof MapType) for (int i = 0; i < length; i++) total += estimate(v.mapValues(), offset + i);
            return total;
        }
        return 8;
    }
}
