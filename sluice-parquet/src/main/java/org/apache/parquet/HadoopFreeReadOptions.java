package org.apache.parquet;

import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;

import java.util.Map;

/**
 * Builds {@link ParquetReadOptions} without touching Hadoop. parquet-java's public builder creates Hadoop's
 * codec factory and looks up a Hadoop input format in its constructor, so it fails when Hadoop is not on
 * the class path; the options' own constructor is package-private, hence this one class in parquet's package.
 * Sluice filters row groups itself, so parquet's own filters are off, except page-index filtering when asked.
 */
public final class HadoopFreeReadOptions {
    private HadoopFreeReadOptions() {}

    public static ParquetReadOptions create(CompressionCodecFactory codecs) { return create(codecs, FilterCompat.NOOP); }

    /**
     * With {@code pageFilter} (not NOOP), {@code ParquetFileReader.readFilteredRowGroup} reads only the pages
     * whose column index says they may hold matching rows; records are not filtered (the engine does that).
     */
    public static ParquetReadOptions create(CompressionCodecFactory codecs, FilterCompat.Filter pageFilter) {
        return new ParquetReadOptions(
                false,   // useSignedStringMinMax: ignore binary statistics of old, buggy writers
                false,   // useStatsFilter
                false,   // useDictionaryFilter
                false,   // useRecordFilter
                pageFilter != FilterCompat.NOOP,   // useColumnIndexFilter
                false,   // usePageChecksumVerification
                false,   // useBloomFilter
                false,   // useOffHeapDecryptBuffer
                false,   // useHadoopVectoredIo
                pageFilter,
                ParquetMetadataConverter.NO_FILTER,
                codecs,
                new HeapByteBufferAllocator(),
                8 * 1024 * 1024,
                Map.of(),
                null,
                null,
                new PlainParquetConfiguration());
    }
}
