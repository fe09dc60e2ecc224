package dev.sluice.connect;

import dev.sluice.types.DataType;
import dev.sluice.vector.ColumnVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/** Structs, arrays and maps: the parent's validity and offsets, then the children's writers over ranges of rows. */
final class NestedWriters {
    private NestedWriters() {}

    /** A struct: its non-null rows marked, then each field's writer over each run of non-null rows. */
    record Struct(StructVector dst, dev.sluice.types.StructType type, ArrowColumnWriter[] fields, ObjectWriter fallback)
            implements ArrowColumnWriter {
        @Override public long write(ColumnVector src, int from, int count, int at) {
            if (!(src.type() instanceof dev.sluice.types.StructType s) || s.size() != type.size()) {
                return fallback.write(src, from, count, at);
            }
            long bytes = count >> 3;
            if (!src.mayHaveNulls()) {
                for (int i = 0; i < count; i++) dst.setIndexDefined(at + i);
                return bytes + writeFields(src, from, count, at);
            }
            int i = 0;
            while (i < count) {
                while (i < count && src.isNull(from + i)) i++;
                int run = i;
                while (i < count && !src.isNull(from + i)) dst.setIndexDefined(at + i++);
                if (i > run) bytes += writeFields(src, from + run, i - run, at + run);
            }
            return bytes;
        }

        private long writeFields(ColumnVector src, int from, int count, int at) {
            long bytes = 0;
            for (int f = 0; f < fields.length; f++) bytes += fields[f].write(src.child(f), from, count, at);
            return bytes;
        }
    }

    /**
     * An array or a map: each non-null row's offsets, and its elements (or entries) written by runs: consecutive rows
     * whose elements follow each other in the column (every row of a flat vector) are one call of the child writers.
     */
    static sealed abstract class Runs implements ArrowColumnWriter permits Elements, Entries {
        private final ListVector dst;
        private final DataType type;
        private final ObjectWriter fallback;

        Runs(ListVector dst, DataType type, ObjectWriter fallback) {
            this.dst = dst;
            this.type = type;
            this.fallback = fallback;
        }

        /** Writes the elements (entries) {@code [from, from + count)} of {@code src} at {@code at} of the child vector(s). */
        abstract long writeRun(ColumnVector src, int from, int count, int at);

        @Override public final long write(ColumnVector src, int from, int count, int at) {
            if (src.type().getClass() != type.getClass()) return fallback.write(src, from, count, at);
            long bytes = count * 4L + (count >> 3);
            int runFrom = 0, runEnd = 0, runAt = 0;
            for (int i = 0; i < count; i++) {
                int row = from + i;
                if (src.isNull(row)) continue;
                int offset = src.arrayOffset(row), length = src.arrayLength(row);
                int target = dst.startNewValue(at + i);
                dst.endValue(at + i, length);
                if (length == 0) continue;
                if (offset == runEnd && runEnd > runFrom) {
                    runEnd += length;
                } else {
                    if (runEnd > runFrom) bytes += writeRun(src, runFrom, runEnd - runFrom, runAt);
                    runFrom = offset;
                    runEnd = offset + length;
                    runAt = target;
                }
            }
            if (runEnd > runFrom) bytes += writeRun(src, runFrom, runEnd - runFrom, runAt);
            return bytes;
        }
    }

    /** An array: the elements vector's writer. */
    static final class Elements extends Runs {
        private final ArrowColumnWriter elements;

        Elements(ListVector dst, DataType type, ArrowColumnWriter elements, ObjectWriter fallback) {
            super(dst, type, fallback);
            this.elements = elements;
        }

        @Override long writeRun(ColumnVector src, int from, int count, int at) {
            return elements.write(src.elements(), from, count, at);
        }
    }

    /** A map: Arrow's entries struct (never null), then the keys' and the values' writers. */
    static final class Entries extends Runs {
        private final StructVector entries;
        private final ArrowColumnWriter keys;
        private final ArrowColumnWriter values;

        Entries(org.apache.arrow.vector.complex.MapVector dst, DataType type, ArrowColumnWriter keys, ArrowColumnWriter values,
                ObjectWriter fallback) {
            super(dst, type, fallback);
            this.entries = (StructVector) dst.getDataVector();
            this.keys = keys;
            this.values = values;
        }

        @Override long writeRun(ColumnVector src, int from, int count, int at) {
            for (int k = 0; k < count; k++) entries.setIndexDefined(at + k);
            return keys.write(src.elements(), from, count, at) + values.write(src.mapValues(), from, count, at);
        }
    }
}
