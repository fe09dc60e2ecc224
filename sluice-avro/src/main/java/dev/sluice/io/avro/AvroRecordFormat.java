package dev.sluice.io.avro;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.RecordEncoder;
import dev.sluice.io.RecordFormat;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Avro output: one object container file per stream, schema as Spark writes it ({@link AvroTypes#toAvro}),
 * blocks compressed with the {@code compression} option (Spark's default snappy; uncompressed, deflate,
 * zstandard, bzip2, xz). The format compresses itself, so the sink writes the stream as it is.
 */
final class AvroRecordFormat implements RecordFormat {
    private final String compression;

    AvroRecordFormat(String compression) {
        this.compression = compression == null ? "snappy" : compression.toLowerCase(Locale.ROOT);
        codec();   // refuse an unknown codec when the write is defined
    }

    private CodecFactory codec() {
        return switch (compression) {
            case "uncompressed", "none" -> CodecFactory.nullCodec();
            case "snappy" -> CodecFactory.snappyCodec();
            case "deflate" -> CodecFactory.deflateCodec(CodecFactory.DEFAULT_DEFLATE_LEVEL);
            case "zstandard", "zstd" -> CodecFactory.zstandardCodec(CodecFactory.DEFAULT_ZSTANDARD_LEVEL);
            case "bzip2" -> CodecFactory.bzip2Codec();
            case "xz" -> CodecFactory.xzCodec(CodecFactory.DEFAULT_XZ_LEVEL);
            default -> throw SluiceException.of(ErrorCode.INVALID_OPTION).with("option", "compression").with("value", compression)
                    .with("reason", "Avro codecs are uncompressed, snappy, deflate, zstandard, bzip2 and xz").build();
        };
    }

    @Override public String extension() { return "avro"; }

    @Override public boolean compressesItself() { return true; }

    @Override public RecordEncoder open(OutputStream out, StructType type) {
        Schema schema = AvroTypes.toAvro(type);
        List<Function<Object, Object>> writers = new ArrayList<>();
        for (int i = 0; i < type.size(); i++) writers.add(AvroValues.writer(type.field(i).dataType(), schema.getFields().get(i).schema()));
        DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema));
        writer.setCodec(codec());
        try {
            writer.create(schema, new NonClosing(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RecordEncoder() {
            @Override public void write(Batch batch) {
                try {
                    for (int r = 0; r < batch.rowCount(); r++) {
                        GenericData.Record rec = new GenericData.Record(schema);
                        for (int c = 0; c < writers.size(); c++) rec.put(c, writers.get(c).apply(batch.column(c).getObject(r)));
                        writer.append(rec);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override public void close() {
                try {
                    writer.close();   // flushes the last block; the stream stays open (owned by the sink)
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** The sink owns the stream: Avro's writer must not close it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) { super(out); }

        @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }

        @Override public void close() throws IOException { out.flush(); }
    }
}
