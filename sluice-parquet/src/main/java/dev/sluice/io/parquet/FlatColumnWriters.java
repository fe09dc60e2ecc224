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

        /** The bounds and count of the present values of one call's passes ({@link #values}). */
        private int callMin;
        private int callMax;
        private int callCount;

        /**
         * The rows in passes of at most {@link Strings#PASS_ROWS} ({@link #values}): one loop for two of Q1's columns,
         * called for 128 rows, passed C2's on-stack threshold first and was compiled twice (docs/benchmark.md, "wr").
         */
        @Override void write(ColumnVector v, int from, int to) {
            boolean nulls = v.mayHaveNulls();
            if (!nulls) presentRun(to - from);
            callMin = Integer.MAX_VALUE;
            callMax = Integer.MIN_VALUE;
            callCount = 0;
            for (int r = from; r < to; r += Strings.PASS_ROWS) values(v, r, Math.min(to, r + Strings.PASS_ROWS), nulls);
            counted(to - from);
            if (callCount > 0) {
                statistics.updateStats(callMin);
                statistics.updateStats(callMax);
            }
        }

        private void values(ColumnVector v, int from, int to, boolean nulls) {
            int min = callMin;
            int max = callMax;
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
            callMin = min;
            callMax = max;
            callCount += count;
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
     * Strings and binary, read in place from the vector's bytes. A vector's rows go through short passes of one kind,
     * by the chunk's state: {@link #plainValues} once the chunk fell back to PLAIN, {@link #distinctValues} while its
     * first values are all distinct, {@link #dictionaryValues} else; a pass stops early when the state changes. Each
     * pass is a small loop called for at most {@link #PASS_ROWS} rows, so HotSpot compiles it once, from its
     * standard entry, after enough calls: one loop for every kind, called for a writer's 128 rows, passed C2's
     * on-stack threshold before its call threshold and was compiled twice, on-stack then as a method, 17.5 and 21 kB
     * (docs/benchmark.md, "wr"). The page bounds of a pass's values are taken by a loop of their own after it
     * ({@link ByteBounds}): while the dictionary is used, of the values whose id first appears on the page only.
     */
    static final class Strings extends FlatColumnWriter {
        /** Rows per pass at most: the passes reach C2 by their call count (18,000) well before their 1.2M back edges. */
        static final int PASS_ROWS = 32;
        private final BytesDictionary dictionary = new BytesDictionary();
        private int[] seenOnPage = new int[256];   // by id: the page number where it last appeared
        /** The rows of a dictionary pass whose id is the first of its value on the page (they make the bounds). */
        private final int[] firstOnPage = new int[PASS_ROWS];
        private int firstOnPageCount;
        private final ByteBounds bounds = new ByteBounds();
        /**
         * While a chunk's values are all distinct (its first page only), they are written PLAIN and not interned:
         * parquet-java's rules drop the dictionary of a first page whose values are all distinct (it is as large as
         * the plain values), or once it passes the dictionary page size, and these are the same bytes. The first
         * value seen again interns the page's values so far ({@link #intern}) and the chunk goes on as before.
         * Unique strings (ids, timestamps) thus skip the dictionary's copies: M3's {@code request_id} and {@code ts}.
         */
        private boolean allDistinct;
        /**
         * While all distinct: whether each value so far is above the one before (in unsigned order), which makes them
         * distinct with no record of them ({@code ts}, ascending in a log); the first value that is not puts their
         * hashes into {@link #distinct}, which then tells a repeat (a hash seen again) from a new value.
         */
        private boolean ascending;
        /** Where the last value written while all distinct starts in {@link #plain} (-1: none yet). */
        private int lastAt;
        private final DistinctHashes distinct = new DistinctHashes();

        Strings(String name, boolean optional, ColumnDescriptor d, ParquetProperties props) { super(name, optional, d, props); }

        @Override void write(ColumnVector v, int from, int to) {
            boolean nulls = v.mayHaveNulls();
            if (nulls) levels(v, from, to);
            else presentRun(to - from);
            int page = pageNumber();
            for (int r = from; r < to; ) {
                int end = Math.min(to, r + PASS_ROWS);
                if (fellBack || allDistinct) {
                    int reached = fellBack ? plainValues(v, r, end, nulls) : distinctValues(v, r, end, nulls, page);
                    boundsOf(v, r, reached, nulls);
                    r = reached;
                } else {
                    r = dictionaryValues(v, r, end, nulls, page);
                    boundsOfFirstOnPage(v);
                }
            }
            counted(to - from);
            bounds.moveInto(statistics);   // the statistics copy what they keep
        }

        private void levels(ColumnVector v, int from, int to) {
            for (int r = from; r < to; r++) {
                if (v.isNull(r)) writeNull();
                else present();
            }
        }

        /** PLAIN values of rows {@code [from, to)}; returns {@code to}. */
        private int plainValues(ColumnVector v, int from, int to, boolean nulls) {
            long unencoded = 0;
            int count = 0;
            for (int r = from; r < to; r++) {
                if (nulls && v.isNull(r)) continue;
                int length = v.bytesLength(r);
                plain.writeBytes(v.bytesArray(r), v.bytesStart(r), length);
                unencoded += length;
                count++;
            }
            sized(unencoded, count);
            return to;
        }

        /**
         * Rows {@code [from, to)} while the chunk's values are all distinct, written PLAIN; returns the row reached:
         * {@code to}, the row after the one that passed the dictionary page size (PLAIN from there), or the first
         * row whose value may repeat, after interning the values so far (the dictionary pass goes on from it).
         */
        private int distinctValues(ColumnVector v, int from, int to, boolean nulls, int page) {
            long unencoded = 0;
            int count = 0;
            int r = from;
            for (; r < to; r++) {
                if (nulls && v.isNull(r)) continue;
                byte[] a = v.bytesArray(r);
                int start = v.bytesStart(r);
                int length = v.bytesLength(r);
                if (mayRepeat(a, start, length)) {
                    intern(page);
                    break;
                }
                lastAt = plain.size();
                plain.writeBytes(a, start, length);
                unencoded += length;
                count++;
                grewDictionary(length + 4);   // as the dictionary would have: past its page size, PLAIN from here
                if (fellBack) {
                    r++;
                    break;
                }
            }
            sized(unencoded, count);
            return r;
        }

        /**
         * Whether a value met while all distinct may repeat one before it (then the values so far are interned): not
         * while the run ascends; after that, when its hash was seen (or the hashes no longer fit).
         */
        private boolean mayRepeat(byte[] a, int start, int length) {
            if (ascending) {
                if (abovePrevious(a, start, length)) return false;
                if (!hashValuesSoFar()) return true;   // the run ends here: the values so far did not all hash apart
            }
            return distinct.full() || !distinct.add(BytesDictionary.hash64(a, start, length));
        }

        /** Whether the value is above the last one written while all distinct (true for the chunk's first). */
        private boolean abovePrevious(byte[] a, int start, int length) {
            if (lastAt < 0) return true;
            int previous = lastAt + 4;
            return ByteBounds.compare(a, start, length, plain.array(), previous, plain.intAt(lastAt)) > 0;
        }

        /**
         * Ends the ascending run: the hashes of the values so far go into {@link #distinct}; false when they do not
         * all fit or two of them share a hash (the caller interns them then, as for a repeat).
         */
        private boolean hashValuesSoFar() {
            ascending = false;
            byte[] values = plain.array();
            int end = plain.size();
            for (int at = 0; at < end; ) {
                int length = plain.intAt(at);
                if (distinct.full() || !distinct.add(BytesDictionary.hash64(values, at + 4, length))) return false;
                at += 4 + length;
            }
            return true;
        }

        /**
         * Rows {@code [from, to)} through the dictionary; returns {@code to}, or the row after the one that passed
         * the dictionary page size (PLAIN from there, the page's ids so far rewritten as plain values).
         */
        private int dictionaryValues(ColumnVector v, int from, int to, boolean nulls, int page) {
            BytesDictionary dict = dictionary;
            long unencoded = 0;
            int count = 0;
            int marked = 0;
            int r = from;
            for (; r < to; r++) {
                if (nulls && v.isNull(r)) continue;
                int length = v.bytesLength(r);
                unencoded += length;
                count++;
                int size = dict.size();
                int id = dict.intern(v.bytesArray(r), v.bytesStart(r), length);
                addId(id);
                if (dict.size() != size) {
                    if (id == seenOnPage.length) seenOnPage = Arrays.copyOf(seenOnPage, id * 2);
                    seenOnPage[id] = page;
                    firstOnPage[marked++] = r;
                    grewDictionary(length + 4);
                    if (fellBack) {
                        r++;
                        break;
                    }
                } else if (seenOnPage[id] != page) {
                    seenOnPage[id] = page;
                    firstOnPage[marked++] = r;
                }
            }
            sized(unencoded, count);
            firstOnPageCount = marked;
            return r;
        }

        /** The page's sizes grow by {@code count} values of {@code unencoded} bytes. */
        private void sized(long unencoded, int count) {
            unencodedBytes += unencoded;
            rawBytes += unencoded + 4L * count;
        }

        /** The bounds of the last dictionary pass: its values whose id first appeared on the page. */
        private void boundsOfFirstOnPage(ColumnVector v) {
            for (int i = 0; i < firstOnPageCount; i++) {
                int row = firstOnPage[i];
                bounds.offer(v.bytesArray(row), v.bytesStart(row), v.bytesLength(row));
            }
        }

        private void boundsOf(ColumnVector v, int from, int to, boolean nulls) {
            for (int r = from; r < to; r++) {
                if (nulls && v.isNull(r)) continue;
                bounds.offer(v.bytesArray(r), v.bytesStart(r), v.bytesLength(r));
            }
        }

        @Override int dictionarySize() { return dictionary.size(); }

        @Override void writePlainEntry(int id) { plain.writeBytes(dictionary.arena(), dictionary.start(id), dictionary.length(id)); }

        @Override void clearDictionary() {
            dictionary.clear();
            allDistinct = true;   // a new chunk
            ascending = true;
            lastAt = -1;
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
