package dev.sluice.io;

import dev.sluice.expr.Expression;
import dev.sluice.types.DataType;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.ArrayList;
import java.util.List;

/** Rows held in memory (createDataFrame), cut into fixed-size chunks, one split each. */
public final class MemorySource implements DataSource {
    private final StructType schema;
    private final List<Row> rows;
    private final int rowsPerSplit;

    public MemorySource(StructType schema, List<Row> rows, int rowsPerSplit) {
        this.schema = schema;
        this.rows = List.copyOf(rows);
        this.rowsPerSplit = Math.max(1, rowsPerSplit);
    }

    record Chunk(int from, int to) implements Split {
        @Override public String description() { return "rows [" + from + ", " + to + ")"; }
        @Override public long sizeInBytes() { return 0; }
    }

    @Override public String formatName() { return "memory"; }

    @Override public String description() { return rows.size() + " rows"; }

    @Override public StructType schema() { return schema; }

    /** The rows, for engines that hand them to another system (sluice-spark). */
    public List<Row> rows() { return rows; }

    @Override public long knownRowCount() { return rows.size(); }

    /** Rows times a default width per column type. */
    @Override public long estimatedSizeInBytes() { return rows.size() * dev.sluice.types.TypeSizes.rowWidth(schema); }

    @Override public List<Split> splits() {
        List<Split> out = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += rowsPerSplit) out.add(new Chunk(from, Math.min(rows.size(), from + rowsPerSplit)));
        return out;
    }

    @Override public BatchReader open(Split split, StructType projection, List<Expression> filters) {
        Chunk chunk = (Chunk) split;
        return new BatchReader() {
            boolean done;

            @Override public Batch next() {
                if (done) return null;
                done = true;
                ColumnVector[] columns = new ColumnVector[projection.size()];
                for (int c = 0; c < columns.length; c++) {
                    StructField f = projection.field(c);
                    int sourceIndex = schema.indexOf(f.name());
                    FlatVector v = Vectors.allocate(f.dataType(), chunk.to - chunk.from);
                    for (int r = chunk.from; r < chunk.to; r++) v.appendObject(narrow(rows.get(r).get(sourceIndex), f.dataType()));
                    columns[c] = v;
                }
                return new Batch(columns, chunk.to - chunk.from);
            }

            @Override public void close() { done = true; }
        };
    }

    /** A struct value cut down to the fields of a pruned type (also for other in-memory sources). */
    public static Object narrow(Object value, DataType type) {
        if (!(value instanceof Row row) || !(type instanceof StructType target)) return value;
        if (row.schema().equals(target)) return row;
        Object[] values = new Object[target.size()];
        for (int i = 0; i < values.length; i++) {
            StructField f = target.field(i);
            values[i] = narrow(row.get(row.schema().indexOf(f.name())), f.dataType());
        }
        return new Row(target, values);
    }
}
