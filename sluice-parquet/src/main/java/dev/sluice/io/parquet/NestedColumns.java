package dev.sluice.io.parquet;

import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.MapType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.FlatVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nested columns of a projection (structs, lists, maps, repeated fields, in every legacy layout Spark
 * reads), read without record assembly: each leaf's levels and values are read for a batch of top-level rows
 * ({@link LeafColumn}), then {@link LevelNodes} builds the struct, array and map vectors from the levels.
 * Projection fields the file lacks read as null.
 */
final class NestedColumns {
    private final MessageType schema;
    /** Per projection field: its builder, or null when the file lacks it. */
    private final LevelNodes.Node[] columns;
    private final LeafColumn[] leaves;
    private final GroupConverter root;
    private final String createdBy;

    /** A layout the level builders do not cover; the reader then falls back to record assembly. */
    static final class UnsupportedLayout extends RuntimeException {
        UnsupportedLayout(String message) { super(message, null, false, false); }
    }

    /**
     * {@code requested}: the pruned file schema of {@code projection} (null when the file has none of it).
     * Throws {@link UnsupportedLayout} for a layout the builders do not cover.
     */
    NestedColumns(MessageType requested, StructType projection, String createdBy) {
        this.schema = requested;
        this.createdBy = createdBy;
        this.columns = new LevelNodes.Node[projection.size()];
        List<LeafColumn> all = new ArrayList<>();
        if (requested != null) {
            boolean[] used = new boolean[requested.getFieldCount()];
            for (int w = 0; w < projection.size(); w++) {
                StructField f = projection.field(w);
                int i = FieldNames.find(requested, f.name());
                if (i < 0 || used[i]) continue;
                used[i] = true;
                Type t = requested.getType(i);
                columns[w] = field(t, f.dataType(), 0, 0, 0, new String[]{t.getName()});
                all.addAll(Arrays.asList(columns[w].leaves));
            }
        }
        this.leaves = all.toArray(new LeafColumn[0]);
        Map<String, LeafColumn> byPath = new HashMap<>();
        for (LeafColumn l : leaves) byPath.put(String.join("\u0001", l.descriptor.getPath()), l);
        this.root = requested == null ? null : (GroupConverter) converter(requested, "", byPath);
    }

    /**
     * Positions every leaf at the start of a row group's chunks: their pages read directly, or through column
     * readers when the page index filtered them (the readers skip the rows left out in every leaf alike).
     */
    void startRowGroup(PageReadStore pages) {
        if (leaves.length == 0) return;
        if (pages.getRowIndexes().isPresent()) {
            ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, root, schema, createdBy);
            for (LeafColumn l : leaves) l.start(store.getColumnReader(l.descriptor));
        } else {
            for (LeafColumn l : leaves) l.start(pages.getPageReader(l.descriptor));
        }
    }

    /** Appends the next {@code n} rows of every nested column to {@code out} (aligned with the projection). */
    void read(FlatVector[] out, int n) {
        for (int w = 0; w < columns.length; w++) {
            if (columns[w] == null) for (int r = 0; r < n; r++) out[w].appendNull();
            else columns[w].bind(out[w]);
        }
        for (LeafColumn l : leaves) l.read(n);
        for (LevelNodes.Node c : columns) if (c != null) c.append(n);
        for (LeafColumn l : leaves) {
            if (l.position != l.entries) {
                throw new IllegalStateException("column " + Arrays.toString(l.descriptor.getPath()) + ": built "
                        + l.position + " of " + l.entries + " level entries");
            }
        }
    }

    /**
     * The builder of field {@code t} of a group whose definition and repetition levels are {@code parentDef}
     * and {@code parentRep}. A repeated field outside a LIST is an array that is never null.
     */
    private LevelNodes.Node field(Type t, DataType want, int parentDef, int parentRep, int slotDef, String[] path) {
        if (t.isRepetition(Type.Repetition.REPEATED)) {
            if (!(want instanceof ArrayType a)) throw ValueConverters.mismatch(t, ParquetTypes.fieldType(t), want);
            int def = parentDef + 1, rep = parentRep + 1;
            LevelNodes.Node element = value(t, a.elementType(), def, rep, -1, def, path);
            return new LevelNodes.Array(element.leaves, element, -1, def, rep);
        }
        boolean optional = t.isRepetition(Type.Repetition.OPTIONAL);
        int def = parentDef + (optional ? 1 : 0);
        return value(t, want, def, parentRep, optional ? def : -1, slotDef, path);
    }

    /**
     * The builder of one value of {@code t} (its repetition handled by the caller) at levels {@code def} and
     * {@code rep}; {@code present}: the level from which the value is not null, -1 when it never is.
     */
    private LevelNodes.Node value(Type t, DataType want, int def, int rep, int present, int slotDef, String[] path) {
        if (t.isPrimitive()) {
            ColumnDescriptor d = schema.getColumnDescription(path);
            if (d.getMaxDefinitionLevel() != def || d.getMaxRepetitionLevel() != rep) {
                throw new UnsupportedLayout("levels of " + String.join(".", path));
            }
            return new LevelNodes.Leaf(new LeafColumn(d, want, ValueConverters.create(t.asPrimitiveType(), want), slotDef));
        }
        GroupType g = t.asGroupType();
        LogicalTypeAnnotation a = g.getLogicalTypeAnnotation();
        if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
            if (!(want instanceof ArrayType arr)) throw ValueConverters.mismatch(t, ParquetTypes.valueType(t), want);
            Type repeated = g.getType(0);
            Type element = ParquetTypes.listElement(g);
            int elementDef = def + 1, elementRep = rep + 1;
            String[] repeatedPath = append(path, repeated.getName());
            LevelNodes.Node e;
            if (element == repeated) {   // two-level forms: the repeated field is the element
                e = value(repeated, arr.elementType(), elementDef, elementRep, -1, elementDef, repeatedPath);
            } else {
                if (element.isRepetition(Type.Repetition.REPEATED)) throw new UnsupportedLayout("repeated list element");
                e = field(element, arr.elementType(), elementDef, elementRep, elementDef,
                        append(repeatedPath, element.getName()));
            }
            return new LevelNodes.Array(e.leaves, e, present, elementDef, elementRep);
        }
        if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
                || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
            if (!(want instanceof MapType m)) throw ValueConverters.mismatch(t, ParquetTypes.valueType(t), want);
            GroupType kv = ParquetTypes.mapKeyValue(g);
            if (kv.getType(0).isRepetition(Type.Repetition.REPEATED)
                    || (kv.getFieldCount() > 1 && kv.getType(1).isRepetition(Type.Repetition.REPEATED))) {
                throw new UnsupportedLayout("repeated map key or value");
            }
            int entryDef = def + 1, entryRep = rep + 1;
            String[] kvPath = append(path, kv.getName());
            LevelNodes.Node key = field(kv.getType(0), m.keyType(), entryDef, entryRep, entryDef,
                    append(kvPath, kv.getType(0).getName()));
            LevelNodes.Node value = kv.getFieldCount() < 2 ? null
                    : field(kv.getType(1), m.valueType(), entryDef, entryRep, entryDef, append(kvPath, kv.getType(1).getName()));
            LeafColumn[] leaves = value == null ? key.leaves : concat(List.of(key, value));
            return new LevelNodes.Map(leaves, key, value, present, entryDef, entryRep);
        }
        if (!(want instanceof StructType s)) throw ValueConverters.mismatch(t, ParquetTypes.valueType(t), want);
        LevelNodes.Node[] slots = new LevelNodes.Node[g.getFieldCount()];
        int[] slotTarget = new int[slots.length];
        boolean[] found = new boolean[s.size()];
        for (int w = 0; w < s.size(); w++) {
            StructField f = s.field(w);
            int i = FieldNames.find(g, f.name());
            if (i < 0 || slots[i] != null) continue;
            slots[i] = field(g.getType(i), f.dataType(), def, rep, slotDef, append(path, g.getType(i).getName()));
            slotTarget[i] = w;
            found[w] = true;
        }
        for (LevelNodes.Node n : slots) {
            if (n == null) throw new IllegalStateException("pruned group " + g + " has a field not in " + want);
        }
        int[] missing = new int[s.size()];
        int m = 0;
        for (int w = 0; w < found.length; w++) if (!found[w]) missing[m++] = w;
        LeafColumn[] leaves = concat(List.of(slots));
        if (leaves.length == 0) throw new UnsupportedLayout("struct without columns");
        LeafColumn runLeaf = null;
        for (LeafColumn l : leaves) {
            if (l.maxRepetition == rep) {
                runLeaf = l;
                break;
            }
        }
        return new LevelNodes.Struct(leaves, slots, slotTarget, Arrays.copyOf(missing, m), present, runLeaf);
    }

    private static LeafColumn[] concat(List<LevelNodes.Node> nodes) {
        List<LeafColumn> out = new ArrayList<>();
        for (LevelNodes.Node n : nodes) out.addAll(Arrays.asList(n.leaves));
        return out.toArray(new LeafColumn[0]);
    }

    private static String[] append(String[] path, String name) {
        String[] out = Arrays.copyOf(path, path.length + 1);
        out[path.length] = name;
        return out;
    }

    /** The converter tree {@link ColumnReadStoreImpl} looks leaf converters up in, mirroring the schema. */
    private static Converter converter(Type t, String prefix, Map<String, LeafColumn> byPath) {
        String path = prefix.isEmpty() ? t.getName() : prefix + "\u0001" + t.getName();
        if (t.isPrimitive()) {
            LeafColumn l = byPath.get(path);
            if (l == null) throw new IllegalStateException("no leaf for " + path);
            return l.values.converter();
        }
        GroupType g = t.asGroupType();
        Converter[] children = new Converter[g.getFieldCount()];
        String childPrefix = t instanceof MessageType ? "" : path;
        for (int i = 0; i < children.length; i++) children[i] = converter(g.getType(i), childPrefix, byPath);
        return new GroupConverter() {
            @Override public Converter getConverter(int fieldIndex) { return children[fieldIndex]; }

            @Override public void start() { }

            @Override public void end() { }
        };
    }
}
