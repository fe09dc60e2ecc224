package dev.sluice.io.parquet;

import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.MapType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.ArrayVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.MapVector;
import dev.sluice.vector.StructVector;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.Type;

/**
 * The nested part of the converter tree: structs, lists (standard and legacy forms) and maps, built over
 * a pruned Parquet schema (see {@link RequestedSchema}) and the Sluice types the query reads.
 */
final class GroupNodes {
    private GroupNodes() {}

    /** The node for one value of {@code t} (its repetition is the parent's business) read as {@code want}. */
    static VectorNode value(Type t, DataType want) {
        if (t.isPrimitive()) return ValueConverters.create(t.asPrimitiveType(), want);
        GroupType g = t.asGroupType();
        LogicalTypeAnnotation a = g.getLogicalTypeAnnotation();
        if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
            if (!(want instanceof ArrayType arr)) throw ValueConverters.mismatch(t, ParquetTypes.valueType(t), want);
            return new ListNode(g, arr);
        }
        if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
                || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
            if (!(want instanceof MapType m)) throw ValueConverters.mismatch(t, ParquetTypes.valueType(t), want);
            return new MapNode(g, m);
        }
        if (!(want instanceof StructType s)) throw ValueConverters.mismatch(t, ParquetTypes.valueType(t), want);
        return new StructNode(g, s);
    }

    /**
     * A child field of a group: fills a null when no value arrived for a parent row, or, for a repeated field
     * outside a LIST (an array in Sluice), closes the array row after its repetitions.
     */
    static final class Slot {
        private final VectorNode node;
        private final boolean repeated;
        private FlatVector target;
        private int mark;

        Slot(Type field, DataType want) {
            this.repeated = field.isRepetition(Type.Repetition.REPEATED);
            if (repeated && !(want instanceof ArrayType)) throw ValueConverters.mismatch(field, ParquetTypes.fieldType(field), want);
            this.node = value(field, repeated ? ((ArrayType) want).elementType() : want);
        }

        Converter converter() { return node.converter(); }

        void bind(FlatVector v) {
            target = v;
            node.bind(repeated ? ((ArrayVector) v).writableElements() : v);
        }

        void startRow() { mark = target.size(); }

        void endRow() {
            if (repeated) ((ArrayVector) target).finishRow();
            else if (target.size() == mark) target.appendNull();
        }
    }

    /**
     * The fields of a group matched to a struct type: {@code slots[i]} converts field i of the pruned group;
     * fields of the struct the file lacks are filled with nulls.
     */
    static final class Fields {
        final Slot[] slots;
        final int[] slotTarget;     // struct field index of each slot
        final int[] missing;        // struct field indexes with no Parquet field
        private FlatVector[] missingTargets;

        Fields(GroupType g, StructType want) {
            slots = new Slot[g.getFieldCount()];
            slotTarget = new int[slots.length];
            boolean[] found = new boolean[want.size()];
            for (int w = 0; w < want.size(); w++) {
                StructField f = want.field(w);
                int i = FieldNames.find(g, f.name());
                if (i < 0 || slots[i] != null) continue;
                slots[i] = new Slot(g.getType(i), f.dataType());
                slotTarget[i] = w;
                found[w] = true;
            }
            int n = 0;
            for (boolean b : found) if (!b) n++;
            missing = new int[n];
            n = 0;
            for (int w = 0; w < found.length; w++) if (!found[w]) missing[n++] = w;
            for (Slot s : slots) {
                if (s == null) throw new IllegalStateException("pruned group " + g + " has a field not in " + want);
            }
        }

        void bind(FlatVector[] targets) {
            for (int i = 0; i < slots.length; i++) slots[i].bind(targets[slotTarget[i]]);
            missingTargets = new FlatVector[missing.length];
            for (int i = 0; i < missing.length; i++) missingTargets[i] = targets[missing[i]];
        }

        void startRow() {
            for (Slot s : slots) s.startRow();
        }

        void endRow() {
            for (Slot s : slots) s.endRow();
            for (FlatVector m : missingTargets) m.appendNull();
        }
    }

    static final class StructNode extends GroupConverter implements VectorNode {
        private final Fields fields;
        private StructVector out;

        StructNode(GroupType g, StructType want) { this.fields = new Fields(g, want); }

        @Override public Converter converter() { return this; }

        @Override public void bind(FlatVector target) {
            out = (StructVector) target;
            FlatVector[] children = new FlatVector[out.fieldCount()];
            for (int i = 0; i < children.length; i++) children[i] = out.writableChild(i);
            fields.bind(children);
        }

        @Override public Converter getConverter(int fieldIndex) { return fields.slots[fieldIndex].converter(); }

        @Override public void start() { fields.startRow(); }

        @Override public void end() {
            fields.endRow();
            out.finishRow();
        }
    }

    /**
     * A LIST group. In the standard form the repeated group wraps an element that may be null; in the legacy
     * two-level forms the repeated field is the element itself.
     */
    static final class ListNode extends GroupConverter implements VectorNode {
        private final VectorNode element;
        private final Converter child;
        private ArrayVector out;
        private FlatVector elements;
        private int mark;

        ListNode(GroupType list, ArrayType want) {
            Type repeated = list.getType(0);
            Type elementType = ParquetTypes.listElement(list);
            this.element = value(elementType, want.elementType());
            if (elementType == repeated) {
                this.child = element.converter();
            } else {
                this.child = new GroupConverter() {   // the repeated group: one element per repetition
                    @Override public Converter getConverter(int fieldIndex) { return element.converter(); }

                    @Override public void start() { mark = elements.size(); }

                    @Override public void end() {
                        if (elements.size() == mark) elements.appendNull();
                    }
                };
            }
        }

        @Override public Converter converter() { return this; }

        @Override public void bind(FlatVector target) {
            out = (ArrayVector) target;
            elements = out.writableElements();
            element.bind(elements);
        }

        @Override public Converter getConverter(int fieldIndex) { return child; }

        @Override public void start() { }

        @Override public void end() { out.finishRow(); }
    }

    /** A MAP group: a repeated key-value group with a required key and an optional value. */
    static final class MapNode extends GroupConverter implements VectorNode {
        private final VectorNode key;
        private final VectorNode value;
        private final GroupConverter entry;
        private MapVector out;
        private FlatVector values;
        private int mark;

        MapNode(GroupType map, MapType want) {
            GroupType kv = ParquetTypes.mapKeyValue(map);
            this.key = value(kv.getType(0), want.keyType());
            this.value = kv.getFieldCount() > 1 ? value(kv.getType(1), want.valueType()) : null;
            this.entry = new GroupConverter() {
                @Override public Converter getConverter(int fieldIndex) {
                    return fieldIndex == 0 ? key.converter() : value.converter();
                }

                @Override public void start() { mark = values.size(); }

                @Override public void end() {
                    if (values.size() == mark) values.appendNull();
                }
            };
        }

        @Override public Converter converter() { return this; }

        @Override public void bind(FlatVector target) {
            out = (MapVector) target;
            values = out.writableValues();
            key.bind(out.writableKeys());
            if (value != null) value.bind(values);
        }

        @Override public Converter getConverter(int fieldIndex) { return entry; }

        @Override public void start() { }

        @Override public void end() { out.finishRow(); }
    }

    /** The whole record: its fields fill the columns of the batch being built. */
    static final class RootNode extends GroupConverter {
        private final Fields fields;

        RootNode(GroupType requested, StructType projection) { this.fields = new Fields(requested, projection); }

        void bind(FlatVector[] columns) { fields.bind(columns); }

        @Override public Converter getConverter(int fieldIndex) { return fields.slots[fieldIndex].converter(); }

        @Override public void start() { fields.startRow(); }

        @Override public void end() { fields.endRow(); }
    }
}
