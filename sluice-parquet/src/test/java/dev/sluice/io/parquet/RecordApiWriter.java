package dev.sluice.io.parquet;

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
import java.util.List;

/**
 * The writer Sluice used before {@link ColumnarParquetWriter}: rows one at a time through parquet-java's record
 * API ({@link BatchWriteSupport}, {@link ValueWriters}), which computes repetition and definition levels itself.
 * Kept as the oracle the vector writer's levels, encodings and statistics are compared with.
 */
final class RecordApiWriter {
    private RecordApiWriter() {}

    static void write(OutputFile file, StructType schema, ParquetWriteOptions options, List<Batch> batches) throws IOException {
        BatchWriteSupport support = new BatchWriteSupport(schema, options);
        BatchWriteSupport.RowRef ref = new BatchWriteSupport.RowRef();
        try (ParquetWriter<BatchWriteSupport.RowRef> writer = new Builder(file, support)
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(ParquetCodecs.INSTANCE)
                .withCompressionCodec(options.codec())
                .withRowGroupSize(options.rowGroupSize())
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build()) {
            for (Batch batch : batches) {
                ref.batch = batch;
                for (int r = 0; r < batch.rowCount(); r++) {
                    ref.row = r;
                    writer.write(ref);
                }
            }
        }
    }

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
