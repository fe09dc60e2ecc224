package dev.sluice;

import dev.sluice.exec.CloseableIterator;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.NoSuchElementException;

/** Rows gathered into batches of up to {@code size} rows: {@link Engine#toLocalBatches} for engines that stream rows. */
final class RowBatches implements CloseableIterator<Batch> {
    private final StructType schema;
    private final CloseableIterator<Row> rows;
    private final int size;

    RowBatches(StructType schema, CloseableIterator<Row> rows, int size) {
        this.schema = schema;
        this.rows = rows;
        this.size = size;
    }

    @Override public boolean hasNext() { return rows.hasNext(); }

    @Override public Batch next() {
        if (!rows.hasNext()) throw new NoSuchElementException();
        FlatVector[] columns = new FlatVector[schema.size()];
        for (int c = 0; c < columns.length; c++) columns[c] = Vectors.allocate(schema.field(c).dataType(), size);
        int n = 0;
        while (n < size && rows.hasNext()) {
            Row row = rows.next();
            for (int c = 0; c < columns.length; c++) columns[c].appendObject(row.get(c));
            n++;
        }
        return new Batch(columns.length == 0 ? new ColumnVector[0] : columns, n);
    }

    @Override public void close() { rows.close(); }
}
