package dev.sluice.io.parquet;

import dev.sluice.types.BinaryType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.DataType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.StringType;
import dev.sluice.vector.BooleanVector;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.LongVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;


/**
 * A top-level primitive column read a page at a time, without a {@link org.apache.parquet.column.ColumnReader}:
 * parquet-java's level and value decoders fill primitive arrays (dictionary pages as ids gathered from the
 * dictionary decoded once per chunk), which are appended to the vector in one copy per page run. For the types
 * read as stored (int, bigint, double, boolean, string, binary); {@link FlatColumns} reads the others, and every
 * row group whose pages the page index filtered (their rows must be lined up across columns).
 */
final class PagedColumn {
    private final ColumnDescriptor descriptor;
    private final Kind kind;
    private final int maxDefinition;

    private final PageCursor cursor;
    private int[] dictionaryInts;
    private long[] dictionaryLongs;
    private double[] dictionaryDoubles;
    private byte[][] dictionaryBytes;

    private boolean[] nulls = new boolean[0];
    private int[] ints = new int[0];
    private long[] longs = new long[0];
    private double[] doubles = new double[0];
    private boolean[] booleans = new boolean[0];

    private enum Kind { INT, LONG, DOUBLE, BOOLEAN, BYTES }

    private PagedColumn(ColumnDescriptor descriptor, Kind kind) {
        this.descriptor = descriptor;
        this.kind = kind;
        this.maxDefinition = descriptor.getMaxDefinitionLevel();
        this.cursor = new PageCursor(descriptor);
    }

    /** The paged reader of a column read as {@code want}, or null when its values need a conversion. */
    static PagedColumn of(ColumnDescriptor descriptor, PrimitiveType p, DataType want) {
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        if (want instanceof DecimalType || a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) return null;
        boolean unsigned = a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned();
        Kind kind = switch (p.getPrimitiveTypeName()) {
            case INT32 -> want.storesInt() ? Kind.INT : null;
            case INT64 -> want.storesLong() && !unsigned && !(want instanceof dev.sluice.types.TimeType) && !(a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts
                    && ts.getUnit() == LogicalTypeAnnotation.TimeUnit.MILLIS) ? Kind.LONG : null;
            case DOUBLE -> want instanceof DoubleType ? Kind.DOUBLE : null;
            case BOOLEAN -> want instanceof BooleanType ? Kind.BOOLEAN : null;
            case BINARY, FIXED_LEN_BYTE_ARRAY -> want instanceof StringType || want instanceof BinaryType ? Kind.BYTES : null;
            default -> null;
        };
        return kind == null ? null : new PagedColumn(descriptor, kind);
    }

    /** Positions the column at the start of a row group's chunk. */
    void startRowGroup(PageReader pages) {
        Dictionary dictionary = cursor.start(pages);
        if (dictionary == null) return;
        int size = dictionary.getMaxId() + 1;
        switch (kind) {
            case INT -> {
                dictionaryInts = new int[size];
                for (int i = 0; i < size; i++) dictionaryInts[i] = dictionary.decodeToInt(i);
            }
            case LONG -> {
                dictionaryLongs = new long[size];
                for (int i = 0; i < size; i++) dictionaryLongs[i] = dictionary.decodeToLong(i);
            }
            case DOUBLE -> {
                dictionaryDoubles = new double[size];
                for (int i = 0; i < size; i++) dictionaryDoubles[i] = dictionary.decodeToDouble(i);
            }
            case BYTES -> {
                dictionaryBytes = new byte[size][];
                for (int i = 0; i < size; i++) dictionaryBytes[i] = dictionary.decodeToBinary(i).getBytes();
            }
            case BOOLEAN -> { }
        }
    }

    /** Appends the next {@code n} values (nulls included) to {@code out}. */
    void read(FlatVector out, int n) {
        int done = 0;
        while (done < n) {
            int k = Math.min(n - done, cursor.available());
            readRun(out, k);
            cursor.consumed(k);
            done += k;
        }
    }

    private void readRun(FlatVector out, int k) {
        if (nulls.length < k) nulls = new boolean[Math.max(k, 4096)];
        boolean[] isNull = nulls;
        PageCursor c = cursor;
        for (int i = 0; i < k; i++) isNull[i] = c.definition() != maxDefinition;
        ValuesReader v = c.values;
        boolean dictionaryEncoded = c.dictionaryEncoded;
        switch (kind) {
            case INT -> {
                if (ints.length < k) ints = new int[Math.max(k, 4096)];
                int[] dst = ints;
                if (dictionaryEncoded) {
                    int[] dict = dictionaryInts;
                    for (int i = 0; i < k; i++) if (!isNull[i]) dst[i] = dict[v.readValueDictionaryId()];
                } else {
                    for (int i = 0; i < k; i++) if (!isNull[i]) dst[i] = v.readInteger();
                }
                ((IntVector) out).appendAll(dst, isNull, 0, k);
            }
            case LONG -> {
                if (longs.length < k) longs = new long[Math.max(k, 4096)];
                long[] dst = longs;
                if (dictionaryEncoded) {
                    long[] dict = dictionaryLongs;
                    for (int i = 0; i < k; i++) if (!isNull[i]) dst[i] = dict[v.readValueDictionaryId()];
                } else {
                    for (int i = 0; i < k; i++) if (!isNull[i]) dst[i] = v.readLong();
                }
                ((LongVector) out).appendAll(dst, isNull, 0, k);
            }
            case DOUBLE -> {
                if (doubles.length < k) doubles = new double[Math.max(k, 4096)];
                double[] dst = doubles;
                if (dictionaryEncoded) {
                    double[] dict = dictionaryDoubles;
                    for (int i = 0; i < k; i++) if (!isNull[i]) dst[i] = dict[v.readValueDictionaryId()];
                } else {
                    for (int i = 0; i < k; i++) if (!isNull[i]) dst[i] = v.readDouble();
                }
                ((DoubleVector) out).appendAll(dst, isNull, 0, k);
            }
            case BOOLEAN -> {
                if (booleans.length < k) booleans = new boolean[Math.max(k, 4096)];
                boolean[] dst = booleans;
                for (int i = 0; i < k; i++) if (!isNull[i]) dst[i] = v.readBoolean();
                ((BooleanVector) out).appendAll(dst, isNull, 0, k);
            }
            case BYTES -> {
                BytesVector b = (BytesVector) out;
                if (dictionaryEncoded) {
                    byte[][] dict = dictionaryBytes;
                    for (int i = 0; i < k; i++) {
                        if (isNull[i]) {
                            b.appendNull();
                        } else {
                            byte[] value = dict[v.readValueDictionaryId()];
                            b.append(value, 0, value.length);
                        }
                    }
                } else {
                    for (int i = 0; i < k; i++) {
                        if (isNull[i]) {
                            b.appendNull();
                        } else {
                            Binary value = v.readBytes();
                            java.nio.ByteBuffer buffer = value.toByteBuffer();
                            if (buffer.hasArray()) b.append(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
                            else b.append(value.getBytes());
                        }
                    }
                }
            }
        }
    }
}
