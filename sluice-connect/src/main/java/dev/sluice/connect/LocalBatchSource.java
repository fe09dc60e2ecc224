package dev.sluice.connect;

import dev.sluice.expr.Expression;
import dev.sluice.io.BatchReader;
import dev.sluice.io.DataSource;
import dev.sluice.io.MemorySource;
import dev.sluice.io.Split;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * A local relation a client sent, held as the Sluice batches {@link ArrowLocalRelations} decoded it into: the same
 * table as a {@link MemorySource} of its rows (format {@code memory}, one split per batch cut at the same row counts,
 * the same size estimate and row count), without a Row or boxed value per cell.
 */
final class LocalBatchSource implements DataSource {
    private final StructType schema;
    private final List<Batch> batches;
    private final long rows;

    LocalBatchSource(StructType schema, List<Batch> batches) {
        this.schema = schema;
        this.batches = List.copyOf(batches);
        long n = 0;
        for (Batch b : batches) n += b.rowCount();
        this.rows = n;
    }

    private record Chunk(int index, long from, long to) implements Split {
        @Override public String description() { return "rows [" + from + ", " + to + ")"; }
        @Override public long sizeInBytes() { return 0; }
    }

    @Override public String formatName() { return "memory"; }

    @Override public String description() { return rows + " rows"; }

    @Override public StructType schema() { return schema; }

    @Override public long knownRowCount() { return rows; }

    @Override public long estimatedSizeInBytes() { return rows * dev.sluice.types.TypeSizes.rowWidth(schema); }

    @Override public List<Split> splits() {
        List<Split> out = new ArrayList<>(batches.size());
        long from = 0;
        for (int i = 0; i < batches.size(); i++) {
            out.add(new Chunk(i, from, from + batches.get(i).rowCount()));
            from += batches.get(i).rowCount();
        }
        return out;
    }

    @Override public BatchReader open(Split split, StructType projection, List<Expression> filters) {
        Batch batch = batches.get(((Chunk) split).index());
        return new BatchReader() {
            boolean done;

            @Override public Batch next() {
                if (done) return null;
                done = true;
                ColumnVector[] columns = new ColumnVector[projection.size()];
                for (int c = 0; c < columns.length; c++) columns[c] = column(batch, projection.field(c));
                return new Batch(columns, batch.rowCount());
            }

            @Override public void close() { done = true; }
        };
    }

    /** The batch's column of a projected field, shared when its type is the table's, else narrowed as MemorySource does. */
    private ColumnVector column(Batch batch, StructField field) {
        int index = schema.indexOf(field.name());
        ColumnVector whole = batch.column(index);
        if (schema.field(index).dataType().equals(field.dataType())) return whole;
        FlatVector narrowed = Vectors.allocate(field.dataType(), batch.rowCount());
        for (int r = 0; r < batch.rowCount(); r++) narrowed.appendObject(MemorySource.narrow(whole.getObject(r), field.dataType()));
        return narrowed;
    }
}
