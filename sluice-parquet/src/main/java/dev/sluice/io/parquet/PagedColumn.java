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
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

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

    private PageReader pages;
    private Dictionary dictionary;
    private int[] dictionaryInts;
    private long[] dictionaryLongs;
    private double[] dictionaryDoubles;
    private byte[][] dictionaryBytes;

    private int pageRemaining;
    private ValuesReader values;
    private boolean dictionaryEncoded;
    private RunLengthBitPackingHybridDecoder levelsV2;
    private ValuesReader levelsV1;

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
    }

    /** The paged reader of a column read as {@code want}, or null when its values need a conversion. */
    static PagedColumn of(ColumnDescriptor descriptor, PrimitiveType p, DataType want) {
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        if (want instanceof DecimalType || a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) return null;
        boolean unsigned = a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned();
        Kind kind = switch (p.getPrimitiveTypeName()) {
            case INT32 -> want.storesInt() ? Kind.INT : null;
            case INT64 -> want.storesLong() && !unsigned && !(a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts
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
        this.pages = pages;
        this.pageRemaining = 0;
        DictionaryPage page = pages.readDictionaryPage();
        dictionary = null;
        if (page == null) return;
        try {
            dictionary = page.getEncoding().initDictionary(descriptor, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            if (pageRemaining == 0) nextPage();
            int k = Math.min(n - done, pageRemaining);
            readRun(out, k);
            pageRemaining -= k;
            done += k;
        }
    }

    private void readRun(FlatVector out, int k) {
        if (nulls.length < k) nulls = new boolean[Math.max(k, 4096)];
        boolean[] isNull = nulls;
        for (int i = 0; i < k; i++) isNull[i] = nextLevel() != maxDefinition;
        ValuesReader v = values;
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

    private int nextLevel() {
        if (maxDefinition == 0) return 0;
        try {
            return levelsV2 != null ? levelsV2.readInt() : levelsV1.readInteger();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void nextPage() {
        DataPage page = pages.readPage();
        if (page == null) throw new IllegalStateException("column " + Arrays.toString(descriptor.getPath()) + " has fewer values than rows");
        try {
            page.accept(new DataPage.Visitor<Void>() {
                @Override public Void visit(DataPageV1 v1) {
                    try {
                        ByteBufferInputStream in = v1.getBytes().toInputStream();
                        int count = v1.getValueCount();
                        ValuesReader repetition = v1.getRlEncoding().getValuesReader(descriptor, ValuesType.REPETITION_LEVEL);
                        repetition.initFromPage(count, in);
                        levelsV1 = v1.getDlEncoding().getValuesReader(descriptor, ValuesType.DEFINITION_LEVEL);
                        levelsV1.initFromPage(count, in);
                        levelsV2 = null;
                        startValues(v1.getValueEncoding(), count, in);
                        pageRemaining = count;
                        return null;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override public Void visit(DataPageV2 v2) {
                    try {
                        int count = v2.getValueCount();
                        levelsV1 = null;
                        levelsV2 = maxDefinition == 0 ? null : new RunLengthBitPackingHybridDecoder(
                                org.apache.parquet.bytes.BytesUtils.getWidthFromMaxInt(maxDefinition),
                                v2.getDefinitionLevels().toInputStream());
                        startValues(v2.getDataEncoding(), count, v2.getData().toInputStream());
                        pageRemaining = count;
                        return null;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("cannot decode a page of column " + Arrays.toString(descriptor.getPath()), e.getCause());
        }
    }

    private void startValues(org.apache.parquet.column.Encoding encoding, int count, ByteBufferInputStream in) throws IOException {
        dictionaryEncoded = encoding.usesDictionary();
        if (dictionaryEncoded) {
            if (dictionary == null) throw new IllegalStateException("a dictionary-encoded page without a dictionary");
            values = encoding.getDictionaryBasedValuesReader(descriptor, ValuesType.VALUES, dictionary);
        } else {
            values = encoding.getValuesReader(descriptor, ValuesType.VALUES);
        }
        values.initFromPage(count, in);
    }
}
