package dev.sluice.io.parquet;

import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.MapType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Schema pruning: the part of a file's schema a projection needs, nested fields included, so that only
 * those column chunks are read. Structs keep the requested fields (in file order); list and map wrappers
 * are kept and their elements pruned. A field the file lacks is left out (it reads as null); a struct none
 * of whose requested fields exist is left out too.
 */
final class RequestedSchema {
    private RequestedSchema() {}

    static MessageType prune(MessageType file, StructType projection) {
        GroupType pruned = pruneStruct(file, projection);
        return new MessageType(file.getName(), pruned == null ? List.of() : pruned.getFields());
    }

    /** {@code t} (a field, with its repetition) narrowed to {@code want}; null when nothing of it is needed. */
    static Type prune(Type t, DataType want) {
        if (t.isRepetition(Type.Repetition.REPEATED)) {
            if (!(want instanceof ArrayType a)) throw ValueConverters.mismatch(t, ParquetTypes.fieldType(t), want);
            return pruneValue(t, a.elementType());
        }
        return pruneValue(t, want);
    }

    private static Type pruneValue(Type t, DataType want) {
        if (t.isPrimitive()) return t;
        GroupType g = t.asGroupType();
        LogicalTypeAnnotation a = g.getLogicalTypeAnnotation();
        if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
            if (!(want instanceof ArrayType arr)) throw ValueConverters.mismatch(t, ParquetTypes.valueType(t), want);
            Type repeated = g.getType(0);
            Type element = ParquetTypes.listElement(g);
            if (element == repeated) {
                Type pe = pruneValue(repeated, arr.elementType());
                return pe == null ? null : g.withNewFields(pe);
            }
            Type pe = prune(element, arr.elementType());
            return pe == null ? null : g.withNewFields(repeated.asGroupType().withNewFields(pe));
        }
        if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
                || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
            if (!(want instanceof MapType m)) throw ValueConverters.mismatch(t, ParquetTypes.valueType(t), want);
            GroupType kv = ParquetTypes.mapKeyValue(g);
            if (kv.getFieldCount() < 2) return g;
            Type value = prune(kv.getType(1), m.valueType());
            return g.withNewFields(kv.withNewFields(kv.getType(0), value == null ? kv.getType(1) : value));
        }
        if (!(want instanceof StructType s)) throw ValueConverters.mismatch(t, ParquetTypes.valueType(t), want);
        return pruneStruct(g, s);
    }

    private static GroupType pruneStruct(GroupType g, StructType want) {
        Type[] kept = new Type[g.getFieldCount()];
        for (StructField f : want.fields()) {
            int i = FieldNames.find(g, f.name());
            if (i >= 0) kept[i] = prune(g.getType(i), f.dataType());
        }
        List<Type> fields = new ArrayList<>();
        for (Type k : kept) if (k != null) fields.add(k);
        return fields.isEmpty() ? null : g.withNewFields(fields);
    }
}
