package dev.sluice.io.orc;

import dev.sluice.io.WriteBufferMemory;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.RecordEncoder;
import dev.sluice.io.RecordFormat;
import dev.sluice.io.WriteMemory;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.CompressionKind;
import org.apache.orc.OrcConf;
import org.apache.orc.OrcFile;
import org.apache.orc.TypeDescription;
import org.apache.orc.Writer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * ORC output through ORC's writer, with Spark's {@code compression} names (none/uncompressed, zlib, snappy, zstd,
 * lz4; Spark 4's default zstd), the {@code orc.*} settings of {@link OrcWriteOptions} and Spark's type mapping;
 * timestamps as UTC instants. The writer holds a stripe in the heap before it writes it: the stripe is sized to the
 * task's memory budget and reserved from it ({@link WriteBufferMemory}), ORC's {@code orc.stripe.size} (64 MiB by
 * default) being the most it asks for.
 */
final class OrcRecordFormat implements RecordFormat {
    /**
     * Rows handed to ORC at a time, and between two of its memory checks: small enough that a check sees a stripe
     * overshoot by one such batch of wide rows at most.
     */
    static final int ROWS_PER_CHECK = 1024;

    private final OrcWriteOptions options;

    OrcRecordFormat(OrcWriteOptions options) { this.options = options; }

    static CompressionKind kind(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "none", "uncompressed" -> CompressionKind.NONE;
            case "zlib" -> CompressionKind.ZLIB;
            case "snappy" -> CompressionKind.SNAPPY;
            case "zstd" -> CompressionKind.ZSTD;
            case "lz4" -> CompressionKind.LZ4;
            default -> throw SluiceException.of(ErrorCode.INVALID_OPTION).with("option", "compression").with("value", "'" + name + "'")
                    .with("reason", "ORC writes none, uncompressed, zlib, snappy, zstd or lz4").build();
        };
    }

    @Override public String extension() {
        return switch (options.compression()) {
            case NONE -> "orc";
            case ZLIB -> "zlib.orc";
            default -> options.compression().name().toLowerCase(Locale.ROOT) + ".orc";
        };
    }

    @Override public boolean compressesItself() { return true; }

    @Override public RecordEncoder open(OutputStream out, StructType schema) { return open(out, schema, WriteMemory.UNBOUNDED); }

    @Override public RecordEncoder open(OutputStream out, StructType schema, WriteMemory memory) {
        TypeDescription orc = OrcTypes.toOrc(schema, "the row");
        Configuration conf = options.configure(OrcSource.conf(), schema);
        conf.setLong(OrcConf.ROWS_BETWEEN_CHECKS.getAttribute(), ROWS_PER_CHECK);
        WriteBufferMemory stripe = new WriteBufferMemory(memory);
        Writer writer;
        try {
            long stripeSize = stripe.reserveBuffer(options.stripeSize());
            writer = OrcFile.createWriter(StorageFileSystem.path("part.orc"), OrcFile.writerOptions(conf).setSchema(orc)
                    .compress(options.compression()).stripeSize(stripeSize).memory(new OwnStripeMemoryManager())
                    .fileSystem(StorageFileSystem.writing(out, conf)).useUTCTimestamp(true).overwrite(true));
        } catch (IOException | RuntimeException e) {
            stripe.close();
            if (e instanceof IOException io) throw new UncheckedIOException(io);
            throw (RuntimeException) e;
        }
        VectorizedRowBatch batch = orc.createRowBatch(ROWS_PER_CHECK);
        return new RecordEncoder() {
            @Override public void write(Batch in) {
                try {
                    for (int r = 0; r < in.rowCount(); r++) {
                        int row = batch.size++;
                        for (int c = 0; c < schema.size(); c++) OrcValues.write(batch.cols[c], schema.field(c).dataType(), row, in.column(c).getObject(r));
                        if (batch.size == batch.getMaxSize()) flush();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            private void flush() throws IOException {
                writer.addRowBatch(batch);
                batch.reset();
                stripe.cover(writer.estimateMemory());
            }

            @Override public void close() {
                try {
                    if (batch.size > 0) flush();
                    writer.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    stripe.close();
                }
            }
        };
    }
}
