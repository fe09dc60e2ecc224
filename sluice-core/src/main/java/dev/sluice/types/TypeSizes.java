package dev.sluice.types;

/** Default byte widths of values by type (as Spark's defaultSize), for size estimates. */
public final class TypeSizes {
    private TypeSizes() {}

    public static long rowWidth(StructType schema) {
        long w = 0;
        for (StructField f : schema.fields()) w += width(f.dataType());
        return w;
    }

    public static long width(DataType t) {
        if (t instanceof BooleanType || t instanceof ByteType) return 1;
        if (t instanceof ShortType) return 2;
        if (t instanceof LongType || t instanceof DoubleType || t instanceof TimestampType || t instanceof TimestampNTZType
                || t instanceof DayTimeIntervalType || t instanceof TimeType) return 8;
        if (t instanceof DecimalType || t instanceof CalendarIntervalType) return 16;
        if (t instanceof StringType || t instanceof BinaryType || t instanceof VariantType) return 20;
        if (t instanceof StructType s) return rowWidth(s);
        if (t instanceof ArrayType a) return width(a.elementType());
        if (t instanceof MapType m) return width(m.keyType()) + width(m.valueType());
        return 4;
    }
}
