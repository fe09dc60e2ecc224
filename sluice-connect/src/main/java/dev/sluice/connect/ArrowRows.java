package dev.sluice.connect;

import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DateType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.MapType;
import dev.sluice.types.Row;
import dev.sluice.types.StringType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.types.TimestampType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.util.Text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An Arrow IPC stream a client sent (a LocalRelation: {@code createDataFrame}) as Sluice rows. */
final class ArrowRows {
    private ArrowRows() {}

    record Decoded(StructType schema, List<Row> rows) {}

    /** Reads every batch; {@code schema}, when given, names and types the columns (positionally). */
    static Decoded decode(BufferAllocator allocator, byte[] data, StructType schema) {
        try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(data), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            StructType out = schema != null ? schema : schemaOf(root);
            List<Row> rows = new ArrayList<>();
            while (reader.loadNextBatch()) {
                int n = root.getRowCount();
                for (int r = 0; r < n; r++) {
                    Object[] values = new Object[out.size()];
                    for (int c = 0; c < out.size() && c < root.getFieldVectors().size(); c++) {
                        values[c] = value(root.getVector(c), out.field(c).dataType(), r);
                    }
                    rows.add(new Row(out, values));
                }
            }
            return new Decoded(out, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stream's own schema: its fields' names, Sluice types and nullability. */
    static StructType schemaOf(VectorSchemaRoot root) {
        List<StructField> fields = new ArrayList<>();
        for (Field f : root.getSchema().getFields()) fields.add(new StructField(f.getName(), ArrowTypes.fromArrow(f), f.isNullable()));
        return new StructType(fields);
    }

    /** Row {@code i} of {@code v} as {@code t}'s Java value (the row path; {@link ArrowColumnReader} falls back to it). */
    static Object value(FieldVector v, DataType t, int i) {
        if (v.isNull(i)) return null;
        if (v instanceof MapVector m) {
            MapType mt = (MapType) t;
            StructVector entries = (StructVector) m.getDataVector();
            int start = m.getElementStartIndex(i), end = m.getElementEndIndex(i);
            Map<Object, Object> out = new LinkedHashMap<>();
            for (int k = start; k < end; k++) {
                out.put(value((FieldVector) entries.getChildByOrdinal(0), mt.keyType(), k),
                        value((FieldVector) entries.getChildByOrdinal(1), mt.valueType(), k));
            }
            return out;
        }
        if (v instanceof ListVector l) {
            DataType e = t instanceof ArrayType a ? a.elementType() : null;
            int start = l.getElementStartIndex(i), end = l.getElementEndIndex(i);
            List<Object> out = new ArrayList<>(end - start);
            for (int k = start; k < end; k++) out.add(value(l.getDataVector(), e, k));
            return out;
        }
        if (v instanceof StructVector s) {
            StructType st = (StructType) t;
            Object[] values = new Object[st.size()];
            for (int f = 0; f < st.size(); f++) values[f] = value((FieldVector) s.getChildByOrdinal(f), st.field(f).dataType(), i);
            return new Row(st, values);
        }
        if (v instanceof org.apache.arrow.vector.TimeNanoVector time) return java.time.LocalTime.ofNanoOfDay(time.get(i));
        if (v instanceof org.apache.arrow.vector.TimeMicroVector time) return java.time.LocalTime.ofNanoOfDay(time.get(i) * 1000L);
        if (v instanceof org.apache.arrow.vector.TimeMilliVector time) return java.time.LocalTime.ofNanoOfDay(time.get(i) * 1_000_000L);
        if (v instanceof org.apache.arrow.vector.TimeSecVector time) return java.time.LocalTime.ofSecondOfDay(time.get(i));
        if (v instanceof TimeStampVector ts) {
            long raw = ts.get(i);
            var unit = ((org.apache.arrow.vector.types.pojo.ArrowType.Timestamp) ts.getField().getType()).getUnit();
            long us = switch (unit) {
                case SECOND -> Math.multiplyExact(raw, 1_000_000L);
                case MILLISECOND -> Math.multiplyExact(raw, 1000L);
                case MICROSECOND -> raw;
                case NANOSECOND -> Math.floorDiv(raw, 1000L);
            };
            if (t instanceof dev.sluice.types.TimestampNTZType) return dev.sluice.vector.Timestamps.toLocalDateTime(us);
            return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L);
        }
        if (v instanceof org.apache.arrow.vector.DecimalVector d) return convert(ArrowDecimals.get(d, i), t);
        // the common primitives read typed: getObject boxes (or wraps strings in a Text) and convert boxes again
        if (v instanceof org.apache.arrow.vector.BigIntVector l && t instanceof LongType) return l.get(i);
        if (v instanceof org.apache.arrow.vector.IntVector n && t instanceof IntegerType) return n.get(i);
        if (v instanceof org.apache.arrow.vector.Float8Vector d && t instanceof DoubleType) return d.get(i);
        if (v instanceof org.apache.arrow.vector.VarCharVector s && t instanceof StringType) {
            return new String(s.get(i), java.nio.charset.StandardCharsets.UTF_8);
        }
        Object o = v.getObject(i);
        return convert(o, t);
    }

    private static Object convert(Object o, DataType t) {
        if (o instanceof Text text) o = text.toString();
        if (t instanceof StringType) return o.toString();
        if (t instanceof IntegerType && o instanceof Number n) return n.intValue();
        if (t instanceof dev.sluice.types.ByteType && o instanceof Number n) return n.byteValue();
        if (t instanceof dev.sluice.types.ShortType && o instanceof Number n) return n.shortValue();
        if (t instanceof dev.sluice.types.TimestampNTZType && o instanceof LocalDateTime ldt) return ldt;
        if (o instanceof java.time.Period p) return p.normalized();   // Arrow gives months alone; Sluice's values are normalized
        if (t instanceof LongType && o instanceof Number n) return n.longValue();
        if (t instanceof DoubleType && o instanceof Number n) return n.doubleValue();
        if (t instanceof FloatType && o instanceof Number n) return n.floatValue();
        if (t instanceof DecimalType d && o instanceof BigDecimal b) return b.setScale(d.scale(), java.math.RoundingMode.HALF_UP);
        if (t instanceof DateType) {
            if (o instanceof Integer days) return LocalDate.ofEpochDay(days);
            if (o instanceof LocalDateTime ldt) return ldt.toLocalDate();
        }
        if (t instanceof TimestampType && o instanceof LocalDateTime ldt) return ldt.toInstant(java.time.ZoneOffset.UTC);
        return o;
    }
}
