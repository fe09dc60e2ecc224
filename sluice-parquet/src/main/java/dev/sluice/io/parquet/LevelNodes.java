package dev.sluice.io.parquet;

import dev.sluice.vector.ArrayVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.MapVector;
import dev.sluice.vector.StructVector;

import java.util.Arrays;

/**
 * Builders of nested vectors from the levels of the leaf columns beneath them (see {@link LeafColumn}), with
 * no record assembly: a struct's nulls, a list's or map's nulls, empties and element counts are read off the
 * levels of one of its leaves (all leaves beneath a node agree on the levels above it), and whole runs of
 * slots are handed down to the children at once. Built by {@link NestedColumns}; targets change every batch.
 */
final class LevelNodes {
    private LevelNodes() {}

    /** Builds one vector (a column, a struct field, a list element, a map key or value). */
    abstract static sealed class Node permits Leaf, Struct, Array, Map {
        /** The leaves beneath this node, in schema order. */
        final LeafColumn[] leaves;

        Node(LeafColumn[] leaves) { this.leaves = leaves; }

        abstract void bind(FlatVector target);

        /** Appends {@code count} slots to the target, consuming their entries in every leaf beneath. */
        abstract void append(int count);

        /** One entry consumed in every leaf beneath, the slot having been filled as a whole. */
        final void skipEntry() {
            for (LeafColumn l : leaves) l.skip();
        }
    }

    /** A primitive value: its slots are the leaf's next entries. */
    static final class Leaf extends Node {
        private final LeafColumn leaf;

        Leaf(LeafColumn leaf) {
            super(new LeafColumn[]{leaf});
            this.leaf = leaf;
        }

        @Override void bind(FlatVector target) { leaf.bind(target); }

        @Override void append(int count) { leaf.take(count); }
    }

    /** A struct; a field the file lacks reads as null. */
    static final class Struct extends Node {
        private final Node[] children;
        private final int[] childTargets;
        private final int[] missing;
        /** The definition level from which a value is present; -1 for a required struct. */
        private final int presentLevel;
        /** A leaf with one entry per slot of this struct (no repeated field between), or null. */
        private final LeafColumn runLeaf;
        private StructVector out;
        private FlatVector[] missingTargets;

        Struct(LeafColumn[] leaves, Node[] children, int[] childTargets, int[] missing, int presentLevel, LeafColumn runLeaf) {
            super(leaves);
            this.children = children;
            this.childTargets = childTargets;
            this.missing = missing;
            this.presentLevel = presentLevel;
            this.runLeaf = runLeaf;
        }

        @Override void bind(FlatVector target) {
            out = (StructVector) target;
            for (int i = 0; i < children.length; i++) children[i].bind(out.writableChild(childTargets[i]));
            missingTargets = new FlatVector[missing.length];
            for (int i = 0; i < missing.length; i++) missingTargets[i] = out.writableChild(missing[i]);
        }

        @Override void append(int count) {
            if (presentLevel < 0) {
                appendPresent(count);
            } else if (runLeaf != null) {
                int[] d = runLeaf.definition;
                int present = presentLevel;
                int i = 0;
                while (i < count) {
                    int start = runLeaf.position;   // slot i's entry: the run leaf has one entry per slot
                    int j = 0;
                    while (i + j < count && d[start + j] >= present) j++;
                    if (j > 0) {
                        appendPresent(j);
                        i += j;
                    }
                    while (i < count && d[runLeaf.position] < present) {
                        out.appendNull();   // also appends a null to every child
                        skipEntry();
                        i++;
                    }
                }
            } else {
                LeafColumn first = leaves[0];
                for (int i = 0; i < count; i++) {
                    if (first.definition[first.position] < presentLevel) {
                        out.appendNull();
                        skipEntry();
                    } else {
                        appendPresent(1);
                    }
                }
            }
        }

        private void appendPresent(int count) {
            for (Node c : children) c.append(count);
            for (FlatVector m : missingTargets) for (int i = 0; i < count; i++) m.appendNull();
            out.finishRows(count);
        }
    }

    /**
     * An array: a LIST group (standard or legacy form) or a repeated field outside one. Entries below
     * {@code presentLevel} are null arrays, below {@code elementLevel} empty ones; the elements of an array are
     * the entries up to the next repetition level below {@code repetitionLevel}.
     */
    static final class Array extends Node {
        private final Node element;
        private final int presentLevel;
        private final int elementLevel;
        private final int repetitionLevel;
        private ArrayVector out;
        private FlatVector elements;
        private int[] ends = new int[64];

        Array(LeafColumn[] leaves, Node element, int presentLevel, int elementLevel, int repetitionLevel) {
            super(leaves);
            this.element = element;
            this.presentLevel = presentLevel;
            this.elementLevel = elementLevel;
            this.repetitionLevel = repetitionLevel;
        }

        @Override void bind(FlatVector target) {
            out = (ArrayVector) target;
            elements = out.writableElements();
            element.bind(elements);
        }

        @Override void append(int count) {
            LeafColumn first = leaves[0];
            int[] d = first.definition, r = first.repetition;
            int end = first.entries, rep = repetitionLevel;
            int run = 0, pending = 0;
            int j = first.position;
            for (int i = 0; i < count; i++) {
                int level = d[j];
                if (level < elementLevel) {
                    if (run > 0) {
                        flush(run, pending);
                        run = 0;
                        pending = 0;
                    }
                    if (level < presentLevel) out.appendNull();
                    else out.finishRow();
                    skipEntry();
                    j++;
                } else {
                    int n = 1;
                    j++;
                    while (j < end && r[j] >= rep) {
                        if (r[j] == rep) n++;
                        j++;
                    }
                    pending += n;
                    if (run == ends.length) ends = Arrays.copyOf(ends, run * 2);
                    ends[run++] = pending;
                }
            }
            if (run > 0) flush(run, pending);
        }

        private void flush(int rows, int total) {
            int base = elements.size();
            element.append(total);
            out.finishRows(ends, 0, rows, base);
        }
    }

    /** A MAP group (or MAP_KEY_VALUE): as {@link Array}, with keys and values; a file map without values reads null values. */
    static final class Map extends Node {
        private final Node key;
        private final Node value;
        private final int presentLevel;
        private final int elementLevel;
        private final int repetitionLevel;
        private MapVector out;
        private FlatVector values;

        Map(LeafColumn[] leaves, Node key, Node value, int presentLevel, int elementLevel, int repetitionLevel) {
            super(leaves);
            this.key = key;
            this.value = value;
            this.presentLevel = presentLevel;
            this.elementLevel = elementLevel;
            this.repetitionLevel = repetitionLevel;
        }

        @Override void bind(FlatVector target) {
            out = (MapVector) target;
            key.bind(out.writableKeys());
            values = out.writableValues();
            if (value != null) value.bind(values);
        }

        @Override void append(int count) {
            LeafColumn first = leaves[0];
            int[] d = first.definition, r = first.repetition;
            int end = first.entries, rep = repetitionLevel;
            for (int i = 0; i < count; i++) {
                int j = first.position;
                int level = d[j];
                if (level < elementLevel) {
                    if (level < presentLevel) out.appendNull();
                    else out.finishRow();
                    skipEntry();
                    continue;
                }
                int n = 1;
                j++;
                while (j < end && r[j] >= rep) {
                    if (r[j] == rep) n++;
                    j++;
                }
                key.append(n);
                if (value != null) value.append(n);
                else for (int k = 0; k < n; k++) values.appendNull();
                out.finishRow();
            }
        }
    }
}
