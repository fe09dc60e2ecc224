package dev.sluice.types;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Structural {@code equals} and {@code hashCode} of nested types without recursion: a record's generated methods
 * recurse through every level and overflow the stack for schemas a few thousand levels deep (JSON data nested 5,000
 * levels infers such a schema), so struct, array and map types and struct fields use these, which keep an explicit
 * work list. Leaf types keep their own record methods.
 */
final class TypeEquality {
    private TypeEquality() {}

    static boolean equal(DataType a, DataType b) {
        Deque<DataType[]> work = new ArrayDeque<>();
        work.push(new DataType[] {a, b});
        while (!work.isEmpty()) {
            DataType[] pair = work.pop();
            DataType x = pair[0], y = pair[1];
            if (x == y) continue;
            if (x == null || y == null || x.getClass() != y.getClass()) return false;
            if (x instanceof StructType sx) {
                StructType sy = (StructType) y;
                if (sx.fields().size() != sy.fields().size()) return false;
                for (int i = 0; i < sx.fields().size(); i++) {
                    StructField fx = sx.fields().get(i), fy = sy.fields().get(i);
                    if (fx == fy) continue;
                    if (fx.nullable() != fy.nullable() || !fx.name().equals(fy.name())) return false;
                    work.push(new DataType[] {fx.dataType(), fy.dataType()});
                }
            } else if (x instanceof ArrayType ax) {
                ArrayType ay = (ArrayType) y;
                if (ax.containsNull() != ay.containsNull()) return false;
                work.push(new DataType[] {ax.elementType(), ay.elementType()});
            } else if (x instanceof MapType mx) {
                MapType my = (MapType) y;
                if (mx.valueContainsNull() != my.valueContainsNull()) return false;
                work.push(new DataType[] {mx.keyType(), my.keyType()});
                work.push(new DataType[] {mx.valueType(), my.valueType()});
            } else if (!x.equals(y)) {
                return false;
            }
        }
        return true;
    }

    static boolean equal(StructField a, StructField b) {
        return a.nullable() == b.nullable() && a.name().equals(b.name()) && equal(a.dataType(), b.dataType());
    }

    /** Combines the nodes' own parts in a fixed pre-order, so equal types hash alike. */
    static int hash(DataType type) {
        int h = 1;
        Deque<DataType> work = new ArrayDeque<>();
        work.push(type);
        while (!work.isEmpty()) {
            DataType t = work.pop();
            if (t instanceof StructType s) {
                h = 31 * h + 17 + s.fields().size();
                for (int i = s.fields().size() - 1; i >= 0; i--) {
                    StructField f = s.fields().get(i);
                    h = 31 * h + f.name().hashCode() + (f.nullable() ? 1 : 0);
                    work.push(f.dataType());
                }
            } else if (t instanceof ArrayType a) {
                h = 31 * h + 19 + (a.containsNull() ? 1 : 0);
                work.push(a.elementType());
            } else if (t instanceof MapType m) {
                h = 31 * h + 23 + (m.valueContainsNull() ? 1 : 0);
                work.push(m.valueType());
                work.push(m.keyType());
            } else {
                h = 31 * h + t.hashCode();
            }
        }
        return h;
    }

    static int hash(StructField f) { return 31 * (31 * f.name().hashCode() + (f.nullable() ? 1 : 0)) + hash(f.dataType()); }
}
