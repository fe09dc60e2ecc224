package dev.sluice.connect;

import dev.sluice.types.ArrayType;
import dev.sluice.types.BinaryType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.ByteType;
import dev.sluice.types.DataType;
import dev.sluice.types.DateType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.ShortType;
import dev.sluice.types.StringType;
import dev.sluice.types.StructType;
import dev.sluice.types.TimestampNTZType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.ArrayVector;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.StructVector;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarBinaryVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * Appends rows of an Arrow column a client sent (a local relation) to a Sluice vector, typed, without boxing: ints,
 * dates, small ints, longs, timestamps (any unit), doubles, floats, booleans, strings and binaries (bytes copied, no
 * String), decimals that fit a long at the column's scale, and structs and lists of these. Every value equals what
 * {@link ArrowRows#value} gives the row path; a pair of Arrow and Sluice types not listed (a column the client's
 * schema retypes, maps, intervals, time, variant) goes through that per-value path, so each type has one meaning.
 * Maps stay there because the row path's map collapses repeated keys (a LinkedHashMap) and the vector would not.
 */
final class ArrowColumnReader {
    private ArrowColumnReader() {}

    /** Appends rows [from, to) of {@code src}, read as {@code type}, to {@code dst} (a vector of {@code type}). */
    static void append(FieldVector src, int from, int to, DataType type, FlatVector dst) {
        if (from >= to) return;
        if (!typed(src, from, to, type, dst)) {
            for (int i = from; i < to; i++) dst.appendObject(ArrowRows.value(src, type, i));
        }
    }

    private static boolean typed(FieldVector src, int from, int to, DataType type, FlatVector dst) {
        if (dst instanceof dev.sluice.vector.IntVector out) {
            if (src instanceof IntVector v && type instanceof IntegerType) {
                for (int i = from; i < to; i++) { if (v.isNull(i)) out.appendNull(); else out.append(v.get(i)); }
            } else if (src instanceof DateDayVector v && type instanceof DateType) {
                for (int i = from; i < to; i++) { if (v.isNull(i)) out.appendNull(); else out.append(v.get(i)); }
            } else if (src instanceof SmallIntVector v && type instanceof ShortType) {
                for (int i = from; i < to; i++) { if (v.isNull(i)) out.appendNull(); else out.append(v.get(i)); }
            } else if (src instanceof TinyIntVector v && type instanceof ByteType) {
                for (int i = from; i < to; i++) { if (v.isNull(i)) out.appendNull(); else out.append(v.get(i)); }
            } else {
                return false;
            }
            return true;
        }
        if (dst instanceof dev.sluice.vector.LongVector out) {
            if (src instanceof BigIntVector v && type instanceof LongType) {
                for (int i = from; i < to; i++) { if (v.isNull(i)) out.appendNull(); else out.append(v.get(i)); }
                return true;
            }
            if (src instanceof TimeStampVector v && (type instanceof TimestampType || type instanceof TimestampNTZType)) {
                appendMicros(v, from, to, out);
                return true;
            }
            return false;
        }
        if (dst instanceof dev.sluice.vector.DoubleVector out && src instanceof Float8Vector v && type instanceof DoubleType) {
            for (int i = from; i < to; i++) { if (v.isNull(i)) out.appendNull(); else out.append(v.get(i)); }
            return true;
        }
        if (dst instanceof dev.sluice.vector.FloatVector out && src instanceof Float4Vector v && type instanceof FloatType) {
            for (int i = from; i < to; i++) { if (v.isNull(i)) out.appendNull(); else out.append(v.get(i)); }
            return true;
        }
        if (dst instanceof dev.sluice.vector.BooleanVector out && src instanceof BitVector v && type instanceof BooleanType) {
            for (int i = from; i < to; i++) { if (v.isNull(i)) out.appendNull(); else out.append(v.get(i) != 0); }
            return true;
        }
        if (dst instanceof BytesVector out && bytesMatch(src, type)) {
            appendBytes(src, from, to, out);
            return true;
        }
        if (dst instanceof dev.sluice.vector.DecimalVector out && out.compact()
                && src instanceof org.apache.arrow.vector.DecimalVector v && type instanceof DecimalType d && v.getScale() == d.scale()) {
            appendDecimals(v, from, to, out, d);
            return true;
        }
        if (dst instanceof StructVector out && src instanceof org.apache.arrow.vector.complex.StructVector v && type instanceof StructType st
                && v.getChildrenFromFields().size() >= st.size()) {
            appendStructs(v, from, to, st, out);
            return true;
        }
        if (dst instanceof ArrayVector out && src instanceof ListVector v && !(src instanceof org.apache.arrow.vector.complex.MapVector)
                && type instanceof ArrayType at) {
            appendLists(v, from, to, at, out);
            return true;
        }
        return false;
    }

    /** Microseconds as the row path computes them from each unit (seconds and millis overflow-checked, nanos floored). */
    private static void appendMicros(TimeStampVector v, int from, int to, dev.sluice.vector.LongVector out) {
        var unit = ((org.apache.arrow.vector.types.pojo.ArrowType.Timestamp) v.getField().getType()).getUnit();
        for (int i = from; i < to; i++) {
            if (v.isNull(i)) {
                out.appendNull();
                continue;
            }
            long raw = v.get(i);
            out.append(switch (unit) {
                case SECOND -> Math.multiplyExact(raw, 1_000_000L);
                case MILLISECOND -> Math.multiplyExact(raw, 1000L);
                case MICROSECOND -> raw;
                case NANOSECOND -> Math.floorDiv(raw, 1000L);
            });
        }
    }

    private static boolean bytesMatch(FieldVector src, DataType type) {
        if (type instanceof StringType) return src instanceof VarCharVector || src instanceof LargeVarCharVector;
        if (type instanceof BinaryType) return src instanceof VarBinaryVector || src instanceof LargeVarBinaryVector;
        return false;
    }

    /**
     * Strings and binaries: the range's bytes copied from Arrow's data buffer straight into the vector's buffer in one
     * call, then each row closed at its length (no String, no copy in between). A null row with bytes (Arrow allows
     * it; clients do not write it) would leave them in the buffer, so such a range is copied row by row instead.
     */
    private static void appendBytes(FieldVector src, int from, int to, BytesVector out) {
        boolean large = src instanceof BaseLargeVariableWidthVector;
        ArrowBuf offsets = src.getOffsetBuffer();
        long start = offset(offsets, large, from), end = offset(offsets, large, to);
        ArrowBuf data = src.getDataBuffer();
        boolean nullsEmpty = true;
        if (src.getNullCount() > 0) {
            for (int i = from; i < to && nullsEmpty; i++) {
                nullsEmpty = !src.isNull(i) || offset(offsets, large, i + 1) == offset(offsets, large, i);
            }
        }
        out.reserve(Math.toIntExact(end - start));
        if (nullsEmpty) {
            data.getBytes(start, out.buffer(), out.writePosition(), (int) (end - start));
            long previous = start;
            for (int i = from; i < to; i++) {
                long next = offset(offsets, large, i + 1);
                if (src.isNull(i)) out.appendNull();
                else out.commit((int) (next - previous));
                previous = next;
            }
            return;
        }
        for (int i = from; i < to; i++) {
            if (src.isNull(i)) {
                out.appendNull();
                continue;
            }
            long at = offset(offsets, large, i);
            int length = (int) (offset(offsets, large, i + 1) - at);
            out.reserve(length);
            data.getBytes(at, out.buffer(), out.writePosition(), length);
            out.commit(length);
        }
    }

    private static long offset(ArrowBuf offsets, boolean large, int row) {
        return large ? offsets.getLong((long) row * 8) : offsets.getInt((long) row * 4);
    }

    /** A decimal of at most 18 digits at the column's scale: the slot's low long when the high long only extends its sign. */
    private static void appendDecimals(org.apache.arrow.vector.DecimalVector v, int from, int to, dev.sluice.vector.DecimalVector out,
                                       DecimalType type) {
        ArrowBuf data = v.getDataBuffer();
        for (int i = from; i < to; i++) {
            if (v.isNull(i)) {
                out.appendNull();
                continue;
            }
            long at = (long) i * org.apache.arrow.vector.DecimalVector.TYPE_WIDTH;
            long low = data.getLong(at), high = data.getLong(at + 8);
            if (ArrowDecimals.LITTLE_ENDIAN && high == low >> 63) out.appendUnscaled(low);
            else out.appendObject(ArrowRows.value(v, type, i));
        }
    }

    /** Runs of non-null structs: each field appended over the run, then the run's rows closed at once. */
    private static void appendStructs(org.apache.arrow.vector.complex.StructVector v, int from, int to, StructType type, StructVector out) {
        int i = from;
        while (i < to) {
            if (v.isNull(i)) {
                out.appendNull();
                i++;
                continue;
            }
            int run = i;
            while (run < to && !v.isNull(run)) run++;
            for (int f = 0; f < type.size(); f++) {
                append((FieldVector) v.getChildByOrdinal(f), i, run, type.field(f).dataType(), out.writableChild(f));
            }
            out.finishRows(run - i);
            i = run;
        }
    }

    /** Runs of non-null lists: the run's elements appended at once, then each row closed at its end offset. */
    private static void appendLists(ListVector v, int from, int to, ArrayType type, ArrayVector out) {
        int i = from;
        while (i < to) {
            if (v.isNull(i)) {
                out.appendNull();
                i++;
                continue;
            }
            int run = i;
            while (run < to && !v.isNull(run)) run++;
            int first = v.getElementStartIndex(i), base = out.writableElements().size();
            append(v.getDataVector(), first, v.getElementEndIndex(run - 1), type.elementType(), out.writableElements());
            int[] ends = new int[run - i];
            for (int r = i; r < run; r++) ends[r - i] = v.getElementEndIndex(r);
            out.finishRows(ends, 0, ends.length, base - first);
            i = run;
        }
    }
}
