package dev.sluice.vector;

import dev.sluice.error.SluiceException;
import dev.sluice.types.ArrayType;
import dev.sluice.types.BinaryType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.DataType;
import dev.sluice.types.DateType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.MapType;
import dev.sluice.types.NullType;
import dev.sluice.types.StringType;
import dev.sluice.types.StructType;
import dev.sluice.types.TimestampType;

import java.util.List;

/** Allocates writable vectors for a type, and copies vectors into flat form. */
public final class Vectors {
    private Vectors() {}

    /** An empty writable vector of {@code type} with room for {@code capacity} rows (it grows). */
    public static FlatVector allocate(DataType type, int capacity) {
        if (type.storesInt()) return new IntVector(type, capacity);
        if (type.storesLong()) return new LongVector(type, capacity);
        if (type instanceof DoubleType) return new DoubleVector(type, capacity);
        if (type instanceof StringType || type instanceof BinaryType || type instanceof dev.sluice.types.VariantType
                || type instanceof dev.sluice.types.CalendarIntervalType) return new BytesVector(type, capacity);
        if (type instanceof BooleanType) return new BooleanVector(type, capacity);
        if (type instanceof FloatType) return new FloatVector(type, capacity);
        if (type instanceof DecimalType d) return new DecimalVector(d, capacity);
        if (type instanceof NullType) return new NullVector(capacity);
        if (type instanceof StructType s) {
            FlatVector[] children = new FlatVector[s.size()];
            for (int i = 0; i < children.length; i++) children[i] = allocate(s.field(i).dataType(), capacity);
            return new StructVector(s, children, capacity);
        }
        if (type instanceof ArrayType a) return new ArrayVector(a, allocate(a.elementType(), capacity), capacity);
        if (type instanceof MapType m) {
            return new MapVector(m, allocate(m.keyType(), capacity), allocate(m.valueType(), capacity), capacity);
        }
        throw SluiceException.internal("cannot allocate a vector of type " + type);
    }

    /**
     * An empty writable vector for {@code rows} rows like {@code sample}'s first {@code sampleRows}: strings and
     * binaries get room for that many rows of the sample's average length (a tenth more), so that filling it does
     * not double its buffers on the way (each doubling leaves the old buffer as garbage, and its last one up to
     * twice what it holds). Other types get {@code rows} slots.
     */
    public static FlatVector allocateLike(ColumnVector sample, int sampleRows, int rows) {
        DataType type = sample.type();
        if ((type instanceof StringType || type instanceof BinaryType) && sampleRows > 0) {
            long bytes = 0;
            for (int i = 0; i < sampleRows; i++) if (!sample.isNull(i)) bytes += sample.bytesLength(i);
            long capacity = (long) Math.ceil(1.1 * bytes / sampleRows * rows) + 64;
            return new BytesVector(type, rows, (int) Math.min(Integer.MAX_VALUE - 16, capacity));
        }
        return allocate(type, rows);
    }

    /**
     * A flat copy of {@code source}'s rows {@code ids[0, count)} (a materialized {@code select}): for an operator
     * that hands out values of buffers it will refill. Strings and binaries get their bytes' room at once.
     */
    public static FlatVector gather(ColumnVector source, int[] ids, int count) {
        DataType type = source.type();
        FlatVector v;
        if (type instanceof StringType || type instanceof BinaryType) {
            long bytes = 0;
            for (int i = 0; i < count; i++) if (!source.isNull(ids[i])) bytes += source.bytesLength(ids[i]);
            v = new BytesVector(type, count, (int) Math.min(Integer.MAX_VALUE - 16, bytes));
        } else {
            v = allocate(type, count);
        }
        for (int i = 0; i < count; i++) v.appendFrom(source, ids[i]);
        return v;
    }

    /** A flat vector holding {@code values} (Java values, see {@link dev.sluice.types.Row}). */
    public static FlatVector of(DataType type, List<?> values) {
        FlatVector v = allocate(type, values.size());
        for (Object value : values) v.appendObject(value);
        return v;
    }

    /** A flat copy of any vector (used where an operator must own its data, e.g. to buffer it). */
    public static FlatVector copy(ColumnVector source) {
        FlatVector v = allocate(source.type(), source.size());
        for (int i = 0; i < source.size(); i++) v.appendFrom(source, i);
        return v;
    }
}
