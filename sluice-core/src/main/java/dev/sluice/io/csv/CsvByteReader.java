package dev.sluice.io.csv;

import dev.sluice.io.BatchReader;
import dev.sluice.io.FileSplit;
import dev.sluice.io.LineReader;
import dev.sluice.io.Storage;
import dev.sluice.json.ParseMode;
import dev.sluice.types.BinaryType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.ByteType;
import dev.sluice.types.DataType;
import dev.sluice.types.DateType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.ShortType;
import dev.sluice.types.StringType;
import dev.sluice.types.StructType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.BooleanVector;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DecimalVector;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.LongDecimals;
import dev.sluice.vector.LongVector;
import dev.sluice.vector.Vectors;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The CSV reader over the bytes of a split (UTF-8, lines cut at newlines): each line is tokenized as byte ranges
 * ({@link CsvByteTokenizer}) and its fields go straight into the batch's vectors, strings as bytes and the common
 * forms of numbers, booleans, dates and timestamps parsed from bytes ({@link CsvByteValues}). Everything else
 * takes the String path of {@link CsvValues} field by field, and a line that is not valid UTF-8 is decoded and
 * tokenized as a String as before, so the rows, the malformed-record handling and the errors are those of the
 * String reader. A record's fields are parsed into per-column slots first and appended once the record is judged,
 * so that a dropped record leaves nothing behind.
 */
final class CsvByteReader implements BatchReader {
    // how a data column is converted
    private static final byte C_OTHER = 0, C_BYTES = 1, C_INT = 2, C_SHORT = 3, C_BYTE = 4, C_LONG = 5, C_DOUBLE = 6,
            C_BOOLEAN = 7, C_DECIMAL = 8, C_DATE = 9, C_TIMESTAMP = 10;
    // what a slot holds
    private static final byte S_NULL = 0, S_LONG = 1, S_DOUBLE = 2, S_BYTES = 3, S_OBJECT = 4;
    // how a long slot is appended
    private static final byte A_INT = 0, A_LONG = 1, A_DECIMAL = 2, A_BOOLEAN = 3;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Whether this reader reads {@code options}' files: UTF-8, split at newlines, ASCII syntax, exact option bytes. */
    static boolean applies(CsvOptions options, boolean wholeFiles) {
        return !wholeFiles && options.charset().equals(StandardCharsets.UTF_8) && CsvByteTokenizer.supports(options)
                && utf8RoundTrips(options.nullValue()) && utf8RoundTrips(options.nanValue())
                && utf8RoundTrips(options.positiveInf()) && utf8RoundTrips(options.negativeInf());
    }

    private static boolean utf8RoundTrips(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(s);
    }

    private final LineReader lines;
    private final CsvReadPlan plan;
    private final StructType projection;
    private final CsvByteTokenizer bytes;
    private final CsvTokenizer chars;
    private final CsvValues values;
    private final CsvByteValues fast;
    private final ParseMode mode;
    private final String nullValue;
    private final byte[] nullBytes;
    private final String emptyValue;
    private final byte[] nanBytes;
    private final byte[] positiveInfBytes;
    private final byte[] negativeInfBytes;
    private final byte comment;
    private final DataType[] types;
    private final byte[] columnKinds;
    private final byte[] appendKinds;       // per projected column fed by a long slot

    private final byte[] slots;
    private final long[] longs;
    private final double[] doubles;
    private final byte[][] arrays;
    private final int[] starts;
    private final int[] lengths;
    private final Object[] objects;

    private byte[] line;
    private int lineStart;
    private int lineEnd;
    private boolean headerPending;
    private long dropped;

    CsvByteReader(Storage storage, FileSplit split, CsvOptions options, CsvReadPlan plan, StructType projection) {
        this.plan = plan;
        this.projection = projection;
        this.bytes = new CsvByteTokenizer(options);
        this.chars = new CsvTokenizer(options);
        this.values = new CsvValues(options);
        this.fast = new CsvByteValues(options.zone());
        this.mode = options.mode();
        this.nullValue = options.nullValue();
        this.nullBytes = nullValue.getBytes(StandardCharsets.UTF_8);
        this.emptyValue = options.emptyValue();
        this.nanBytes = options.nanValue().getBytes(StandardCharsets.UTF_8);
        this.positiveInfBytes = options.positiveInf().getBytes(StandardCharsets.UTF_8);
        this.negativeInfBytes = options.negativeInf().getBytes(StandardCharsets.UTF_8);
        this.comment = (byte) options.comment();
        int n = plan.dataColumns.size();
        types = new DataType[n];
        columnKinds = new byte[n];
        for (int j = 0; j < n; j++) {
            types[j] = plan.dataColumns.get(j).dataType();
            columnKinds[j] = columnKind(types[j], values);
        }
        appendKinds = new byte[projection.size()];
        for (int i = 0; i < appendKinds.length; i++) {
            int s = plan.outputSource[i];
            appendKinds[i] = s < 0 ? A_LONG : appendKind(columnKinds[s]);
        }
        slots = new byte[n];
        longs = new long[n];
        doubles = new double[n];
        arrays = new byte[n][];
        starts = new int[n];
        lengths = new int[n];
        objects = new Object[n];
        this.lines = LineReader.open(storage, split);
        boolean fileStart = split.start() == 0;
        boolean checkHeader = options.header() && fileStart && !options.enforceSchema();
        headerPending = options.header() && fileStart && !checkHeader;
        if (checkHeader) {
            try {
                plan.checkHeader(header(), split.path());
            } catch (RuntimeException e) {
                lines.close();
                throw e;
            }
        }
    }

    private static byte columnKind(DataType type, CsvValues values) {
        if (type instanceof StringType || type instanceof BinaryType) return C_BYTES;
        if (type instanceof IntegerType) return C_INT;
        if (type instanceof ShortType) return C_SHORT;
        if (type instanceof ByteType) return C_BYTE;
        if (type instanceof LongType) return C_LONG;
        if (type instanceof DoubleType) return C_DOUBLE;
        if (type instanceof BooleanType) return C_BOOLEAN;
        if (type instanceof DecimalType d && d.fitsInLong()) return C_DECIMAL;
        if (type instanceof DateType && !values.hasDateFormat()) return C_DATE;
        if (type instanceof TimestampType && !values.hasTimestampFormat()) return C_TIMESTAMP;
        return C_OTHER;
    }

    private static byte appendKind(byte columnKind) {
        switch (columnKind) {
            case C_LONG: case C_TIMESTAMP: return A_LONG;
            case C_DECIMAL: return A_DECIMAL;
            case C_BOOLEAN: return A_BOOLEAN;
            default: return A_INT;
        }
    }

    /** The header's fields, read as the String reader reads them; null when the split has no record. */
    private String[] header() {
        if (!nextLine()) return null;
        int count = chars.tokenize(lineText(), null);
        String[] names = new String[count];
        for (int i = 0; i < count; i++) names[i] = chars.field(i);
        return names;
    }

    /** Advances to the next line that is a record (not blank, not a comment), without a byte-order mark; false at the end. */
    private boolean nextLine() {
        while (lines.next()) {
            line = lines.buffer();
            lineStart = lines.offset();
            lineEnd = lineStart + lines.length();
            if (lines.lineOffsetInFile() == 0 && lineEnd - lineStart >= 3 && line[lineStart] == BOM[0]
                    && line[lineStart + 1] == BOM[1] && line[lineStart + 2] == BOM[2]) {
                lineStart += 3;
            }
            if (CsvByteTokenizer.isBlank(line, lineStart, lineEnd)) continue;
            if (comment != 0 && line[lineStart] == comment) continue;
            return true;
        }
        return false;
    }

    private String lineText() { return new String(line, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8); }

    @Override public Batch next() {
        FlatVector[] out = new FlatVector[projection.size()];
        for (int i = 0; i < out.length; i++) out[i] = Vectors.allocate(projection.field(i).dataType(), Batch.DEFAULT_SIZE);
        int rows = 0;
        int[] converted = plan.converted;
        while (rows < Batch.DEFAULT_SIZE && nextLine()) {
            if (headerPending) {
                headerPending = false;
                continue;
            }
            String problem;
            if (Utf8Check.valid(line, lineStart, lineEnd)) {
                int count = bytes.tokenize(line, lineStart, lineEnd, plan.needed);
                problem = plan.countProblem(count);
                for (int j : converted) problem = convertBytes(j, count, problem);
            } else {
                int count = chars.tokenize(lineText(), plan.needed);
                problem = plan.countProblem(count);
                for (int j : converted) {
                    slots[j] = S_NULL;
                    String text = j < count ? chars.field(j) : null;
                    if (text != null) problem = convertText(j, text, problem);
                }
            }
            if (problem != null) {
                if (mode == ParseMode.FAILFAST) {
                    throw CsvReadPlan.malformed(lines.location(), problem);
                }
                if (mode == ParseMode.DROPMALFORMED) {
                    dropped++;
                    continue;
                }
            }
            for (int i = 0; i < out.length; i++) append(out[i], i, problem);
            rows++;
        }
        if (rows == 0) return null;
        return out.length == 0 ? Batch.ofRowCount(rows) : new Batch((ColumnVector[]) out, rows);
    }

    /** Parses field {@code j} of the tokenized line into its slot; returns the record's (first) problem. */
    private String convertBytes(int j, int count, String problem) {
        slots[j] = S_NULL;
        if (j >= count) return problem;
        byte kind = bytes.kind(j);
        if (kind == CsvByteTokenizer.NULL) return problem;
        if (kind == CsvByteTokenizer.EMPTY) return convertText(j, emptyValue, problem);
        byte[] a = kind == CsvByteTokenizer.LINE ? line : bytes.scratch();
        int s = bytes.start(j), e = bytes.end(j);
        if (equal(a, s, e, nullBytes)) return problem;
        switch (columnKinds[j]) {
            case C_BYTES:
                slots[j] = S_BYTES;
                arrays[j] = a;
                starts[j] = s;
                lengths[j] = e - s;
                return problem;
            case C_INT:
                if (fast.parseLong(a, s, e, Integer.MIN_VALUE, Integer.MAX_VALUE)) return longSlot(j, fast.longValue, problem);
                break;
            case C_SHORT:
                if (fast.parseLong(a, s, e, Short.MIN_VALUE, Short.MAX_VALUE)) return longSlot(j, fast.longValue, problem);
                break;
            case C_BYTE:
                if (fast.parseLong(a, s, e, Byte.MIN_VALUE, Byte.MAX_VALUE)) return longSlot(j, fast.longValue, problem);
                break;
            case C_LONG:
                if (fast.parseLong(a, s, e, Long.MIN_VALUE, Long.MAX_VALUE)) return longSlot(j, fast.longValue, problem);
                break;
            case C_DOUBLE:
                if (equal(a, s, e, nanBytes)) return doubleSlot(j, Double.NaN, problem);
                if (equal(a, s, e, positiveInfBytes)) return doubleSlot(j, Double.POSITIVE_INFINITY, problem);
                if (equal(a, s, e, negativeInfBytes)) return doubleSlot(j, Double.NEGATIVE_INFINITY, problem);
                if (fast.parseDouble(a, s, e)) return doubleSlot(j, fast.doubleValue, problem);
                break;
            case C_BOOLEAN: {
                int v = CsvByteValues.parseBoolean(a, s, e);
                if (v >= 0) return longSlot(j, v, problem);
                break;
            }
            case C_DECIMAL: {
                DecimalType d = (DecimalType) types[j];
                long u = LongDecimals.parse(a, s, e - s, d.scale(), d.precision());
                if (u != LongDecimals.NOT_PARSED) return longSlot(j, u, problem);
                break;
            }
            case C_DATE:
                if (fast.parseDate(a, s, e)) return longSlot(j, fast.longValue, problem);
                break;
            case C_TIMESTAMP:
                if (fast.parseTimestamp(a, s, e)) return longSlot(j, fast.longValue, problem);
                break;
            default:
                break;
        }
        return convertText(j, new String(a, s, e - s, StandardCharsets.UTF_8), problem);
    }

    /** The String path of one field (as the String reader converts it). */
    private String convertText(int j, String text, String problem) {
        slots[j] = S_NULL;
        if (text.equals(nullValue)) return problem;
        Object v = values.parse(text, types[j]);
        if (v == CsvValues.INVALID) return problem != null ? problem : plan.invalidProblem(text, j);
        if (v != null) {
            slots[j] = S_OBJECT;
            objects[j] = v;
        }
        return problem;
    }

    private String longSlot(int j, long v, String problem) {
        slots[j] = S_LONG;
        longs[j] = v;
        return problem;
    }

    private String doubleSlot(int j, double v, String problem) {
        slots[j] = S_DOUBLE;
        doubles[j] = v;
        return problem;
    }

    private void append(FlatVector out, int i, String problem) {
        int s = plan.outputSource[i];
        if (s < 0) {
            out.appendObject(problem != null ? lineText() : null);   // the record's text, as _corrupt_record holds it
            return;
        }
        switch (slots[s]) {
            case S_NULL:
                out.appendNull();
                break;
            case S_BYTES:
                ((BytesVector) out).append(arrays[s], starts[s], lengths[s]);
                break;
            case S_DOUBLE:
                ((DoubleVector) out).append(doubles[s]);
                break;
            case S_LONG:
                switch (appendKinds[i]) {
                    case A_INT: ((IntVector) out).append((int) longs[s]); break;
                    case A_LONG: ((LongVector) out).append(longs[s]); break;
                    case A_DECIMAL: ((DecimalVector) out).appendUnscaled(longs[s]); break;
                    default: ((BooleanVector) out).append(longs[s] != 0);
                }
                break;
            default:
                out.appendObject(objects[s]);
        }
    }

    private static boolean equal(byte[] a, int s, int e, byte[] b) {
        return e - s == b.length && Arrays.equals(a, s, e, b, 0, b.length);
    }

    @Override public long bytesRead() { return lines.bytesRead(); }

    @Override public long droppedRecords() { return dropped; }

    @Override public void close() { lines.close(); }
}
