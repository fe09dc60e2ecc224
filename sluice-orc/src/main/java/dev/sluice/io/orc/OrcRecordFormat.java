package dev.sluice.io.orc;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.RecordEncoder;
import dev.sluice.io.RecordFormat;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.CompressionKind;
import org.apache.orc.OrcFile;
import org.apache.orc.TypeDescription;
import org.apache.orc.Writer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * ORC output through ORC's writer, with Spark's {@code compression} names (none/uncompressed, zlib, snappy, zstd,
 * lz4; Spark 4's default zstd) and Spark's type mapping; timestamps as UTC instants. The writer holds a stripe in
 * memory (ORC's default 64 MiB) before it writes it.
 */
final class OrcRecordFormat implements RecordFormat {
    private final CompressionKind compression;

    OrcRecordFormat(String compression) { this.compression = kind(compression == null ? "zstd" : compression); }

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
        return switch (compression) {
            case NONE -> "orc";
            case ZLIB -> "zlib.orc";
            default -> compression.name().toLowerCase(Locale.ROOT) + ".orc";
        };
    }

    @Override public boolean compressesItself() { return true; }

    @Override public RecordEncoder open(OutputStream out, StructType schema) {
        TypeDescription orc = OrcTypes.toOrc(schema, "the row");
        Configuration conf = OrcSource.conf();
        Writer writer;
        try {
            writer = OrcFile.createWriter(StorageFileSystem.path("part.orc"), OrcFile.writerOptions(conf).setSchema(orc)
                    .compress(compression).fileSystem(StorageFileSystem.writing(out, conf)).useUTCTimestamp(true).overwrite(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        VectorizedRowBatch batch = orc.createRowBatch(Batch.DEFAULT_SIZE);
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
            }

            @Override public void close() {
                try {
                    if (batch.size > 0) flush();
                    writer.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
