package dev.sluice.io.parquet;

import dev.sluice.io.RecordEncoder;
import dev.sluice.io.RecordFormat;
import dev.sluice.io.WriteMemory;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Parquet output: one Parquet file per output stream, laid out as Spark 4.1 writes it (see
 * {@link SparkParquetSchema}), compressed page by page with the {@code compression} option. Compression
 * is the format's own business, so the sink must not compress the stream as well.
 */
final class ParquetRecordFormat implements RecordFormat {
    private final ParquetWriteOptions options;

    ParquetRecordFormat(ParquetWriteOptions options) { this.options = options; }

    ParquetWriteOptions options() { return options; }

    @Override public String extension() { return options.extension(); }

    @Override public boolean compressesItself() { return true; }

    @Override public RecordEncoder open(OutputStream out, StructType schema) { return open(out, schema, WriteMemory.UNBOUNDED); }

    /** The row group buffered in the heap is reserved from {@code memory}, and sized to what it grants. */
    @Override public RecordEncoder open(OutputStream out, StructType schema, WriteMemory memory) {
        RowGroupMemory rowGroup = new RowGroupMemory(memory);
        long rowGroupSize = rowGroup.reserveRowGroup(options.rowGroupSize());
        StreamOutputFile file = new StreamOutputFile(out);
        ParquetWriter<BatchWriteSupport.RowRef> writer;
        try {
            writer = new Builder(file, new BatchWriteSupport(schema, options))
                    .withConf(new PlainParquetConfiguration())
                    .withCodecFactory(ParquetCodecs.INSTANCE)
                    .withCompressionCodec(options.codec())
                    .withRowGroupSize(rowGroupSize)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .build();
        } catch (IOException | RuntimeException e) {
            rowGroup.close();
            if (e instanceof IOException io) throw new UncheckedIOException(io);
            throw (RuntimeException) e;
        }
        BatchWriteSupport.RowRef ref = new BatchWriteSupport.RowRef();
        return new RecordEncoder() {
            @Override public void write(Batch batch) {
                ref.batch = batch;
                try {
                    for (int r = 0; r < batch.rowCount(); r++) {
                        ref.row = r;
                        writer.write(ref);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                ref.batch = null;
                // the writer's size is what it wrote plus what it buffers; what reached the stream is no longer held
                rowGroup.cover(writer.getDataSize() - file.position());
            }

            @Override public void close() {
                try {
                    writer.close();   // writes the last row group and the footer; the stream stays open
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    rowGroup.close();
                }
            }
        };
    }

    /** parquet-java's writer builder, with both write-support lookups overridden to stay clear of Hadoop. */
    private static final class Builder extends ParquetWriter.Builder<BatchWriteSupport.RowRef, Builder> {
        private final BatchWriteSupport support;

        Builder(OutputFile file, BatchWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override protected Builder self() { return this; }

        @Override protected WriteSupport<BatchWriteSupport.RowRef> getWriteSupport(Configuration conf) { return support; }

        @Override protected WriteSupport<BatchWriteSupport.RowRef> getWriteSupport(ParquetConfiguration conf) { return support; }
    }
}
