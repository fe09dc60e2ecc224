package dev.sluice.connect;

import dev.sluice.types.DataType;
import dev.sluice.vector.ColumnVector;
import org.apache.arrow.vector.FieldVector;

/**
 * The row path for one column: each value as its Java object through {@link ArrowBatches#set}. For the types without a
 * typed writer (variant), and for a column whose vectors do not have the type the result's schema names.
 */
record ObjectWriter(FieldVector dst, DataType type) implements ArrowColumnWriter {
    @Override public long write(ColumnVector src, int from, int count, int at) {
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            Object value = src.getObject(from + i);
            ArrowBatches.set(dst, type, at + i, value);
            bytes += value == null ? 1 : 16;
        }
        return bytes;
    }
}
