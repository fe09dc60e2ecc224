package dev.sluice;

import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;

import java.util.List;

/** Turns batches into rows at the edge of the engine (collect, toLocalIterator); never on the hot path. */
final class Rows {
    private Rows() {}

    static void appendTo(List<Row> out, StructType schema, Batch batch) {
        int columns = batch.columnCount();
        for (int r = 0; r < batch.rowCount(); r++) {
            Object[] values = new Object[columns];
            for (int c = 0; c < columns; c++) values[c] = batch.column(c).getObject(r);
            out.add(new Row(schema, values));
        }
    }
}
