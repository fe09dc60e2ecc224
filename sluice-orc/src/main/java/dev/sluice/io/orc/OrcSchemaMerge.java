package dev.sluice.io.orc;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.MapType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code mergeSchema}: the union of the files' schemas as Spark's {@code StructType.merge} makes it (Spark's
 * analysis is case-insensitive by default, so fields match ignoring case and keep the first file's spelling):
 * the left schema's fields in order, each struct, array and map merged recursively, then the fields only the
 * right one has; every other pair of types must be equal (an int and a bigint do not merge, as in Spark:
 * CANNOT_MERGE_INCOMPATIBLE_DATA_TYPE).
 */
final class OrcSchemaMerge {
    private OrcSchemaMerge() {}

    static StructType merge(StructType left, StructType right, String where) {
        List<StructField> out = new ArrayList<>();
        for (StructField l : left.fields()) {
            int r = OrcValues.indexIgnoringCase(right.fieldNames(), l.name());
            if (r < 0) {
                out.add(l);
                continue;
            }
            StructField rf = right.field(r);
            out.add(new StructField(l.name(), mergeType(l.dataType(), rf.dataType(), where + ", column " + l.name()),
                    l.nullable() || rf.nullable(), l.metadata()));
        }
        for (StructField r : right.fields()) {
            if (OrcValues.indexIgnoringCase(left.fieldNames(), r.name()) < 0) out.add(r);
        }
        return new StructType(out);
    }

    private static DataType mergeType(DataType left, DataType right, String where) {
        if (left instanceof StructType l && right instanceof StructType r) return merge(l, r, where);
        if (left instanceof ArrayType l && right instanceof ArrayType r) {
            return new ArrayType(mergeType(l.elementType(), r.elementType(), where), l.containsNull() || r.containsNull());
        }
        if (left instanceof MapType l && right instanceof MapType r) {
            return new MapType(mergeType(l.keyType(), r.keyType(), where), mergeType(l.valueType(), r.valueType(), where),
                    l.valueContainsNull() || r.valueContainsNull());
        }
        if (left.equals(right)) return left;
        throw SluiceException.of(ErrorCode.CANNOT_MERGE_INCOMPATIBLE_DATA_TYPE).with("left", left.simpleString().toUpperCase(java.util.Locale.ROOT))
                .with("right", right.simpleString().toUpperCase(java.util.Locale.ROOT)).with("where", where).build();
    }
}
