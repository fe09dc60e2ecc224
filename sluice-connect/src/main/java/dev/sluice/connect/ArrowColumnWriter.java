package dev.sluice.connect;

import dev.sluice.vector.ColumnVector;

/**
 * Writes a Sluice column's rows into one Arrow vector, typed: values are read from the column's arrays (through
 * {@link dev.sluice.vector.FlatRows} for views) or typed getters and written into Arrow's buffers, with no boxed
 * value, String or Row on the way. Null rows are left unset (Arrow's buffers start zeroed), as the row path leaves
 * them. One writer per result column, nested types holding their children's writers.
 */
sealed interface ArrowColumnWriter
        permits FixedWidthWriters.Ints, FixedWidthWriters.Longs, FixedWidthWriters.Doubles, FixedWidthWriters.Floats,
        FixedWidthWriters.Booleans, FixedWidthWriters.Decimals, FixedWidthWriters.Narrow, BytesWriter, NestedWriters.Struct,
        NestedWriters.Runs, ObjectWriter, ArrowColumnWriter.Nothing {

    /**
     * Writes {@code src}'s rows {@code [from, from + count)} at rows {@code [at, at + count)} of the vector, growing it
     * as needed; answers about how many bytes of Arrow data that added (for cutting batches by size).
     */
    long write(ColumnVector src, int from, int count, int at);

    /** A void column: Arrow's null vector has no buffers. */
    record Nothing() implements ArrowColumnWriter {
        @Override public long write(ColumnVector src, int from, int count, int at) { return 0; }
    }
}
