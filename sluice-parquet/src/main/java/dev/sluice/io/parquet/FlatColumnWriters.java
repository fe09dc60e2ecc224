package dev.sluice.io.parquet;

import dev.sluice.types.BinaryType;
import dev.sluice.types.DataType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.LongType;
import dev.sluice.types.StringType;
import dev.sluice.types.TimestampNTZType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.ColumnVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

import java.util.Arrays;

/**
 * The {@link FlatColumnWriter}s by physical type: INT32 and INT64 (signed order), DOUBLE and BINARY (unsigned
 * byte order). Each loop over a vector writes the definition levels, the dictionary ids or plain values, and
 * keeps the minimum and maximum that update the page statistics once per vector. A vector without nulls writes its
 * definition levels as one run.
 */
final class FlatColumnWriters {
    private FlatColumnWriters() {}

    /** A writer for a top-level field of {@code type} stored as {@code d}, or null when this path does not cover it. */
    static FlatColumnWriter of(String name, DataType type, boolean optional, ParquetWriteOptions.TimestampType ts,
                               ColumnDescriptor d, ParquetProperties props) {
        if (d.getMaxRepetitionLevel() != 0 || d.getMaxDefinitionLevel() != (optional ? 1 : 0)) return null;
        PrimitiveType p = d.getPrimitiveType();
        PrimitiveType.PrimitiveTypeName physical = p.getPrimitiveTypeName();
        if (type.storesInt() && physical == PrimitiveType.PrimitiveTypeName.INT32
                && p.comparator().compare(-1, 1) < 0) {   // signed order, as the typed loop keeps its bounds
            return new Ints(name, optional, d, props);
        }
        boolean micros = type instanceof LongType || type instanceof TimestampNTZType
                || type instanceof TimestampType && ts == ParquetWriteOptions.TimestampType.TIMESTAMP_MICROS;
        if (micros && physical == PrimitiveType.PrimitiveTypeName.INT64
                && p.comparator().compare(-1L, 1L) < 0) {
            return new Longs(name, optional, d, props);
        }
        if (type instanceof DoubleType && physical == PrimitiveType.PrimitiveTypeName.DOUBLE) {
            return new Doubles(name, optional, d, props);
        }
        if ((type instanceof StringType || type instanceof BinaryType) && physical == PrimitiveType.PrimitiveTypeName.BINARY
                && (p.getLogicalTypeAnnotation() == null
                    || p.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation)) {
            return new Strings(name, optional, d, props);
        }
        return null;
    }

    static final class Ints extends FlatColumnWriter {
        private final LongDictionary dictionary = new LongDictionary();

        Ints(String name, boolean optional, ColumnDescriptor d, ParquetProperties props) { super(name, optional, d, props); }

        @Override void write(ColumnVector v, int from, int to) {
            boolean nulls = v.mayHaveNulls();
            if (!nulls) presentRun(to - from);
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            int count = 0;
            LongDictionary dict = dictionary;
            for (int r = from; r < to; r++) {
                if (nulls) {
                    if (v.isNull(r)) {
                        writeNull();
                        continue;
                    }
                    present();
                }
                int x = v.getInt(r);
                count++;
                if (x < min) min = x;
                if (x > max) max = x;
                rawBytes += 4;
                if (fellBack) {
                    plain.writeInt(x);
                } else {
                    int size = dict.size();
                    addId(dict.intern(x));
                    if (dict.size() != size) grewDictionary(4);
                }
            }
            counted(to - from);
            if (count > 0) {
                statistics.updateStats(min);
                statistics.updateStats(max);
            }
        }

        @Override int dictionarySize() { return dictionary.size(); }

        @Override void writePlainEntry(int id) { plain.writeInt((int) dictionary.key(id)); }

        @Override void clearDictionary() { dictionary.clear(); }

        @Override void releaseDictionary() { dictionary.release(); }
    }

    static final class Longs extends FlatColumnWriter {
        private final LongDictionary dictionary = new LongDictionary();

        Longs(String name, boolean optional, ColumnDescriptor d, ParquetProperties props) { super(name, optional, d, props); }

        @Override void write(ColumnVector v, int from, int to) {
            boolean nulls = v.mayHaveNulls();
            if (!nulls) presentRun(to - from);
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            int count = 0;
            LongDictionary dict = dictionary;
            if (!fellBack) touchSlots(v, from, to);
            for (int r = from; r < to; r++) {
                if (nulls) {
                    if (v.isNull(r)) {
                        writeNull();
                        continue;
                    }
                    present();
                }
                long x = v.getLong(r);
                count++;
                if (x < min) min = x;
                if (x > max) max = x;
                rawBytes += 8;
                if (fellBack) {
                    plain.writeLong(x);
                } else {
                    int size = dict.size();
                    addId(dict.intern(x));
                    if (dict.size() != size) grewDictionary(8);
                }
            }
            counted(to - from);
            if (count > 0) {
                statistics.updateStats(min);
                statistics.updateStats(max);
            }
        }

        /** {@link LongDictionary#touch} for each value (not for nulls: a view's getter may not answer for one). */
        private void touchSlots(ColumnVector v, int from, int to) {
            LongDictionary dict = dictionary;
            boolean nulls = v.mayHaveNulls();
            long sum = 0;
            for (int r = from; r < to; r++) if (!nulls || !v.isNull(r)) sum += dict.touch(v.getLong(r));
            touched = sum;
        }

        @Override int dictionarySize() { return dictionary.size(); }

        @Override void writePlainEntry(int id) { plain.writeLong(dictionary.key(id)); }

        @Override void clearDictionary() { dictionary.clear(); }

        @Override void releaseDictionary() { dictionary.release(); }
    }

    /**
     * Dictionary keys are the raw bit patterns (as parquet-java's); plain values the canonical ones. A vector with
     * a NaN or a zero updates the statistics value by value (their NaN and signed-zero rules).
     */
    static final class Doubles extends FlatColumnWriter {
        private final LongDictionary dictionary = new LongDictionary();

        Doubles(String name, boolean optional, ColumnDescriptor d, ParquetProperties props) { super(name, optional, d, props); }

        @Override void write(ColumnVector v, int from, int to) {
            boolean nulls = v.mayHaveNulls();
            if (!nulls) presentRun(to - from);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            int count = 0;
            boolean special = false;
            LongDictionary dict = dictionary;
            if (!fellBack) touchSlots(v, from, to);
            for (int r = from; r < to; r++) {
                if (nulls) {
                    if (v.isNull(r)) {
                        writeNull();
                        continue;
                    }
                    present();
                }
                double x = v.getDouble(r);
                count++;
                if (x < min) min = x;
                if (x > max) max = x;
                if (x != x || x == 0.0) special = true;
                rawBytes += 8;
                if (fellBack) {
                    plain.writeDouble(x);
                } else {
                    int size = dict.size();
                    addId(dict.intern(Double.doubleToRawLongBits(x)));
                    if (dict.size() != size) grewDictionary(8);
                }
            }
            counted(to - from);
            if (special) {
                for (int r = from; r < to; r++) if (!(nulls && v.isNull(r))) statistics.updateStats(v.getDouble(r));
            } else if (count > 0) {
                statistics.updateStats(min);
                statistics.updateStats(max);
            }
        }

        /** {@link LongDictionary#touch} for each value (not for nulls: a view's getter may not answer for one). */
        private void touchSlots(ColumnVector v, int from, int to) {
            LongDictionary dict = dictionary;
            boolean nulls = v.mayHaveNulls();
            long sum = 0;
            for (int r = from; r < to; r++) if (!nulls || !v.isNull(r)) sum += dict.touch(Double.doubleToRawLongBits(v.getDouble(r)));
            touched = sum;
        }

        @Override int dictionarySize() { return dictionary.size(); }

        @Override void writePlainEntry(int id) { plain.writeDouble(Double.longBitsToDouble(dictionary.key(id))); }

        @Override void clearDictionary() { dictionary.clear(); }

        @Override void releaseDictionary() { dictionary.release(); }
    }

    /**
     * Strings and binary, read in place from the vector's bytes. While the dictionary is used, a value is compared
     * with the page's bounds only the first time its id appears on the page; the maximum is tried first, so
     * ascending values (timestamps as text) cost one comparison.
     */
    static final class Strings extends FlatColumnWriter {
        private final BytesDictionary dictionary = new BytesDictionary();
        private int[] seenOnPage = new int[256];   // by id: the page number where it last appeared
        /**
         * While a chunk's values are all distinct (its first page only), they are written PLAIN and only their hashes
         * kept ({@link #distinct}), not interned: parquet-java's rules drop the dictionary of a first page whose values
         * are all distinct (it is as large as the plain values), or once it passes the dictionary page size, and these
         * are the same bytes. The first hash seen again interns the page's values so far ({@link #intern}) and the
         * chunk goes on as before. Unique strings (ids, timestamps) thus skip the dictionary's copies: M3's
         * {@code request_id} and {@code ts}.
         */
        private boolean allDistinct;
        private final DistinctHashes distinct = new DistinctHashes();

        Strings(String name, boolean optional, ColumnDescriptor d, ParquetProperties props) { super(name, optional, d, props); }

        @Override void write(ColumnVector v, int from, int to) {
            boolean nulls = v.mayHaveNulls();
            if (!nulls) presentRun(to - from);
            byte[] minArray = null;
            int minStart = 0;
            int minLength = 0;
            byte[] maxArray = null;
            int maxStart = 0;
            int maxLength = 0;
            BytesDictionary dict = dictionary;
            int page = pageNumber();
            long unencoded = 0;
            for (int r = from; r < to; r++) {
                if (nulls) {
                    if (v.isNull(r)) {
                        writeNull();
                        continue;
                    }
                    present();
                }
                byte[] a = v.bytesArray(r);
                int start = v.bytesStart(r);
                int length = v.bytesLength(r);
                unencoded += length;
                rawBytes += length + 4;
                if (fellBack) {
                    plain.writeBytes(a, start, length);
                } else if (allDistinct && !distinct.full() && distinct.add(BytesDictionary.hash64(a, start, length))) {
                    plain.writeBytes(a, start, length);
                    grewDictionary(length + 4);   // as the dictionary would have: past its page size, PLAIN from here
                } else {
                    if (allDistinct) intern(page);
                    int size = dict.size();
                    int id = dict.intern(a, start, length);
                    addId(id);
                    if (dict.size() != size) {
                        if (id == seenOnPage.length) seenOnPage = Arrays.copyOf(seenOnPage, id * 2);
                        seenOnPage[id] = page - 1;
                        grewDictionary(length + 4);
                    }
                    if (seenOnPage[id] == page) continue;   // already within this page's bounds
                    seenOnPage[id] = page;
                }
                if (minArray == null) {
                    minArray = maxArray = a;
                    minStart = maxStart = start;
                    minLength = maxLength = length;
                } else if (Arrays.compareUnsigned(a, start, start + length, maxArray, maxStart, maxStart + maxLength) > 0) {
                    maxArray = a;
                    maxStart = start;
                    maxLength = length;
                } else if (Arrays.compareUnsigned(a, start, start + length, minArray, minStart, minStart + minLength) < 0) {
                    minArray = a;
                    minStart = start;
                    minLength = length;
                }
            }
            counted(to - from);
            unencodedBytes += unencoded;
            if (minArray != null) {   // the statistics copy what they keep
                statistics.updateStats(Binary.fromReusedByteArray(minArray, minStart, minLength));
                statistics.updateStats(Binary.fromReusedByteArray(maxArray, maxStart, maxLength));
            }
        }

        @Override int dictionarySize() { return dictionary.size(); }

        @Override void writePlainEntry(int id) { plain.writeBytes(dictionary.arena(), dictionary.start(id), dictionary.length(id)); }

        @Override void clearDictionary() {
            dictionary.clear();
            allDistinct = true;   // a new chunk
            distinct.clear();
        }

        /**
         * Ends the all-distinct start: the page's values so far (all distinct, written PLAIN) go into the dictionary as
         * its first entries, in order, each seen on page {@code page}, and become the page's first ids.
         */
        private void intern(int page) {
            allDistinct = false;
            byte[] values = plain.array();
            int end = plain.size();
            for (int at = 0; at < end; ) {
                int length = plain.intAt(at);
                int id = dictionary.intern(values, at + 4, length);
                if (id >= seenOnPage.length) seenOnPage = Arrays.copyOf(seenOnPage, Math.max(id + 1, seenOnPage.length * 2));
                seenOnPage[id] = page;
                addId(id);
                at += 4 + length;
            }
            plain.reset();
        }

        @Override void releaseDictionary() {
            dictionary.release();
            seenOnPage = new int[256];
        }
    }
}
