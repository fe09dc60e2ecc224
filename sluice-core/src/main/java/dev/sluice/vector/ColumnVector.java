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
import dev.sluice.types.Row;
import dev.sluice.types.StringType;
import dev.sluice.types.StructType;
import dev.sluice.types.TimestampType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A column of one batch. Physical representation by logical type:
 * boolean → boolean; int → int; date → int (days since 1970-01-01); bigint → long; timestamp → long
 * (microseconds since the epoch, UTC); float, double → themselves; decimal of at most 18 digits → long (the unscaled value, {@code getLong}; {@code
 * getDecimal} also reads it), wider decimal → BigDecimal with the type's scale;
 * string, binary → bytes (UTF-8 for strings); struct → child vectors, one per field, aligned with the rows;
 * array → per-row offset and length into an elements vector; map → the same into keys and values vectors.
 * Getters are only defined for non-null rows. Vectors handed to an operator are read-only.
 */
public abstract class ColumnVector {
    protected final DataType type;

    protected ColumnVector(DataType type) { this.type = type; }

    public final DataType type() { return type; }

    public abstract int size();

    public abstract Encoding encoding();

    public abstract boolean isNull(int row);

    /** True when no row can be null (lets loops skip null checks). */
    public boolean mayHaveNulls() { return true; }

    public boolean getBoolean(int row) { throw unsupported("getBoolean"); }

    public int getInt(int row) { throw unsupported("getInt"); }

    public long getLong(int row) { throw unsupported("getLong"); }

    public float getFloat(int row) { throw unsupported("getFloat"); }

    public double getDouble(int row) { throw unsupported("getDouble"); }

    public BigDecimal getDecimal(int row) { throw unsupported("getDecimal"); }

    /** The byte array holding row's bytes (string or binary); read with {@link #bytesStart} and {@link #bytesLength}. */
    public byte[] bytesArray(int row) { throw unsupported("bytesArray"); }

    public int bytesStart(int row) { throw unsupported("bytesStart"); }

    public int bytesLength(int row) { throw unsupported("bytesLength"); }

    /** Field vector of a struct column, aligned with this vector's rows. */
    public ColumnVector child(int field) { throw unsupported("child"); }

    /** First element index of an array or map row in {@link #elements()} (or keys/values). */
    public int arrayOffset(int row) { throw unsupported("arrayOffset"); }

    public int arrayLength(int row) { throw unsupported("arrayLength"); }

    /** The elements of an array column, or the keys of a map column. */
    public ColumnVector elements() { throw unsupported("elements"); }

    /** The values of a map column. */
    public ColumnVector mapValues() { throw unsupported("mapValues"); }

    public String getString(int row) {
        return new String(bytesArray(row), bytesStart(row), bytesLength(row), StandardCharsets.UTF_8);
    }

    public byte[] getBytes(int row) {
        byte[] out = new byte[bytesLength(row)];
        System.arraycopy(bytesArray(row), bytesStart(row), out, 0, out.length);
        return out;
    }

    /** Compares row's bytes with {@code other}'s, unsigned, as Spark orders strings (by UTF-8 bytes). */
    public final int compareBytes(int row, ColumnVector other, int otherRow) {
        byte[] a = bytesArray(row);
        byte[] b = other.bytesArray(otherRow);
        int as = bytesStart(row), al = bytesLength(row), bs = other.bytesStart(otherRow), bl = other.bytesLength(otherRow);
        return java.util.Arrays.compareUnsigned(a, as, as + al, b, bs, bs + bl);
    }

    /** The row's value as a Java object (see {@link Row} for the mapping); null for SQL NULL. */
    public Object getObject(int row) {
        if (isNull(row)) return null;
        DataType t = type;
        if (t instanceof IntegerType) return getInt(row);
        if (t instanceof LongType) return getLong(row);
        if (t instanceof DoubleType) return getDouble(row);
        if (t instanceof StringType || t instanceof dev.sluice.types.VariantType) return getString(row);
        if (t instanceof BooleanType) return getBoolean(row);
        if (t instanceof FloatType) return getFloat(row);
        if (t instanceof DecimalType) return getDecimal(row);
        if (t instanceof BinaryType) return getBytes(row);
        if (t instanceof DateType) return LocalDate.ofEpochDay(getInt(row));
        if (t instanceof TimestampType) return Timestamps.toInstant(getLong(row));
        if (t instanceof dev.sluice.types.ByteType) return (byte) getInt(row);
        if (t instanceof dev.sluice.types.ShortType) return (short) getInt(row);
        if (t instanceof dev.sluice.types.TimestampNTZType) return Timestamps.toLocalDateTime(getLong(row));
        if (t instanceof dev.sluice.types.TimeType) return java.time.LocalTime.ofNanoOfDay(getLong(row));
        if (t instanceof dev.sluice.types.YearMonthIntervalType) return Intervals.toPeriod(getInt(row));
        if (t instanceof dev.sluice.types.DayTimeIntervalType) return Intervals.toDuration(getLong(row));
        if (t instanceof dev.sluice.types.CalendarIntervalType) return dev.sluice.types.CalendarInterval.fromBytes(bytesArray(row), bytesStart(row));
        if (t instanceof NullType) return null;
        if (t instanceof StructType struct) {
            Object[] values = new Object[struct.size()];
            for (int f = 0; f < values.length; f++) values[f] = child(f).getObject(row);
            return new Row(struct, values);
        }
        if (t instanceof ArrayType) {
            int offset = arrayOffset(row), length = arrayLength(row);
            ColumnVector elements = elements();
            List<Object> list = new ArrayList<>(length);
            for (int i = 0; i < length; i++) list.add(elements.getObject(offset + i));
            return list;
        }
        if (t instanceof MapType) {
            int offset = arrayOffset(row), length = arrayLength(row);
            ColumnVector keys = elements(), values = mapValues();
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < length; i++) map.put(keys.getObject(offset + i), values.getObject(offset + i));
            return map;
        }
        throw SluiceException.internal("no Java value for type " + t);
    }

    /** A view of rows {@code [offset, offset + length)}; no copy. */
    public ColumnVector slice(int offset, int length) {
        if (offset == 0 && length == size()) return this;
        return new SliceVector(this, offset, length);
    }

    /** A view of the rows {@code ids} (in that order); no copy. */
    public ColumnVector select(int[] ids, int count) {
        return new DictionaryVector(this, ids, count);
    }

    protected final SluiceException unsupported(String method) {
        return SluiceException.internal(getClass().getSimpleName() + " of type " + type + " has no " + method);
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append('<').append(type).append(">[");
        for (int i = 0; i < Math.min(size(), 10); i++) {
            if (i > 0) sb.append(", ");
            sb.append(getObject(i));
        }
        if (size() > 10) sb.append(", ...");
        return sb.append(']').toString();
    }
}
