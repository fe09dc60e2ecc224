package dev.sluice.io.parquet;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.SplittableRandom;

/**
 * Writes seeded random records of any Parquet schema through parquet-java's record API (which computes the
 * levels itself): every optional field is sometimes absent, repeated fields repeat 0 to a few times and now and
 * then hundreds of times (lists that cross pages), so every nesting layout, legacy ones included, can be
 * produced with nulls at each level. Small pages and row groups make page and row-group boundaries frequent.
 */
final class RandomLayoutWriter {
    private RandomLayoutWriter() {}

    static void write(Path file, MessageType schema, int rows, long seed, ParquetProperties.WriterVersion version)
            throws IOException {
        write(file, schema, rows, seed, version, 1024 * 1024);
    }

    /** {@code dictionaryPageSize}: past it a column chunk's dictionary falls back to plain pages. */
    static void write(Path file, MessageType schema, int rows, long seed, ParquetProperties.WriterVersion version,
                      int dictionaryPageSize) throws IOException {
        Support support = new Support(schema, seed);
        try (ParquetWriter<Integer> writer = new Builder(new LocalOutputFile(file), support)
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(ParquetCodecs.INSTANCE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriterVersion(version)
                .withPageSize(2048)
                .withPageRowCountLimit(700)
                .withRowGroupSize(256 * 1024L)
                .withDictionaryEncoding(true)
                .withDictionaryPageSize(dictionaryPageSize)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build()) {
            for (int r = 0; r < rows; r++) writer.write(r);
        }
    }

    private static final class Support extends WriteSupport<Integer> {
        private final MessageType schema;
        private final SplittableRandom random;
        private RecordConsumer out;

        Support(MessageType schema, long seed) {
            this.schema = schema;
            this.random = new SplittableRandom(seed);
        }

        @Override public WriteContext init(Configuration configuration) { return new WriteContext(schema, new HashMap<>()); }

        @Override public WriteContext init(ParquetConfiguration configuration) { return new WriteContext(schema, new HashMap<>()); }

        @Override public void prepareForWrite(RecordConsumer recordConsumer) { this.out = recordConsumer; }

        @Override public void write(Integer row) {
            out.startMessage();
            out.startField("id", 0);   // every schema starts with the row number, to line rows up
            out.addInteger(row);
            out.endField("id", 0);
            fields(schema, 0, 1);
            out.endMessage();
        }

        private void fields(GroupType g, int depth, int first) {
            for (int i = first; i < g.getFieldCount(); i++) {
                Type f = g.getType(i);
                int count;
                if (f.isRepetition(Type.Repetition.REQUIRED)) count = 1;
                else if (f.isRepetition(Type.Repetition.OPTIONAL)) count = random.nextInt(5) == 0 ? 0 : 1;
                else count = repetitions(depth);
                if (count == 0) continue;
                out.startField(f.getName(), i);
                for (int k = 0; k < count; k++) value(f, depth);
                out.endField(f.getName(), i);
            }
        }

        private int repetitions(int depth) {
            int p = random.nextInt(1000);
            if (p < 2 && depth < 2) return 300 + random.nextInt(900);
            if (p < 100) return 10 + random.nextInt(30);
            if (p < 300) return 0;
            return 1 + random.nextInt(3);
        }

        private void value(Type f, int depth) {
            if (!f.isPrimitive()) {
                out.startGroup();
                fields(f.asGroupType(), depth + 1, 0);
                out.endGroup();
                return;
            }
            PrimitiveType p = f.asPrimitiveType();
            LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
            boolean decimal = a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
            switch (p.getPrimitiveTypeName()) {
                case BOOLEAN -> out.addBoolean(random.nextBoolean());
                case INT32 -> out.addInteger(decimal ? random.nextInt(-99_999, 100_000) : small() ? random.nextInt(8) : random.nextInt());
                case INT64 -> out.addLong(decimal ? random.nextLong(-999_999_999L, 1_000_000_000L)
                        : small() ? random.nextInt(8) : random.nextLong(-1L << 50, 1L << 50));
                case FLOAT -> out.addFloat((float) random.nextDouble(-1e6, 1e6));
                case DOUBLE -> out.addDouble(small() ? random.nextInt(8) : random.nextDouble(-1e9, 1e9));
                case INT96 -> {
                    ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
                    b.putLong(random.nextLong(86_400_000_000_000L)).putInt(2_440_588 + random.nextInt(20_000));
                    out.addBinary(Binary.fromConstantByteArray(b.array()));
                }
                case FIXED_LEN_BYTE_ARRAY -> {
                    byte[] bytes = new byte[p.getTypeLength()];
                    long v = random.nextLong(-999_999_999L, 1_000_000_000L);
                    for (int i = bytes.length - 1; i >= 0; i--) {
                        bytes[i] = (byte) v;
                        v >>= 8;   // sign-extends into the leading bytes
                    }
                    out.addBinary(Binary.fromConstantByteArray(bytes));
                }
                default -> {
                    if (decimal) {
                        out.addBinary(Binary.fromConstantByteArray(
                                java.math.BigInteger.valueOf(random.nextLong(-999_999_999L, 1_000_000_000L)).toByteArray()));
                    } else {
                        // a few distinct values, so that some pages are dictionary-encoded
                        out.addBinary(Binary.fromString(small() ? "v" + random.nextInt(8) : "s" + random.nextLong()));
                    }
                }
            }
        }

        private boolean small() { return random.nextInt(3) > 0; }
    }

    private static final class Builder extends ParquetWriter.Builder<Integer, Builder> {
        private final Support support;

        Builder(LocalOutputFile file, Support support) {
            super(file);
            this.support = support;
        }

        @Override protected Builder self() { return this; }

        @Override protected WriteSupport<Integer> getWriteSupport(Configuration conf) { return support; }

        @Override protected WriteSupport<Integer> getWriteSupport(ParquetConfiguration conf) { return support; }
    }
}
