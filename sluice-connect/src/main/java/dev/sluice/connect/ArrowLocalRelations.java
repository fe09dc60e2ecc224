package dev.sluice.connect;

import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A local relation's Arrow IPC stream ({@code createDataFrame} from pandas, Arrow or rows) decoded column by column
 * into Sluice batches of exactly {@code rowsPerBatch} rows (the last one shorter), the cuts a {@link
 * dev.sluice.io.MemorySource} of the same rows makes, whatever the client's Arrow batch boundaries. Columns are named
 * and typed as {@link ArrowRows#decode} names them: by the client's schema when given (positionally; a column the
 * stream lacks is null), else by the stream's.
 */
final class ArrowLocalRelations {
    private ArrowLocalRelations() {}

    static LocalBatchSource decode(BufferAllocator allocator, byte[] data, StructType schema, int rowsPerBatch) {
        int perBatch = Math.max(1, rowsPerBatch);
        try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(data), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            StructType out = schema != null ? schema : ArrowRows.schemaOf(root);
            List<Batch> batches = new ArrayList<>();
            FlatVector[] columns = null;
            int filled = 0;
            while (reader.loadNextBatch()) {
                int n = root.getRowCount();
                for (int at = 0; at < n; ) {
                    if (columns == null) columns = allocate(out, perBatch);
                    int take = Math.min(n - at, perBatch - filled);
                    for (int c = 0; c < out.size(); c++) {
                        if (c < root.getFieldVectors().size()) {
                            FieldVector v = root.getVector(c);
                            ArrowColumnReader.append(v, at, at + take, out.field(c).dataType(), columns[c]);
                        } else {
                            for (int r = 0; r < take; r++) columns[c].appendNull();
                        }
                    }
                    at += take;
                    filled += take;
                    if (filled == perBatch) {
                        batches.add(new Batch(columns, filled));
                        columns = null;
                        filled = 0;
                    }
                }
            }
            if (filled > 0) {
                for (FlatVector v : columns) v.trimToSize();
                batches.add(new Batch(columns, filled));
            }
            return new LocalBatchSource(out, batches);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FlatVector[] allocate(StructType schema, int rows) {
        FlatVector[] columns = new FlatVector[schema.size()];
        for (int c = 0; c < columns.length; c++) columns[c] = Vectors.allocate(schema.field(c).dataType(), rows);
        return columns;
    }
}
