package dev.sluice.io.parquet;

import dev.sluice.error.SluiceException;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.MapType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.schema.MessageType;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes batches column by column into a row group's {@link ColumnWriteStore}: one {@link LevelWriter} tree per
 * top-level field, built beside {@link SparkParquetSchema}'s message, whose leaves' levels it checks against
 * parquet-java's own column descriptors.
 */
final class BatchShredder {
    private final MessageType schema;
    private final LevelWriter[] columns;
    private final List<LeafWriter> leaves = new ArrayList<>();

    BatchShredder(StructType sluiceSchema, ParquetWriteOptions.TimestampType ts) {
        this.schema = SparkParquetSchema.of(sluiceSchema, ts);
        this.columns = new LevelWriter[sluiceSchema.size()];
        for (int i = 0; i < columns.length; i++) {
            StructField f = sluiceSchema.field(i);
            columns[i] = node(f.name(), f.dataType(), f.nullable(), 0, 0, new ArrayList<>(), ts);
            columns[i].collectLeaves(leaves);
        }
    }

    MessageType schema() { return schema; }

    /** Points every leaf at its column writer in {@code store} (a new one per row group). */
    void bind(ColumnWriteStore store) {
        for (LeafWriter leaf : leaves) leaf.bind(store);
    }

    /**
     * Writes rows {@code [from, to)} of {@code batch}, one column after the other, then ends those records in the
     * store (which is when it cuts pages).
     */
    void write(Batch batch, int from, int to, ColumnWriteStore store) {
        for (int i = 0; i < columns.length; i++) columns[i].writeColumn(batch.column(i), from, to);
        for (int r = from; r < to; r++) store.endRecord();
    }

    private LevelWriter node(String name, DataType type, boolean nullable, int parentDefinition, int repetition,
                             List<String> parentPath, ParquetWriteOptions.TimestampType ts) {
        int definition = parentDefinition + (nullable ? 1 : 0);
        List<String> path = new ArrayList<>(parentPath);
        path.add(name);
        if (type instanceof StructType s) {
            LevelWriter[] fields = new LevelWriter[s.size()];
            for (int i = 0; i < fields.length; i++) {
                StructField f = s.field(i);
                fields[i] = node(f.name(), f.dataType(), f.nullable(), definition, repetition, path, ts);
            }
            return new NestedLevelWriters.StructWriter(name, definition, nullable, fields);
        }
        if (type instanceof ArrayType a) {   // the repeated group `list` adds a level of each kind
            path.add("list");
            LevelWriter element = node("element", a.elementType(), a.containsNull(), definition + 1, repetition + 1, path, ts);
            return new NestedLevelWriters.ListWriter(name, definition, nullable, element, repetition + 1);
        }
        if (type instanceof MapType m) {
            path.add("key_value");
            LevelWriter key = node("key", m.keyType(), false, definition + 1, repetition + 1, path, ts);
            LevelWriter value = node("value", m.valueType(), m.valueContainsNull(), definition + 1, repetition + 1, path, ts);
            return new NestedLevelWriters.MapWriter(name, definition, nullable, key, value, repetition + 1);
        }
        ColumnDescriptor d = schema.getColumnDescription(path.toArray(new String[0]));
        if (d.getMaxDefinitionLevel() != definition || d.getMaxRepetitionLevel() != repetition) {
            throw SluiceException.internal("Parquet levels of " + path + ": computed (" + repetition + ", " + definition
                    + "), the schema says (" + d.getMaxRepetitionLevel() + ", " + d.getMaxDefinitionLevel() + ")");
        }
        return LeafWriter.of(name, type, ts, definition, nullable, d);
    }
}
