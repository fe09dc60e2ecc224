package dev.sluice.expr;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataType;
import dev.sluice.types.DateType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.LongType;
import dev.sluice.types.StringType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.FlatVector;

import java.math.BigDecimal;
import java.time.ZoneId;

/**
 * One cast's source and target types, mode and session zone, and what a failed row does: under
 * {@link EvalMode#ANSI} it raises CAST_INVALID_INPUT, CAST_OVERFLOW or NUMERIC_VALUE_OUT_OF_RANGE with the value
 * written as Spark writes it in messages ({@code 'abc'}, {@code 3.0E10D}, {@code 2147483648L},
 * {@code 12345678901.5BD}); under TRY and LEGACY it appends NULL.
 */
record CastContext(DataType from, DataType to, EvalMode mode, ZoneId zone) {

    boolean legacy() { return mode == EvalMode.LEGACY; }

    /** The value cannot be read as the target type (malformed string, NaN to timestamp). */
    void invalid(FlatVector out, Object value) {
        if (mode == EvalMode.ANSI) {
            throw SluiceException.of(ErrorCode.CAST_INVALID_INPUT).with("value", sqlValue(value, from))
                    .with("from", from.sql()).with("to", to.sql()).build();
        }
        out.appendNull();
    }

    /** The value is outside the target type's range. */
    void overflow(FlatVector out, Object value) { overflow(out, value, from, to); }

    /** As {@link #overflow(FlatVector, Object)} where Spark names an intermediate type in its message. */
    void overflow(FlatVector out, Object value, DataType valueType, DataType target) {
        if (mode == EvalMode.ANSI) {
            throw SluiceException.of(ErrorCode.CAST_OVERFLOW).with("value", sqlValue(value, valueType))
                    .with("from", valueType.sql()).with("to", target.sql()).build();
        }
        out.appendNull();
    }

    /** A decimal result has more integral digits than the target decimal type allows. */
    void outOfRange(FlatVector out, Object value, DecimalType type) {
        if (mode == EvalMode.ANSI) {
            throw SluiceException.of(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE)
                    .with("value", value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value))
                    .with("type", "Decimal(" + type.precision() + ", " + type.scale() + ")").build();
        }
        out.appendNull();
    }

    /** A value as Spark writes it in error messages (its SQL literal form). */
    String sqlValue(Object value, DataType type) {
        if (type instanceof StringType) return "'" + value.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
        if (type instanceof DoubleType) {
            double d = ((Number) value).doubleValue();
            return Double.isNaN(d) || Double.isInfinite(d) ? Double.toString(d) : d + "D";
        }
        if (type instanceof FloatType) {
            float f = ((Number) value).floatValue();
            return Float.isNaN(f) || Float.isInfinite(f) ? Float.toString(f) : f + "F";
        }
        if (type instanceof LongType) return value + "L";
        if (value instanceof String s && (type instanceof dev.sluice.types.ByteType || type instanceof dev.sluice.types.ShortType)) return s;
        if (type instanceof DecimalType) return ((BigDecimal) value).toPlainString() + "BD";
        if (type instanceof TimestampType) return "TIMESTAMP '" + ValueRenderer.formatTimestamp((Long) value, zone) + "'";
        if (type instanceof DateType) return "DATE '" + ValueRenderer.formatDate((Integer) value) + "'";
        if (value instanceof java.time.LocalTime t) return "TIME '" + dev.sluice.vector.TimeText.format(t.toNanoOfDay()) + "'";
        return String.valueOf(value);
    }
}
