package dev.sluice.io.parquet;

import dev.sluice.error.SluiceException;
import dev.sluice.vector.ColumnVector;

import java.util.List;

/**
 * One field of the written schema, shredded into Parquet's leaf columns the Dremel way: every leaf value (or
 * null) goes to its column with a repetition level (at which repeated ancestor a new element starts; 0 starts a
 * row) and a definition level (how many of its optional or repeated ancestors, itself included, are present).
 * The tree mirrors {@link SparkParquetSchema}: {@link LeafWriter} for primitives, {@link NestedLevelWriters} for
 * structs, lists and maps.
 */
abstract class LevelWriter {
    /** The definition level when this node's value is present; one less when an optional node is null. */
    final int definition;
    final boolean optional;
    final String name;

    LevelWriter(String name, int definition, boolean optional) {
        this.name = name;
        this.definition = definition;
        this.optional = optional;
    }

    /**
     * Writes {@code v[row]} (possibly null) given that the parent is present; the first value written to each
     * leaf gets repetition level {@code rl}.
     */
    abstract void write(ColumnVector v, int row, int rl);

    /** Writes rows {@code [from, to)} of a top-level column: each row starts a record (repetition level 0). */
    void writeColumn(ColumnVector v, int from, int to) {
        for (int r = from; r < to; r++) write(v, r, 0);
    }

    /** Writes a null to every leaf under this node, at definition level {@code dl}. */
    abstract void writeNulls(int rl, int dl);

    /** The leaves under this node, in schema order. */
    abstract void collectLeaves(List<LeafWriter> out);

    /** A null of this node: absent at the parent's level, or an error when the field is required. */
    final void writeNull(int rl) {
        if (!optional) throw nullInRequired(name);
        writeNulls(rl, definition - 1);
    }

    static SluiceException nullInRequired(String name) {
        return SluiceException.internal("a null reached the non-nullable field `" + name + "` while writing Parquet");
    }
}
