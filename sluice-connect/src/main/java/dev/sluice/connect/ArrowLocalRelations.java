package dev.sluice.connect;

import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;
import org.apache.arrow.memory.BufferAllocator;
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
        return decode(allocator, List.of(data), schema, rowsPerBatch);
    }

    /** Several IPC streams read one after another as one table (a large local relation's chunks), typed by the first. */
    static LocalBatchSource decode(BufferAllocator allocator, List<byte[]> streams, StructType schema, int rowsPerBatch) {
        Cuts cuts = new Cuts(Math.max(1, rowsPerBatch));
        StructType out = schema;
        for (byte[] data : streams) {
            try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(data), allocator)) {
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                if (out == null) out = ArrowRows.schemaOf(root);
                while (reader.loadNextBatch()) cuts.append(root, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new LocalBatchSource(out, cuts.finish());
    }

    /** Sluice batches of exactly {@code perBatch} rows filled from Arrow record batches of any size. */
    private static final class Cuts {
        private final int perBatch;
        private final List<Batch> batches = new ArrayList<>();
        private FlatVector[] columns;
        private int filled;

        Cuts(int perBatch) { this.perBatch = perBatch; }

        void append(VectorSchemaRoot root, StructType schema) {
            int n = root.getRowCount();
            for (int at = 0; at < n; ) {
                if (columns == null) columns = allocate(schema, perBatch);
                int take = Math.min(n - at, perBatch - filled);
                for (int c = 0; c < schema.size(); c++) {
                    if (c < root.getFieldVectors().size()) {
                        ArrowColumnReader.append(root.getVector(c), at, at + take, schema.field(c).dataType(), columns[c]);
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

        List<Batch> finish() {
            if (filled > 0) {
                for (FlatVector v : columns) v.trimToSize();
                batches.add(new Batch(columns, filled));
            }
            return batches;
        }
    }

    private static FlatVector[] allocate(StructType schema, int rows) {
        FlatVector[] columns = new FlatVector[schema.size()];
        for (int c = 0; c < columns.length; c++) columns[c] = Vectors.allocate(schema.field(c).dataType(), rows);
        return columns;
    }
}
