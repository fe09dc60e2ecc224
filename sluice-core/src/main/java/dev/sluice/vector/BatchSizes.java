package dev.sluice.vector;

/** Rough heap size of batches, for memory reservations (an estimate, not an exact measure). */
public final class BatchSizes {
    private BatchSizes() {}

    public static long estimate(Batch batch) {
        long total = 64;
        for (int c = 0; c < batch.columnCount(); c++) total += estimate(batch.column(c), batch.rowCount());
        return total;
    }

    static long estimate(ColumnVector v, int rows) {
        long perRow;
        dev.sluice.types.DataType t = v.type();
        if (t instanceof dev.sluice.types.StringType || t instanceof dev.sluice.types.BinaryType) {
            long bytes = 0;
            for (int i = 0; i < rows; i++) if (!v.isNull(i)) bytes += v.bytesLength(i);
            return bytes + rows * 5L;
        }
        if (t instanceof dev.sluice.types.StructType s) {
            long total = rows / 8 + 16;
            for (int f = 0; f < s.size(); f++) total += estimate(v.child(f), rows);
            return total;
        }
        if (t instanceof dev.sluice.types.ArrayType || t instanceof dev.sluice.types.MapType) {
            long elements = 0;
            for (int i = 0; i < rows; i++) if (!v.isNull(i)) elements += v.arrayLength(i);
            return rows * 5L + elements * 16L;
        }
        if (t instanceof dev.sluice.types.DecimalType) perRow = 48;
        else if (t instanceof dev.sluice.types.LongType || t instanceof dev.sluice.types.DoubleType
                || t instanceof dev.sluice.types.TimestampType) perRow = 8;
        else perRow = 4;
        return rows * perRow + rows / 8 + 16;
    }
}
