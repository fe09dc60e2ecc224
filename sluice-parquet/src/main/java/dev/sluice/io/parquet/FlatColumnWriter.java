package dev.sluice.io.parquet;

import dev.sluice.error.SluiceException;
import dev.sluice.vector.ColumnVector;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.SizeStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.statistics.geospatial.GeospatialStatistics;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.schema.PrimitiveType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * One top-level primitive column of a row group, written a vector at a time: what parquet-java's
 * {@code ColumnWriterV1} over its default (V1) values writers produces for the same values, page for page, but
 * with a typed loop per vector, a dictionary keyed on the raw values ({@link LongDictionary},
 * {@link BytesDictionary}), and page statistics taken once per vector from its minimum and maximum.
 *
 * <p>The encoding decisions are parquet-java's: values go to a dictionary (PLAIN_DICTIONARY) until it holds more
 * than the dictionary page size (1 MiB), when the page being written and every later page of the chunk are PLAIN;
 * at the end of the chunk's first page the dictionary is also dropped for PLAIN unless the dictionary-encoded page
 * plus the dictionary are smaller than the plain values. Levels and the RLE/bit-packed dictionary ids are encoded
 * as parquet-java's encoders encode them ({@link DefinitionLevels}, {@link DictionaryIds}), pages go through its page writer (compression, page headers, column and offset
 * indexes, chunk statistics).
 */
abstract class FlatColumnWriter {
    final ColumnDescriptor descriptor;
    final PrimitiveType type;
    final boolean optional;
    final String name;
    private final int maxDictionaryBytes;
    private final ValuesWriter repetition;
    /**
     * Required columns: parquet-java's (empty) levels writer; optional ones: {@link #levels}, and none of
     * parquet-java's (its RLE writer would load its bit packers for nothing).
     */
    private final ValuesWriter definition;
    private final DefinitionLevels levels;
    private PageWriter pages;

    // the page being written
    private int valueCount;
    private long rowsWrittenSoFar;
    /** Plain size of the page's values, as parquet-java's fallback writer counts it (its buffered size). */
    long rawBytes;
    Statistics<?> statistics;
    long unencodedBytes;
    int[] ids = new int[1024];
    int idCount;
    final PlainBuffer plain;
    /** Where the typed loops sum the dictionary slots they load ahead ({@link LongDictionary#touch}), so the loads stay. */
    long touched;
    private final DictionaryIds idEncoder = new DictionaryIds();

    /** Pages written by this writer, over all its chunks (never reset, so a stale mark cannot match). */
    private int pagesWritten;

    // the chunk's dictionary
    boolean fellBack;
    private boolean firstPage = true;
    private boolean usedDictionary;
    long dictionaryBytes;
    private int lastUsedDictionarySize;

    FlatColumnWriter(String name, boolean optional, ColumnDescriptor descriptor, ParquetProperties props) {
        this.name = name;
        this.optional = optional;
        this.descriptor = descriptor;
        this.type = descriptor.getPrimitiveType();
        this.maxDictionaryBytes = props.getDictionaryPageSizeThreshold();
        this.repetition = props.newRepetitionLevelWriter(descriptor);
        this.definition = optional ? null : props.newDefinitionLevelWriter(descriptor);
        this.levels = optional ? new DefinitionLevels() : null;
        this.plain = new PlainBuffer(props.getInitialSlabSize());
        this.statistics = Statistics.createStats(type);
    }

    /** Starts a new column chunk into {@code pages} (a new row group). */
    void bind(PageWriter pages) {
        this.pages = pages;
        rowsWrittenSoFar = 0;
        fellBack = false;
        firstPage = true;
        usedDictionary = false;
        dictionaryBytes = 0;
        lastUsedDictionarySize = 0;
        clearDictionary();
    }

    /** Writes rows {@code [from, to)} of {@code v}; each row is one value (or null) of this column. */
    abstract void write(ColumnVector v, int from, int to);

    /** Entries in the dictionary. */
    abstract int dictionarySize();

    /** Appends dictionary entry {@code id} to {@link #plain}. */
    abstract void writePlainEntry(int id);

    abstract void clearDictionary();

    /** Empties the dictionary and lets go of the memory it grew: no page of the chunk will refer to it. */
    abstract void releaseDictionary();

    // ---- for the typed loops

    /** A null: definition level 0 and the statistics' null count. */
    final void writeNull() {
        if (!optional) throw LevelWriter.nullInRequired(name);
        levels.write(0);
        statistics.incrementNumNulls();
    }

    /** The definition level of a present value. */
    final void present() {
        if (levels != null) levels.write(1);
    }

    /** The definition levels of {@code count} present values. */
    final void presentRun(int count) {
        if (levels != null) levels.writeRepeated(1, count);
    }

    final void counted(int values) { valueCount += values; }

    /** The number of the page being written (distinct for every page this writer writes). */
    final int pageNumber() { return pagesWritten + 1; }

    /**
     * Appends a dictionary id of the page. Written to stay under C1's inlining limit (35 bytes of bytecode; the growth
     * is a call of its own): every dictionary-encoded value of every column comes through here, and under C1 alone
     * (the launcher's policy for a short job) a call per value is what the typed loops would otherwise pay.
     */
    final void addId(int id) {
        int n = idCount;
        if (n == ids.length) growIds();
        ids[n] = id;
        idCount = n + 1;
    }

    private void growIds() { ids = Arrays.copyOf(ids, ids.length * 2); }

    /** A new dictionary entry of {@code bytes} bytes; past the dictionary page size the column falls back to PLAIN. */
    final void grewDictionary(int bytes) {
        dictionaryBytes += bytes;
        if (dictionaryBytes > maxDictionaryBytes) fallBack();
    }

    /**
     * From here on PLAIN: the page's dictionary ids become plain values. The dictionary stays when an earlier page
     * used it (its page ends the chunk); else it goes now, with the memory it grew (up to the dictionary page size
     * in entries, and a hash table around them), rather than live on until the chunk ends: a writer holds its
     * chunk for the whole row group, long enough for what it holds to be promoted to the old generation and left
     * there as garbage when the file closes (docs/benchmark.md, "Q1's peak RSS and the flat writers").
     */
    private void fallBack() {
        fellBack = true;
        for (int i = 0; i < idCount; i++) writePlainEntry(ids[i]);
        idCount = 0;
        if (!usedDictionary) {
            releaseDictionary();
            dictionaryBytes = 0;
            lastUsedDictionarySize = 0;
        }
    }

    // ---- pages, as parquet-java's column writer and store see them

    int valueCount() { return valueCount; }

    long rowsWrittenSoFar() { return rowsWrittenSoFar; }

    long currentPageBufferedSize() {
        return repetition.getBufferedSize() + (levels != null ? levels.bufferedSize() : definition.getBufferedSize()) + rawBytes;
    }

    long totalBufferedSize() { return currentPageBufferedSize() + pages.getMemSize(); }

    void writePage() {
        if (valueCount == 0) throw SluiceException.internal("writing an empty Parquet page of column " + name);
        try {
            BytesInput values;
            Encoding encoding;
            if (!fellBack && firstPage && dictionaryBytes >= rawBytes) {
                // every value of the page distinct: the dictionary alone is as big as the plain values, so it does
                // not pay whatever its ids take (what the check below decides, without encoding them to see)
                fallBack();
                values = plain.bytesInput();
                encoding = Encoding.PLAIN;
            } else if (!fellBack) {
                values = dictionaryIds();
                if (firstPage && values.size() + dictionaryBytes >= rawBytes) {   // the dictionary does not pay
                    fallBack();
                    values = plain.bytesInput();
                    encoding = Encoding.PLAIN;
                } else {
                    encoding = Encoding.PLAIN_DICTIONARY;
                    usedDictionary = true;
                }
            } else {
                values = plain.bytesInput();
                encoding = Encoding.PLAIN;
            }
            SizeStatistics sizes = new SizeStatistics(type, unencodedBytes, new ArrayList<>(), new ArrayList<>());
            BytesInput definitions = levels != null ? levels.toBytes() : definition.getBytes();
            pages.writePage(BytesInput.concat(repetition.getBytes(), definitions, values), valueCount,
                    valueCount, statistics, sizes, GeospatialStatistics.newBuilder(type).build(),
                    repetition.getEncoding(), levels != null ? levels.encoding() : definition.getEncoding(), encoding);
        } catch (IOException e) {
            throw SluiceException.internal("could not write a Parquet page of column " + name + ": " + e.getMessage());
        }
        repetition.reset();
        if (definition != null) definition.reset();
        if (levels != null) levels.reset();
        plain.reset();
        idCount = 0;
        rawBytes = 0;
        unencodedBytes = 0;
        firstPage = false;
        pagesWritten++;
        rowsWrittenSoFar += valueCount;
        valueCount = 0;
        statistics = Statistics.createStats(type);
    }

    /** The page's dictionary ids: their bit width (from the dictionary's size), then RLE / bit-packed runs. */
    private BytesInput dictionaryIds() {
        int bitWidth = BytesUtils.getWidthFromMaxInt(dictionarySize() - 1);
        lastUsedDictionarySize = dictionarySize();
        return idEncoder.encode(ids, idCount, bitWidth);
    }

    /** Ends the chunk: the dictionary page, when some data page used it (its entries up to that page's last). */
    void finishChunk() {
        if (!usedDictionary || lastUsedDictionarySize == 0) return;
        plain.reset();
        for (int id = 0; id < lastUsedDictionarySize; id++) writePlainEntry(id);
        try {
            pages.writeDictionaryPage(new DictionaryPage(plain.bytesInput(), lastUsedDictionarySize, Encoding.PLAIN_DICTIONARY));
        } catch (IOException e) {
            throw SluiceException.internal("could not write the Parquet dictionary of column " + name + ": " + e.getMessage());
        }
        plain.reset();
    }

    /** Lets go of the page being encoded (the row group ended or failed); the writer can start another chunk. */
    void endChunk() {
        repetition.reset();
        if (definition != null) definition.reset();
        if (levels != null) levels.reset();
        plain.reset();
        idCount = 0;
        rawBytes = 0;
        unencodedBytes = 0;
        valueCount = 0;
        pagesWritten++;
        statistics = Statistics.createStats(type);
    }
}
