package dev.sluice.types;

/**
 * Spark's {@code interval} ({@code CalendarIntervalType}): months, days and microseconds kept apart, as
 * {@code make_interval} and casts from strings give it. Its Java value is a {@link CalendarInterval}. As in Spark it
 * has no ordering (sorting and comparing it are refused; grouping by it is allowed) and no file format stores it.
 * Use the singleton {@link DataTypes#CALENDAR_INTERVAL}.
 */
public record CalendarIntervalType() implements DataType {
    @Override public String simpleString() { return "interval"; }
    @Override public String sql() { return "INTERVAL"; }
    @Override public String toString() { return simpleString(); }

    /** Whether {@code t} is a calendar interval or holds one (in a struct, array or map): such values have no order. */
    public static boolean occursIn(DataType t) {
        if (t instanceof CalendarIntervalType) return true;
        if (t instanceof ArrayType a) return occursIn(a.elementType());
        if (t instanceof MapType m) return occursIn(m.keyType()) || occursIn(m.valueType());
        if (t instanceof StructType s) {
            for (StructField f : s.fields()) if (occursIn(f.dataType())) return true;
        }
        return false;
    }
}
