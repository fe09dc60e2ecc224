package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.ConstantVector;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A constant of a known type; {@code value} is its Java value (see {@link Row}), null for NULL. */
public record Literal(Object value, DataType dataType) implements Expression {
    public static final Literal NULL = new Literal(null, DataTypes.NULL);
    public static final Literal TRUE = new Literal(true, DataTypes.BOOLEAN);
    public static final Literal FALSE = new Literal(false, DataTypes.BOOLEAN);

    public Literal {
        java.util.Objects.requireNonNull(dataType, "dataType");
    }

    /** The literal of a Java value, typed as Spark's {@code lit} types it. */
    public static Literal of(Object value) {
        if (value == null) return NULL;
        if (value instanceof Literal l) return l;
        if (value instanceof Integer) return new Literal(value, DataTypes.INT);
        if (value instanceof Short s) return new Literal(s, DataTypes.SHORT);
        if (value instanceof Byte b) return new Literal(b, DataTypes.BYTE);
        if (value instanceof Long) return new Literal(value, DataTypes.LONG);
        if (value instanceof Double) return new Literal(value, DataTypes.DOUBLE);
        if (value instanceof Float) return new Literal(value, DataTypes.FLOAT);
        if (value instanceof String) return new Literal(value, DataTypes.STRING);
        if (value instanceof Boolean) return new Literal(value, DataTypes.BOOLEAN);
        if (value instanceof BigDecimal d) {
            int scale = Math.max(d.scale(), 0);
            BigDecimal scaled = d.setScale(scale);
            return new Literal(scaled, DataTypes.decimal(Math.max(scaled.precision(), scale), scale));
        }
        if (value instanceof byte[]) return new Literal(value, DataTypes.BINARY);
        if (value instanceof LocalDate) return new Literal(value, DataTypes.DATE);
        if (value instanceof Instant) return new Literal(value, DataTypes.TIMESTAMP);
        if (value instanceof java.time.LocalDateTime) return new Literal(value, DataTypes.TIMESTAMP_NTZ);
        if (value instanceof java.time.LocalTime) return new Literal(value, DataTypes.TIME);
        if (value instanceof java.time.Period p) return new Literal(p.normalized(), DataTypes.YEAR_MONTH_INTERVAL);
        if (value instanceof java.time.Duration) return new Literal(value, DataTypes.DAY_TIME_INTERVAL);
        if (value instanceof dev.sluice.types.CalendarInterval) return new Literal(value, DataTypes.CALENDAR_INTERVAL);
        throw new IllegalArgumentException("unsupported literal type " + value.getClass().getName());
    }

    @Override public boolean nullable() { return value == null; }

    @Override public List<Expression> children() { return List.of(); }

    @Override public Expression withChildren(List<Expression> children) { return this; }

    @Override public boolean foldable() { return true; }

    @Override public String sql() {
        if (value == null) return "NULL";
        if (value instanceof byte[] b) return "X'" + java.util.HexFormat.of().withUpperCase().formatHex(b) + "'";
        if (value instanceof Map<?, ?> || value instanceof List<?> || value instanceof Row) return String.valueOf(value);
        if (dataType.equals(DataTypes.DATE)) return "DATE '" + value + "'";
        if (dataType.equals(DataTypes.CALENDAR_INTERVAL)) return "INTERVAL '" + value + "'";
        if (dataType instanceof dev.sluice.types.TimeType) {   // Spark's text: at least HH:mm:ss, fraction trimmed
            return "TIME '" + dev.sluice.vector.TimeText.format(((java.time.LocalTime) value).toNanoOfDay()) + "'";
        }
        if (dataType.equals(DataTypes.TIMESTAMP)) {   // Spark's text: in the session zone, fraction trimmed
            return "TIMESTAMP '" + ValueRenderer.render(value, dataType, ValueRenderer.Style.show(dev.sluice.types.SessionZone.current())) + "'";
        }
        if (dataType.equals(DataTypes.TIMESTAMP_NTZ) || dataType.isInterval()) {
            String text = ValueRenderer.render(value, dataType, ValueRenderer.Style.show(java.time.ZoneOffset.UTC));
            return dataType.isInterval() ? text : "TIMESTAMP_NTZ '" + text + "'";
        }
        return String.valueOf(value);
    }

    @Override public ColumnVector evaluate(Batch batch) { return ConstantVector.of(dataType, value, batch.rowCount()); }

    @Override public boolean equals(Object o) {
        return o instanceof Literal l && dataType.equals(l.dataType)
                && java.util.Objects.deepEquals(value, l.value);
    }

    @Override public int hashCode() { return dataType.hashCode() * 31 + java.util.Objects.hashCode(value); }
}
