package dev.sluice.io.parquet;

import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

import java.util.Map;

/**
 * Feeds rows of Sluice batches to parquet-java. Both {@code init} methods are overridden: the inherited
 * {@link #init(ParquetConfiguration)} converts to a Hadoop configuration, which must never happen here.
 */
final class BatchWriteSupport extends WriteSupport<BatchWriteSupport.RowRef> {
    /** The row being written; one mutable instance, so writing allocates nothing per row. */
    static final class RowRef {
        Batch batch;
        int row;
    }

    private final MessageType schema;
    private final ValueWriters.Fields fields;
    private RecordConsumer consumer;

    BatchWriteSupport(StructType sluiceSchema, ParquetWriteOptions options) {
        this.schema = SparkParquetSchema.of(sluiceSchema, options.timestampType());
        this.fields = new ValueWriters.Fields(sluiceSchema, options.timestampType());
    }

    @Override public WriteContext init(Configuration configuration) { return context(); }

    @Override public WriteContext init(ParquetConfiguration configuration) { return context(); }

    private WriteContext context() { return new WriteContext(schema, Map.of()); }

    @Override public String getName() { return "sluice"; }

    @Override public void prepareForWrite(RecordConsumer recordConsumer) { this.consumer = recordConsumer; }

    @Override public void write(RowRef ref) {
        consumer.startMessage();
        fields.write(consumer, ref.batch::column, ref.row);
        consumer.endMessage();
    }
}
