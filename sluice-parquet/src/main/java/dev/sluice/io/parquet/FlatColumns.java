package dev.sluice.io.parquet;

import dev.sluice.types.StructType;
import dev.sluice.vector.FlatVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.util.List;

/**
 * The top-level primitive columns of a projection, read a column at a time: each column's pages are decoded by
 * its own {@link ColumnReader} straight into the column's vector (a value where the definition level is full, a
 * null elsewhere), with no record assembly. Values go through the same {@link ValueConverters} as the nested
 * path, so widening and dictionary decoding are shared.
 */
final class FlatColumns {
    private final MessageType schema;
    private final Column[] columns;
    private final String createdBy;

    /** {@code fields}: top-level primitive, non-repeated fields of the file; {@code targets}: their projection indexes. */
    FlatColumns(String messageName, List<Type> fields, int[] targets, StructType projection, String createdBy) {
        this.schema = new MessageType(messageName, fields);
        this.createdBy = createdBy;
        this.columns = new Column[fields.size()];
        for (int i = 0; i < columns.length; i++) {
            PrimitiveType p = fields.get(i).asPrimitiveType();
            ColumnDescriptor d = schema.getColumnDescription(new String[]{p.getName()});
            columns[i] = new Column(d, ValueConverters.create(p, projection.field(targets[i]).dataType()), targets[i]);
        }
    }

    boolean isEmpty() { return columns.length == 0; }

    /** Positions every column at the start of a row group's chunks. */
    void startRowGroup(PageReadStore pages) {
        if (columns.length == 0) return;
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, new Root(), schema, createdBy);
        for (Column c : columns) c.reader = store.getColumnReader(c.descriptor);
    }

    /** Appends the next {@code n} rows of every column to its projection vector in {@code out}. */
    void read(FlatVector[] out, int n) {
        for (Column c : columns) c.read(out[c.target], n);
    }

    private final class Root extends GroupConverter {
        @Override public Converter getConverter(int fieldIndex) { return columns[fieldIndex].node.converter(); }

        @Override public void start() { }

        @Override public void end() { }
    }

    private static final class Column {
        final ColumnDescriptor descriptor;
        final VectorNode node;
        final int target;
        final int maxDefinition;
        ColumnReader reader;

        Column(ColumnDescriptor descriptor, VectorNode node, int target) {
            this.descriptor = descriptor;
            this.node = node;
            this.target = target;
            this.maxDefinition = descriptor.getMaxDefinitionLevel();
        }

        void read(FlatVector vector, int n) {
            node.bind(vector);
            ColumnReader r = reader;
            int full = maxDefinition;
            for (int i = 0; i < n; i++) {
                if (r.getCurrentDefinitionLevel() == full) r.writeCurrentValueToConverter();
                else vector.appendNull();
                r.consume();
            }
        }
    }

    static boolean isFlat(Type t) { return t.isPrimitive() && !t.isRepetition(Type.Repetition.REPEATED); }
}
