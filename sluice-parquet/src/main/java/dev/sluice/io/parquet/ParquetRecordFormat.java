package dev.sluice.io.parquet;

import dev.sluice.io.WriteBufferMemory;
import dev.sluice.io.RecordEncoder;
import dev.sluice.io.RecordFormat;
import dev.sluice.io.WriteMemory;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Parquet output: one Parquet file per output stream, laid out as Spark 4.1 writes it (see
 * {@link SparkParquetSchema}), written a vector at a time ({@link ColumnarParquetWriter}), compressed page by
 * page with the {@code compression} option. Compression
 * is the format's own business, so the sink must not compress the stream as well.
 */
final class ParquetRecordFormat implements RecordFormat {
    private final ParquetWriteOptions options;
    /** The column writers of this job's closed files, reused by its next files. */
    private final FlatWriterPool writers = new FlatWriterPool();

    /** A write is about to start: the costly class initializations of a first write begin in the background. */
    ParquetRecordFormat(ParquetWriteOptions options) {
        this.options = options;
        WriterClassWarmUp.start(options.codec());
    }

    ParquetWriteOptions options() { return options; }

    @Override public String extension() { return options.extension(); }

    @Override public boolean compressesItself() { return true; }

    @Override public RecordEncoder open(OutputStream out, StructType schema) { return open(out, schema, WriteMemory.UNBOUNDED); }

    /** The row group buffered in the heap is reserved from {@code memory}, and sized to what it grants. */
    @Override public RecordEncoder open(OutputStream out, StructType schema, WriteMemory memory) {
        WriteBufferMemory rowGroup = new WriteBufferMemory(memory);
        long rowGroupSize = rowGroup.reserveBuffer(options.rowGroupSize());
        ColumnarParquetWriter writer;
        try {
            writer = new ColumnarParquetWriter(new StreamOutputFile(out), schema, options, rowGroupSize, writers);
        } catch (IOException | RuntimeException e) {
            rowGroup.close();
            if (e instanceof IOException io) throw new UncheckedIOException(io);
            throw (RuntimeException) e;
        }
        return new RecordEncoder() {
            @Override public void write(Batch batch) {
                try {
                    writer.write(batch);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                rowGroup.cover(writer.bufferedSize());
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
}
