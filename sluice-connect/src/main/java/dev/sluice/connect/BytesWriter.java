package dev.sluice.connect;

import dev.sluice.types.DataType;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatRows;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;

/**
 * Strings and binaries: each row's UTF-8 bytes copied from the column's byte array into Arrow's data buffer, the end
 * offsets written alongside (a null row repeats the previous end, as Arrow fills the holes the row path leaves).
 */
record BytesWriter(BaseVariableWidthVector dst, DataType type, ObjectWriter fallback) implements ArrowColumnWriter {
    @Override public long write(ColumnVector src, int from, int count, int at) {
        if (!src.type().equals(type)) return fallback.write(src, from, count, at);
        ArrowCapacity.rows(dst, at + count);
        ArrowBuf offsets = dst.getOffsetBuffer(), validity = dst.getValidityBuffer();
        // rows before `at` that nobody wrote (a struct's null rows) end where the last written row ends
        int last = dst.getLastSet();
        int pos = offsets.getInt((long) (last + 1) << 2);
        for (int k = last + 2; k <= at; k++) offsets.setInt((long) k << 2, pos);
        int start = pos;
        ArrowBuf data = dst.getDataBuffer();
        long capacity = data.capacity();
        FlatRows f = FlatRows.of(src);
        if (f != null && f.base() instanceof BytesVector base) {
            boolean nulls = !f.noNulls();
            byte[] bytes = base.buffer();
            for (int i = 0; i < count; i++) {
                int r = f.row(from + i);
                if (!nulls || !base.isNull(r)) {
                    int s = base.bytesStart(r), length = base.bytesLength(r);
                    if (pos + (long) length > capacity) {
                        capacity = grow(pos + (long) length);
                        data = dst.getDataBuffer();
                    }
                    data.setBytes(pos, bytes, s, length);
                    pos += length;
                    BitVectorHelper.setBit(validity, at + i);
                }
                offsets.setInt((long) (at + i + 1) << 2, pos);
            }
        } else {
            for (int i = 0; i < count; i++) {
                int r = from + i;
                if (!src.isNull(r)) {
                    int length = src.bytesLength(r);
                    if (pos + (long) length > capacity) {
                        capacity = grow(pos + (long) length);
                        data = dst.getDataBuffer();
                    }
                    data.setBytes(pos, src.bytesArray(r), src.bytesStart(r), length);
                    pos += length;
                    BitVectorHelper.setBit(validity, at + i);
                }
                offsets.setInt((long) (at + i + 1) << 2, pos);
            }
        }
        dst.setLastSet(at + count - 1);
        return (pos - start) + count * 4L + (count >> 3);
    }

    /** Doubles the data buffer until it holds {@code needed} bytes; the new capacity. */
    private long grow(long needed) {
        if (needed > Integer.MAX_VALUE) throw ConnectErrors.unsupported("an Arrow batch over 2 GB of string data", "Arrow's offsets are 32-bit");
        while (dst.getDataBuffer().capacity() < needed) dst.reallocDataBuffer();
        return dst.getDataBuffer().capacity();
    }
}
