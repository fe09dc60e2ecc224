package dev.sluice.expr;

import dev.sluice.types.BinaryType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DateType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.LongDecimalText;

/**
 * {@code CAST(x AS STRING)}: Spark's text of every value, written by {@link ValueRenderer} (shared with show).
 * Binary keeps its bytes as they are (Spark does not re-encode them). Never fails.
 */
final class CastToString {
    private CastToString() {}

    static FlatVector cast(ColumnVector in, CastContext ctx) {
        DataType from = ctx.from();
        ValueRenderer.Style style = ValueRenderer.Style.cast(ctx.mode(), ctx.zone());
        if (from instanceof BinaryType) {
            return Kernels.mapNonNull(in, DataTypes.STRING,
                    (i, out) -> ((BytesVector) out).append(in.bytesArray(i), in.bytesStart(i), in.bytesLength(i)));
        }
        if (from instanceof DecimalType d && d.fitsInLong()) {   // the unscaled longs' text, no BigDecimal
            byte[] text = new byte[LongDecimalText.MAX_LENGTH];
            boolean plain = style.plainDecimals();
            return Kernels.mapNonNull(in, DataTypes.STRING, (i, out) -> {
                int n = LongDecimalText.write(in.getLong(i), d.scale(), plain, text);
                if (n >= 0) ((BytesVector) out).append(text, 0, n);
                else ((BytesVector) out).append(ValueRenderer.formatDecimal(in.getDecimal(i), plain));
            });
        }
        return Kernels.mapNonNull(in, DataTypes.STRING, (i, out) -> ((BytesVector) out).append(text(in, i, from, style)));
    }

    private static String text(ColumnVector in, int i, DataType from, ValueRenderer.Style style) {
        if (from instanceof IntegerType) return Integer.toString(in.getInt(i));
        if (from instanceof LongType) return Long.toString(in.getLong(i));
        if (from instanceof DoubleType) return Double.toString(in.getDouble(i));
        if (from instanceof FloatType) return Float.toString(in.getFloat(i));
        if (from instanceof BooleanType) return in.getBoolean(i) ? "true" : "false";
        if (from instanceof DecimalType) return ValueRenderer.formatDecimal(in.getDecimal(i), style.plainDecimals());
        if (from instanceof DateType) return ValueRenderer.formatDate(in.getInt(i));
        if (from instanceof TimestampType) return ValueRenderer.formatTimestamp(in.getLong(i), style.zone());
        if (from instanceof dev.sluice.types.TimestampNTZType) return ValueRenderer.formatTimestamp(in.getLong(i), java.time.ZoneOffset.UTC);
        if (from instanceof dev.sluice.types.TimeType) return dev.sluice.vector.TimeText.format(in.getLong(i));
        if (from instanceof dev.sluice.types.ByteType || from instanceof dev.sluice.types.ShortType) return Integer.toString(in.getInt(i));
        if (from instanceof dev.sluice.types.YearMonthIntervalType ym) return dev.sluice.vector.IntervalText.yearMonth(in.getInt(i), ym);
        if (from instanceof dev.sluice.types.DayTimeIntervalType dt) return dev.sluice.vector.IntervalText.dayTime(in.getLong(i), dt);
        return ValueRenderer.render(in.getObject(i), from, style);   // struct, array, map
    }
}
