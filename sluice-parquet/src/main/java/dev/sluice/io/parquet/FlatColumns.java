package dev.sluice.io.parquet;

import dev.sluice.types.DataType;
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
 * The top-level primitive columns of a projection, read a column at a time with no record assembly: a page at
 * a time into primitive arrays ({@link PagedColumn}) for the types read as stored, else through the column's
 * {@link ColumnReader} a value at a time (a value where the definition level is full, a null elsewhere) via the
 * same {@link ValueConverters} as the nested path, so widening and decimal conversion are shared.
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
            DataType want = projection.field(targets[i]).dataType();
            columns[i] = new Column(d, ValueConverters.create(p, want), targets[i],
                    ParquetBatchReader.CONVERTERS_ONLY ? null : PagedColumn.of(d, p, want));
        }
    }

    boolean isEmpty() { return columns.length == 0; }

    /**
     * Positions every column at the start of a row group's chunks: a page at a time where it can, unless the
     * page index filtered the pages (then parquet-java's column readers line the kept rows up across columns).
     */
    void startRowGroup(PageReadStore pages) {
        if (columns.length == 0) return;
        boolean filtered = pages.getRowIndexes().isPresent();
        ColumnReadStoreImpl store = null;
        for (Column c : columns) {
            c.pagedNow = c.paged != null && !filtered;
            if (c.pagedNow) {
                c.paged.startRowGroup(pages.getPageReader(c.descriptor));
            } else {
                if (store == null) store = new ColumnReadStoreImpl(pages, new Root(), schema, createdBy);
                c.reader = store.getColumnReader(c.descriptor);
            }
        }
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
        /** The page-at-a-time reader, null for a column whose values need a conversion. */
        final PagedColumn paged;
        boolean pagedNow;
        ColumnReader reader;

        Column(ColumnDescriptor descriptor, VectorNode node, int target, PagedColumn paged) {
            this.descriptor = descriptor;
            this.node = node;
            this.target = target;
            this.paged = paged;
            this.maxDefinition = descriptor.getMaxDefinitionLevel();
        }

        void read(FlatVector vector, int n) {
            if (pagedNow) {
                paged.read(vector, n);
                return;
            }
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
