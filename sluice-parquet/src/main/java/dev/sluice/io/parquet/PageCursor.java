package dev.sluice.io.parquet;

import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The pages of one column chunk, decoded by parquet-java's own level and value decoders (data pages v1 and v2,
 * every encoding it supports) without a {@link org.apache.parquet.column.ColumnReader}: the caller reads a level
 * pair per entry and, where the definition level is full, a value (a dictionary id on dictionary-encoded pages).
 * Only for row groups the page index did not filter (a filtered chunk's pages must be lined up by row).
 */
final class PageCursor {
    private final ColumnDescriptor descriptor;
    private final int maxRepetition;
    private final int maxDefinition;

    private PageReader pages;
    private Dictionary dictionary;
    /** Entries left in the chunk, and in the current page. */
    private long chunkRemaining;
    int pageRemaining;
    ValuesReader values;
    boolean dictionaryEncoded;
    private ValuesReader repetitionV1;
    private ValuesReader definitionV1;
    private RunLengthBitPackingHybridDecoder repetitionV2;
    private RunLengthBitPackingHybridDecoder definitionV2;

    PageCursor(ColumnDescriptor descriptor) {
        this.descriptor = descriptor;
        this.maxRepetition = descriptor.getMaxRepetitionLevel();
        this.maxDefinition = descriptor.getMaxDefinitionLevel();
    }

    /** Starts a chunk; returns its dictionary, or null. */
    Dictionary start(PageReader pages) {
        this.pages = pages;
        this.chunkRemaining = pages.getTotalValueCount();
        this.pageRemaining = 0;
        DictionaryPage page = pages.readDictionaryPage();
        try {
            dictionary = page == null ? null : page.getEncoding().initDictionary(descriptor, page);
        } catch (IOException e) {
            throw new IllegalStateException("cannot decode the dictionary of column " + Arrays.toString(descriptor.getPath()), e);
        }
        return dictionary;
    }

    /** Whether entries are left in the chunk. */
    boolean hasNext() { return chunkRemaining > 0; }

    /** Entries left in the current page, reading the next page when it is done (call only when {@link #hasNext}). */
    int available() {
        if (pageRemaining == 0) nextPage();
        return pageRemaining;
    }

    /** Marks {@code count} entries of the current page read (their levels, and their values where present). */
    void consumed(int count) {
        pageRemaining -= count;
        chunkRemaining -= count;
    }

    int repetition() {
        if (maxRepetition == 0) return 0;
        try {
            return repetitionV2 != null ? repetitionV2.readInt() : repetitionV1.readInteger();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int definition() {
        if (maxDefinition == 0) return 0;
        try {
            return definitionV2 != null ? definitionV2.readInt() : definitionV1.readInteger();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Dictionary dictionary() { return dictionary; }

    private void nextPage() {
        DataPage page = pages.readPage();
        if (page == null) throw new IllegalStateException("column " + Arrays.toString(descriptor.getPath()) + " ends early");
        try {
            page.accept(new DataPage.Visitor<Void>() {
                @Override public Void visit(DataPageV1 v1) {
                    try {
                        ByteBufferInputStream in = v1.getBytes().toInputStream();
                        int count = v1.getValueCount();
                        repetitionV1 = v1.getRlEncoding().getValuesReader(descriptor, ValuesType.REPETITION_LEVEL);
                        repetitionV1.initFromPage(count, in);
                        definitionV1 = v1.getDlEncoding().getValuesReader(descriptor, ValuesType.DEFINITION_LEVEL);
                        definitionV1.initFromPage(count, in);
                        repetitionV2 = null;
                        definitionV2 = null;
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
                        repetitionV1 = null;
                        definitionV1 = null;
                        repetitionV2 = maxRepetition == 0 ? null : new RunLengthBitPackingHybridDecoder(
                                BytesUtils.getWidthFromMaxInt(maxRepetition), v2.getRepetitionLevels().toInputStream());
                        definitionV2 = maxDefinition == 0 ? null : new RunLengthBitPackingHybridDecoder(
                                BytesUtils.getWidthFromMaxInt(maxDefinition), v2.getDefinitionLevels().toInputStream());
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

    private void startValues(Encoding encoding, int count, ByteBufferInputStream in) throws IOException {
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
