package dev.sluice.expr;

import dev.sluice.types.ArrayType;
import dev.sluice.types.MapType;
import dev.sluice.types.StructType;
import dev.sluice.vector.ArrayVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.MapVector;
import dev.sluice.vector.StructVector;
import dev.sluice.vector.Vectors;

/**
 * Struct → struct field by field (by position), array → array element-wise, map → map on keys and values.
 * Only the values of non-null rows are cast, so a malformed value hidden in a NULL struct, or in elements no
 * row references, cannot raise an error. Under TRY a bad element becomes a NULL element, as in Spark.
 */
final class CastNested {
    private CastNested() {}

    static FlatVector castStruct(ColumnVector in, StructType to, CastContext ctx) {
        StructType from = (StructType) ctx.from();
        int n = in.size();
        int[] live = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) if (!in.isNull(i)) live[count++] = i;
        ColumnVector[] fields = new ColumnVector[to.size()];
        for (int f = 0; f < fields.length; f++) {
            ColumnVector child = in.child(f);
            if (count < n) child = child.select(live, count);
            fields[f] = Casts.castValues(child, from.field(f).dataType(), to.field(f).dataType(), ctx);
        }
        StructVector out = (StructVector) Vectors.allocate(to, n);
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (in.isNull(i)) {
                out.appendNull();
                continue;
            }
            for (int f = 0; f < fields.length; f++) out.writableChild(f).appendFrom(fields[f], k);
            out.finishRow();
            k++;
        }
        return out;
    }

    static FlatVector castArray(ColumnVector in, ArrayType to, CastContext ctx) {
        ArrayType from = (ArrayType) ctx.from();
        ColumnVector elements = Casts.castValues(liveElements(in), from.elementType(), to.elementType(), ctx);
        ArrayVector out = (ArrayVector) Vectors.allocate(to, in.size());
        int k = 0;
        for (int i = 0; i < in.size(); i++) {
            if (in.isNull(i)) {
                out.appendNull();
                continue;
            }
            for (int e = 0, len = in.arrayLength(i); e < len; e++) out.writableElements().appendFrom(elements, k++);
            out.finishRow();
        }
        return out;
    }

    static FlatVector castMap(ColumnVector in, MapType to, CastContext ctx) {
        MapType from = (MapType) ctx.from();
        int[][] ids = new int[1][];
        int count = liveIds(in, ids);
        ColumnVector keys = Casts.castValues(in.elements().select(ids[0], count), from.keyType(), to.keyType(), ctx);
        ColumnVector values = Casts.castValues(in.mapValues().select(ids[0], count), from.valueType(), to.valueType(), ctx);
        MapVector out = (MapVector) Vectors.allocate(to, in.size());
        int k = 0;
        for (int i = 0; i < in.size(); i++) {
            if (in.isNull(i)) {
                out.appendNull();
                continue;
            }
            for (int e = 0, len = in.arrayLength(i); e < len; e++, k++) {
                out.writableKeys().appendFrom(keys, k);
                out.writableValues().appendFrom(values, k);
            }
            out.finishRow();
        }
        return out;
    }

    /** The elements of the non-null rows, in row order. */
    private static ColumnVector liveElements(ColumnVector in) {
        int[][] ids = new int[1][];
        int count = liveIds(in, ids);
        return in.elements().select(ids[0], count);
    }

    /** Fills {@code ids[0]} with the element positions the non-null rows reference; returns their number. */
    private static int liveIds(ColumnVector in, int[][] ids) {
        int total = 0;
        for (int i = 0; i < in.size(); i++) if (!in.isNull(i)) total += in.arrayLength(i);
        int[] out = new int[total];
        int k = 0;
        for (int i = 0; i < in.size(); i++) {
            if (in.isNull(i)) continue;
            for (int e = 0, off = in.arrayOffset(i), len = in.arrayLength(i); e < len; e++) out[k++] = off + e;
        }
        ids[0] = out;
        return total;
    }
}
