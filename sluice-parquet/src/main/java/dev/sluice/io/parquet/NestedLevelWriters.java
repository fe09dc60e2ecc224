package dev.sluice.io.parquet;

import dev.sluice.vector.ColumnVector;

import java.util.List;

/**
 * Structs, lists and maps as {@link SparkParquetSchema} lays them out. A null or empty value writes one null to
 * every leaf below it, at the definition level it reached; the elements of a list (or entries of a map) repeat
 * at the repeated group's repetition level after the first.
 */
final class NestedLevelWriters {
    private NestedLevelWriters() {}

    static final class StructWriter extends LevelWriter {
        private final LevelWriter[] fields;

        StructWriter(String name, int definition, boolean optional, LevelWriter[] fields) {
            super(name, definition, optional);
            this.fields = fields;
        }

        @Override void write(ColumnVector v, int row, int rl) {
            if (v.isNull(row)) {
                writeNull(rl);
                return;
            }
            for (int i = 0; i < fields.length; i++) fields[i].write(v.child(i), row, rl);
        }

        /** A top-level struct without nulls is written field by field, each a top-level column of its own. */
        @Override void writeColumn(ColumnVector v, int from, int to) {
            if (v.mayHaveNulls()) {
                super.writeColumn(v, from, to);
                return;
            }
            for (int i = 0; i < fields.length; i++) fields[i].writeColumn(v.child(i), from, to);
        }

        @Override void writeNulls(int rl, int dl) {
            for (LevelWriter f : fields) f.writeNulls(rl, dl);
        }

        @Override void collectLeaves(List<LeafWriter> out) {
            for (LevelWriter f : fields) f.collectLeaves(out);
        }
    }

    /**
     * {@code group name (LIST) { repeated group list { element } }}: an empty list is present at this node's
     * definition level; its elements are one level deeper (the repeated group) plus the element's own.
     */
    static final class ListWriter extends LevelWriter {
        private final LevelWriter element;
        private final int repetition;

        ListWriter(String name, int definition, boolean optional, LevelWriter element, int repetition) {
            super(name, definition, optional);
            this.element = element;
            this.repetition = repetition;
        }

        @Override void write(ColumnVector v, int row, int rl) {
            if (v.isNull(row)) {
                writeNull(rl);
                return;
            }
            int n = v.arrayLength(row);
            if (n == 0) {
                element.writeNulls(rl, definition);
                return;
            }
            ColumnVector elements = v.elements();
            int offset = v.arrayOffset(row);
            element.write(elements, offset, rl);
            for (int i = 1; i < n; i++) element.write(elements, offset + i, repetition);
        }

        @Override void writeNulls(int rl, int dl) { element.writeNulls(rl, dl); }

        @Override void collectLeaves(List<LeafWriter> out) { element.collectLeaves(out); }
    }

    /** {@code group name (MAP) { repeated group key_value { required key; value } }}, levels as for a list. */
    static final class MapWriter extends LevelWriter {
        private final LevelWriter key;
        private final LevelWriter value;
        private final int repetition;

        MapWriter(String name, int definition, boolean optional, LevelWriter key, LevelWriter value, int repetition) {
            super(name, definition, optional);
            this.key = key;
            this.value = value;
            this.repetition = repetition;
        }

        @Override void write(ColumnVector v, int row, int rl) {
            if (v.isNull(row)) {
                writeNull(rl);
                return;
            }
            int n = v.arrayLength(row);
            if (n == 0) {
                writeNulls(rl, definition);
                return;
            }
            ColumnVector keys = v.elements();
            ColumnVector values = v.mapValues();
            int offset = v.arrayOffset(row);
            for (int i = 0; i < n; i++) {
                int r = i == 0 ? rl : repetition;
                key.write(keys, offset + i, r);
                value.write(values, offset + i, r);
            }
        }

        @Override void writeNulls(int rl, int dl) {
            key.writeNulls(rl, dl);
            value.writeNulls(rl, dl);
        }

        @Override void collectLeaves(List<LeafWriter> out) {
            key.collectLeaves(out);
            value.collectLeaves(out);
        }
    }
}
