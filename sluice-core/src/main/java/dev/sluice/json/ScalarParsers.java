package dev.sluice.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sluice.error.SluiceException;
import dev.sluice.types.BinaryType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.DataType;
import dev.sluice.types.DateType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.NullType;
import dev.sluice.types.StringType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.BooleanVector;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.DecimalVector;
import dev.sluice.vector.LongDecimals;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.FloatVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.LongVector;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

import static com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_FLOAT;
import static com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT;
import static com.fasterxml.jackson.core.JsonToken.VALUE_STRING;

/** The parsers of non-nested types, each applying Spark's JacksonParser conversion rules for its type. */
final class ScalarParsers {
    private ScalarParsers() {}

    static ColumnParser forType(DataType type, JsonOptions options, int capacity) {
        if (type instanceof dev.sluice.types.TimeType) throw timeUnsupported(type);
        if (type instanceof StringType) return new StringParser(type, capacity);
        if (type instanceof IntegerType) return new IntParser(type, capacity);
        if (type instanceof dev.sluice.types.ByteType || type instanceof dev.sluice.types.ShortType) return new NarrowIntParser(type, capacity);
        if (type instanceof dev.sluice.types.TimestampNTZType) return new WallClockParser(type, capacity);
        if (type instanceof dev.sluice.types.YearMonthIntervalType) return new YearMonthParser(type, capacity);
        if (type instanceof dev.sluice.types.DayTimeIntervalType) return new DayTimeParser(type, capacity);
        if (type instanceof LongType) return new LongParser(type, capacity);
        if (type instanceof DoubleType) return new DoubleParser(type, capacity, options.allowNonNumericNumbers());
        if (type instanceof BooleanType) return new BooleanParser(type, capacity);
        if (type instanceof TimestampType) return new TimestampParser(type, capacity, JsonDateTimes.of(options));
        if (type instanceof DateType) return new DateParser(type, capacity, JsonDateTimes.of(options));
        if (type instanceof FloatType) return new FloatParser(type, capacity, options.allowNonNumericNumbers());
        if (type instanceof DecimalType d) return new DecimalParser(d, capacity);
        if (type instanceof BinaryType) return new BinaryParser(type, capacity);
        if (type instanceof NullType) return new NullParser(type, capacity);
        throw SluiceException.internal("no JSON parser for type " + type);
    }

    /** Spark 4.1.1 reads and writes no TIME as JSON (the JSON source, to_json and from_json all refuse it). */
    static SluiceException timeUnsupported(DataType type) {
        return SluiceException.of(dev.sluice.error.ErrorCode.UNSUPPORTED_OPERATION).with("operation", "The data type " + type.sql() + " in JSON")
                .with("reason", "Spark 4.1 has no JSON form of TIME; CAST the column to STRING (and a string back with to_time)").build();
    }

    /** Spark: NaN and infinities from strings (and bare tokens, via Jackson) when allowNonNumericNumbers. */
    private static double specialDouble(String text) {
        switch (text) {
            case "NaN": return Double.NaN;
            case "+INF": case "+Infinity": case "Infinity": return Double.POSITIVE_INFINITY;
            case "-INF": case "-Infinity": return Double.NEGATIVE_INFINITY;
            default: return 0.0;   // not special: the caller rejects the string
        }
    }

    private static boolean isSpecialDouble(String text) {
        switch (text) {
            case "NaN": case "+INF": case "+Infinity": case "Infinity": case "-INF": case "-Infinity": return true;
            default: return false;
        }
    }

    // ---- ints and longs (date and timestamp share the storage) ----

    private abstract static class IntStore extends ColumnParser {
        protected int[] values;

        IntStore(DataType type, int capacity) {
            super(type, capacity);
            values = new int[this.capacity];
        }

        final void append(int v) {
            int row = nextSlot();
            values[row] = v;
            size = row + 1;
        }

        @Override protected final void growValues(int n) { values = Arrays.copyOf(values, n); }

        @Override final void appendTo(FlatVector out, int row) {
            if (isNull(row)) out.appendNull();
            else ((IntVector) out).append(values[row]);
        }

        @Override final void appendRangeTo(FlatVector out, int from, int to) {
            ((IntVector) out).appendAll(values, nullFlags(), from, to);
        }

        /** A null's slot holds the vector's placeholder, so that {@link #takeVector} can hand the array over. */
        @Override final void appendNull() {
            super.appendNull();
            values[size - 1] = 0;
        }

        /** The array goes to the vector as it is; the next batch gets a new one of the same size. */
        @Override final FlatVector takeVector() {
            FlatVector v = IntVector.adopt(type, values, nullFlags(), size);
            values = new int[capacity];
            truncate(0);
            return v;
        }
    }

    private abstract static class LongStore extends ColumnParser {
        protected long[] values;

        LongStore(DataType type, int capacity) {
            super(type, capacity);
            values = new long[this.capacity];
        }

        final void append(long v) {
            int row = nextSlot();
            values[row] = v;
            size = row + 1;
        }

        @Override protected final void growValues(int n) { values = Arrays.copyOf(values, n); }

        @Override final void appendTo(FlatVector out, int row) {
            if (isNull(row)) out.appendNull();
            else ((LongVector) out).append(values[row]);
        }

        @Override final void appendRangeTo(FlatVector out, int from, int to) {
            ((LongVector) out).appendAll(values, nullFlags(), from, to);
        }

        /** A null's slot holds the vector's placeholder, so that {@link #takeVector} can hand the array over. */
        @Override final void appendNull() {
            super.appendNull();
            values[size - 1] = 0;
        }

        /** The array goes to the vector as it is; the next batch gets a new one of the same size. */
        @Override final FlatVector takeVector() {
            FlatVector v = LongVector.adopt(type, values, nullFlags(), size);
            values = new long[capacity];
            truncate(0);
            return v;
        }
    }

    /** int: integral JSON numbers that fit; anything else (strings, 1.5, overflow) is a mismatch. */
    static final class IntParser extends IntStore {
        IntParser(DataType type, int capacity) { super(type, capacity); }

        @Override void read(JsonParser p, JsonToken t, ReadContext ctx) throws IOException {
            if (t != VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) throw ctx.mismatch(p, type, t);
            append(p.getIntValue());
        }
    }

    /** tinyint and smallint: integral JSON numbers within the type's range (Jackson's getByteValue/getShortValue). */
    static final class NarrowIntParser extends IntStore {
        private final int min, max;

        NarrowIntParser(DataType type, int capacity) {
            super(type, capacity);
            boolean isByte = type instanceof dev.sluice.types.ByteType;
            min = isByte ? Byte.MIN_VALUE : Short.MIN_VALUE;
            max = isByte ? Byte.MAX_VALUE : Short.MAX_VALUE;
        }

        @Override void read(JsonParser p, JsonToken t, ReadContext ctx) throws IOException {
            if (t != VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) throw ctx.mismatch(p, type, t);
            int v = p.getIntValue();
            if (v < min || v > max) throw ctx.unparsable(p, type, p.getText());
            append(v);
        }
    }

    /** timestamp_ntz: strings in Spark's cast forms, read as a wall clock. */
    static final class WallClockParser extends LongStore {
        WallClockParser(DataType type, int capacity) { super(type, capacity); }

        @Override void read(JsonParser p, JsonToken t, ReadContext ctx) throws IOException {
            if (t != VALUE_STRING || p.getTextLength() < 1) throw ctx.mismatch(p, type, t);
            String text = p.getText();
            // Spark's cast forms read at UTC are the wall clock (this reader does not drop a zone written in the text)
            long micros = JsonDateTimes.sparkStringToTimestamp(text, java.time.ZoneOffset.UTC);
            if (micros == JsonDateTimes.INVALID) throw ctx.unparsable(p, type, text);
            append(micros);
        }
    }

    /** year-month interval: strings in the cast forms ({@code INTERVAL '1-2' YEAR TO MONTH}, {@code 1-2}). */
    static final class YearMonthParser extends IntStore {
        YearMonthParser(DataType type, int capacity) { super(type, capacity); }

        @Override void read(JsonParser p, JsonToken t, ReadContext ctx) throws IOException {
            if (t != VALUE_STRING) throw ctx.mismatch(p, type, t);
            String text = p.getText();
            Long months = dev.sluice.vector.IntervalParsing.parseCastText(text, type);
            if (months == null) throw ctx.unparsable(p, type, text);
            append(months.intValue());
        }
    }

    /** day-time interval: strings in the cast forms ({@code INTERVAL '1 10:00:00' DAY TO SECOND}). */
    static final class DayTimeParser extends LongStore {
        DayTimeParser(DataType type, int capacity) { super(type, capacity); }

        @Override void read(JsonParser p, JsonToken t, ReadContext ctx) throws IOException {
            if (t != VALUE_STRING) throw ctx.mismatch(p, type, t);
            String text = p.getText();
            Long micros = dev.sluice.vector.IntervalParsing.parseCastText(text, type);
            if (micros == null) throw ctx.unparsable(p, type, text);
            append(micros);
        }
    }

    /** bigint: integral JSON numbers within the long range. */
    static final class LongParser extends LongStore {
        LongParser(DataType type, int capacity) { super(type, capacity); }

        @Override void read(JsonParser p, JsonToken t, ReadContext ctx) throws IOException {
            if (t != VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) throw ctx.mismatch(p, type, t);
            append(p.getLongValue());
        }
    }

    /** timestamp: strings in Spark's default forms (or timestampFormat), integral numbers as epoch seconds. */
    static final class TimestampParser extends LongStore {
        private final JsonDateTimes dateTimes;

        TimestampParser(DataType type, int capacity, JsonDateTimes dateTimes) {
            super(type, capacity);
            this.dateTimes = dateTimes;
        }

        @Override void read(JsonParser p, JsonToken t, ReadContext ctx) throws IOException {
            if (t == VALUE_STRING && p.getTextLength() >= 1) {
                String text = p.getText();
                long micros = dateTimes.parseTimestamp(text);
                if (micros == JsonDateTimes.INVALID) throw ctx.unparsable(p, type, text);
                append(micros);
            } else if (t == VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                append(p.getLongValue() * 1_000_000L);   // Spark multiplies without an overflow check
            } else {
                throw ctx.mismatch(p, type, t);
            }
        }
    }

    /** date: strings only (Spark's default forms, or dateFormat). */
    static final class DateParser extends IntStore {
        private final JsonDateTimes dateTimes;

        DateParser(DataType type, int capacity, JsonDateTimes dateTimes) {
            super(type, capacity);
            this.dateTimes = dateTimes;
        }

        @Override void read(JsonParser p, JsonToken t, ReadContext ctx) throws IOException {
            if (t != VALUE_STRING || p.getTextLength() < 1) throw ctx.mismatch(p, type, t);
            String text = p.getText();
            long days = dateTimes.parseDate(text);
            if (days == JsonDateTimes.INVALID) throw ctx.unparsable(p, type, text);
            append((int) days);
        }
    }

    // ---- floating point ----

    static final class DoubleParser extends ColumnParser {
        private double[] values;
        private final boolean allowSpecial;

        DoubleParser(DataType type, int capacity, boolean allowSpecial) {
            super(type, capacity);
            this.values = new double[this.capacity];
            this.allowSpecial = allowSpecial;
        }

        @Override void read(JsonParser p, JsonToken t, ReadContext ctx) throws IOException {
            double v;
            if (t == VALUE_NUMBER_FLOAT || t == VALUE_NUMBER_INT) {
                v = p.getDoubleValue();
            } else if (t == VALUE_STRING && allowSpecial && isSpecialDouble(p.getText())) {
                v = specialDouble(p.getText());
            } else {
                throw ctx.mismatch(p, type, t);
            }
            appendDouble(v);
        }

        void appendDouble(double v) {
            int row = nextSlot();
            values[row] = v;
            size = row + 1;
        }

        @Override protected void growValues(int n) { values = Arrays.copyOf(values, n); }

        @Override void appendTo(FlatVector out, int row) {
            if (isNull(row)) out.appendNull();
            else ((DoubleVector) out).append(values[row]);
        }

        @Override void appendRangeTo(FlatVector out, int from, int to) {
            ((DoubleVector) out).appendAll(values, nullFlags(), from, to);
        }

        /** A null's slot holds the vector's placeholder, so that {@link #takeVector} can hand the array over. */
        @Override void appendNull() {
            super.appendNull();
            values[size - 1] = 0;
        }

        /** The array goes to the vector as it is; the next batch gets a new one of the same size. */
        @Override FlatVector takeVector() {
            FlatVector v = DoubleVector.adopt(type, values, nullFlags(), size);
            values = new double[capacity];
            truncate(0);
            return v;
        }
    }

    static final class FloatParser extends ColumnParser {
        private float[] values;
        private final boolean allowSpecial;

        FloatParser(DataType type, int capacity, boolean allowSpecial) {
            super(type, capacity);
            this.values = new float[this.capacity];
            this.allowSpecial = allowSpecial;
        }

        @Override void read(JsonParser p, JsonToken t, ReadContext ctx) throws IOException {
            float v;
            if (t == VALUE_NUMBER_FLOAT || t == VALUE_NUMBER_INT) {
                v = p.getFloatValue();
            } else if (t == VALUE_STRING && allowSpecial && isSpecialDouble(p.getText())) {
                v = (float) specialDouble(p.getText());
            } else {
                throw ctx.mismatch(p, type, t);
            }
            int row = nextSlot();
            values[row] = v;
            size = row + 1;
        }

        @Override protected void growValues(int n) { values = Arrays.copyOf(values, n); }

        @Override void appendTo(FlatVector out, int row) {
            if (isNull(row)) out.appendNull();
            else ((FloatVector) out).append(values[row]);
        }
    }

    // ---- decimal, boolean, null ----

    /**
     * decimal(p,s): numbers or numeric strings, rounded HALF_UP to the scale; too many digits is a mismatch. A type
     * of at most 18 digits keeps unscaled longs, parsed from the token's characters without a BigDecimal when the
     * text is plain ({@link LongDecimals#parse}); other text takes the BigDecimal path, which also reports errors.
     */
    static final class DecimalParser extends ColumnParser {
        private final DecimalType decimalType;
        private final boolean compact;
        private BigDecimal[] values;   // wide types
        private long[] unscaled;       // compact types

        DecimalParser(DecimalType type, int capacity) {
            super(type, capacity);
            this.decimalType = type;
            this.compact = type.fitsInLong();
            if (compact) this.unscaled = new long[this.capacity];
            else this.values = new BigDecimal[this.capacity];
        }

        @Override void read(JsonParser p, JsonToken t, ReadContext ctx) throws IOException {
            if (compact && (t == VALUE_NUMBER_INT || t == VALUE_NUMBER_FLOAT || (t == VALUE_STRING && p.getTextLength() >= 1))) {
                long u = LongDecimals.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(),
                        decimalType.scale(), decimalType.precision());
                if (u != LongDecimals.NOT_PARSED) {
                    int row = nextSlot();
                    unscaled[row] = u;
                    size = row + 1;
                    return;
                }
            }
            BigDecimal raw;
            if (t == VALUE_NUMBER_INT || t == VALUE_NUMBER_FLOAT) {
                try {
                    raw = p.getDecimalValue();
                } catch (NumberFormatException e) {   // NaN and infinities have no decimal value
                    throw ctx.mismatch(p, type, t);
                }
            } else if (t == VALUE_STRING && p.getTextLength() >= 1) {
                String text = p.getText();
                try {
                    raw = new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw ctx.unparsable(p, type, text);
                }
            } else {
                throw ctx.mismatch(p, type, t);
            }
            BigDecimal v = raw.setScale(decimalType.scale(), RoundingMode.HALF_UP);
            if (v.precision() > decimalType.precision()) {
                throw ctx.unparsable(p, type, raw.toString());
            }
            int row = nextSlot();
            if (compact) unscaled[row] = DecimalVector.unscaledOf(v, decimalType.scale());
            else values[row] = v;
            size = row + 1;
        }

        @Override protected void growValues(int n) {
            if (compact) unscaled = Arrays.copyOf(unscaled, n);
            else values = Arrays.copyOf(values, n);
        }

        @Override void appendTo(FlatVector out, int row) {
            if (isNull(row)) out.appendNull();
            else if (compact) ((DecimalVector) out).appendUnscaled(unscaled[row]);
            else ((DecimalVector) out).append(values[row]);
        }

        @Override void appendRangeTo(FlatVector out, int from, int to) {
            if (compact) ((DecimalVector) out).appendAllUnscaled(unscaled, nullFlags(), from, to);
            else super.appendRangeTo(out, from, to);
        }
    }

    /** boolean: only the JSON literals true and false. */
    static final class BooleanParser extends ColumnParser {
        private boolean[] values;

        BooleanParser(DataType type, int capacity) {
            super(type, capacity);
            values = new boolean[this.capacity];
        }

        @Override void read(JsonParser p, JsonToken t, ReadContext ctx) throws IOException {
            boolean v;
            if (t == JsonToken.VALUE_TRUE) v = true;
            else if (t == JsonToken.VALUE_FALSE) v = false;
            else throw ctx.mismatch(p, type, t);
            appendBoolean(v);
        }

        void appendBoolean(boolean v) {
            int row = nextSlot();
            values[row] = v;
            size = row + 1;
        }

        @Override protected void growValues(int n) { values = Arrays.copyOf(values, n); }

        @Override void appendTo(FlatVector out, int row) {
            if (isNull(row)) out.appendNull();
            else ((BooleanVector) out).append(values[row]);
        }

        @Override void appendRangeTo(FlatVector out, int from, int to) {
            ((BooleanVector) out).appendAll(values, nullFlags(), from, to);
        }

        /** A null's slot holds the vector's placeholder, so that {@link #takeVector} can hand the array over. */
        @Override void appendNull() {
            super.appendNull();
            values[size - 1] = false;
        }

        /** The array goes to the vector as it is; the next batch gets a new one of the same size. */
        @Override FlatVector takeVector() {
            FlatVector v = BooleanVector.adopt(type, values, nullFlags(), size);
            values = new boolean[capacity];
            truncate(0);
            return v;
        }
    }

    /** void: every value is NULL. */
    static final class NullParser extends ColumnParser {
        NullParser(DataType type, int capacity) { super(type, capacity); }

        @Override void read(JsonParser p, JsonToken t, ReadContext ctx) throws IOException {
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) p.skipChildren();
            appendNull();
        }

        @Override protected void growValues(int n) { }

        @Override void appendTo(FlatVector out, int row) { out.appendNull(); }
    }

    // ---- strings and binary ----

    private abstract static class BytesStore extends ColumnParser {
        protected byte[] data = new byte[1024];
        protected int dataSize;
        protected int[] ends;

        BytesStore(DataType type, int capacity) {
            super(type, capacity);
            ends = new int[this.capacity];
        }

        final void appendBytes(byte[] src, int offset, int length) {
            ensureBytes(length);
            System.arraycopy(src, offset, data, dataSize, length);
            commit(dataSize + length);
        }

        /** Appends a non-null value with no bytes. */
        final void appendEmpty() { commit(dataSize); }

        /** Ends a value whose bytes were written into {@link #data} up to {@code newDataSize}. */
        final void commit(int newDataSize) {
            int row = nextSlot();
            dataSize = newDataSize;
            ends[row] = newDataSize;
            size = row + 1;
        }

        /**
         * Room for {@code extra} more bytes of data. Called once per string value read by the scanners: the growth is a
         * call of its own so that this stays under C1's 35-byte inlining limit (42 bytes with it inline).
         */
        final void ensureBytes(int extra) {
            if (dataSize + extra > data.length) growBytes(extra);
        }

        private void growBytes(int extra) { data = Arrays.copyOf(data, Math.max(data.length * 2, dataSize + extra)); }

        @Override void appendNull() {
            int row = nextSlot();
            ends[row] = dataSize;
            super.appendNull();
        }

        @Override void truncate(int rows) {
            super.truncate(rows);
            dataSize = rows == 0 ? 0 : ends[rows - 1];
        }

        @Override protected final void growValues(int n) { ends = Arrays.copyOf(ends, n); }

        /**
         * The buffers go to the vector, and the next batch gets new ones of the same size, except a bytes buffer
         * used to at most half: it stays for the next batch and the vector gets a copy of its used bytes. Such a
         * buffer is mostly room no value took (a decoded string reserves up to
         * {@link JsonValueSkipper#LINE_STRING_ROOM} in it, and it grows by doubling: Q3's error codes and messages
         * held 3 and 11 KiB in 32 KiB buffers), and copying the bytes written costs less than a new buffer of the
         * whole size, which the JVM zeroes, and allocates only what the batch holds.
         */
        @Override final FlatVector takeVector() {
            byte[] bytes;
            if (dataSize <= data.length >>> 1) {
                bytes = Arrays.copyOf(data, dataSize);
            } else {
                bytes = data;
                data = new byte[data.length];
            }
            BytesVector v = BytesVector.adopt(type, bytes, dataSize, ends, nullFlags(), size);
            ends = new int[capacity];
            truncate(0);
            return v;
        }

        @Override final void appendTo(FlatVector out, int row) {
            if (isNull(row)) {
                out.appendNull();
            } else {
                int start = row == 0 ? 0 : ends[row - 1];
                ((BytesVector) out).append(data, start, ends[row] - start);
            }
        }

        @Override final void appendRangeTo(FlatVector out, int from, int to) {
            ((BytesVector) out).appendAll(data, ends, nullFlags(), from, to);
        }
    }

    /**
     * string: JSON strings as UTF-8; numbers keep their text as written (1.50 → "1.50", as Spark); objects and
     * arrays are re-serialized compactly with their numbers as written ({"x": 1.50} → {"x":1.50}).
     */
    static final class StringParser extends BytesStore {
        StringParser(DataType type, int capacity) { super(type, capacity); }

        @Override void read(JsonParser p, JsonToken t, ReadContext ctx) throws IOException {
            if (t == VALUE_STRING) {
                int length = p.getTextLength();
                ensureBytes(length * 3);
                commit(Utf8.encode(p.getTextCharacters(), p.getTextOffset(), length, data, dataSize));
            } else if (t == VALUE_NUMBER_INT || t == VALUE_NUMBER_FLOAT) {
                appendNumberText(p);
            } else if (t == JsonToken.VALUE_TRUE) {
                appendBytes(TRUE, 0, 4);
            } else if (t == JsonToken.VALUE_FALSE) {
                appendBytes(FALSE, 0, 5);
            } else {
                GrowableBytes raw = ctx.copyCurrentStructure(p);
                appendBytes(raw.array(), 0, raw.size());
            }
        }

        /** A number's text exactly as written (Spark: 1.50 stays "1.50", 1e400 stays "1e400"; it is ASCII). */
        private void appendNumberText(JsonParser p) throws IOException {
            char[] chars = p.getTextCharacters();
            int offset = p.getTextOffset();
            int length = p.getTextLength();
            ensureBytes(length);
            for (int i = 0; i < length; i++) data[dataSize + i] = (byte) chars[offset + i];
            commit(dataSize + length);
        }

        /** Appends raw bytes as a string value (the corrupt-record column). */
        void appendRaw(byte[] src, int offset, int length) { appendBytes(src, offset, length); }

        private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
        private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    }

    /** binary: base64 strings (an empty string is an empty value). */
    static final class BinaryParser extends BytesStore {
        BinaryParser(DataType type, int capacity) { super(type, capacity); }

        @Override void read(JsonParser p, JsonToken t, ReadContext ctx) throws IOException {
            if (t != VALUE_STRING) throw ctx.mismatch(p, type, t);
            byte[] bytes;
            try {
                bytes = p.getBinaryValue();
            } catch (IOException | IllegalArgumentException e) {
                throw ctx.unparsable(p, type, p.getText());
            }
            appendBytes(bytes, 0, bytes.length);
        }
    }
}
