package dev.sluice.connect;

import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.MapType;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Rows as one complete Arrow IPC stream (schema, one record batch, end of stream), as Spark Connect sends results. */
final class ArrowBatches {
    private ArrowBatches() {}

    static byte[] encode(BufferAllocator allocator, StructType schema, List<Row> rows) {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.schema(schema), allocator)) {
            root.allocateNew();
            for (int c = 0; c < schema.size(); c++) {
                FieldVector v = root.getVector(c);
                DataType t = schema.field(c).dataType();
                for (int r = 0; r < rows.size(); r++) set(v, t, r, rows.get(r).get(c));
                v.setValueCount(rows.size());
            }
            root.setRowCount(rows.size());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets row {@code i} of {@code v} to a Java value of {@code t} (the row path; growing the vector as needed). */
    @SuppressWarnings("unchecked")
    static void set(FieldVector v, DataType t, int i, Object value) {
        if (v instanceof NullVector) return;
        if (value == null) {
            if (v instanceof StructVector s) s.setNull(i);
            else if (v instanceof ListVector l) l.setNull(i);
            else setNull(v, i);
            return;
        }
        if (v instanceof BitVector b) b.setSafe(i, (Boolean) value ? 1 : 0);
        else if (v instanceof IntVector iv) iv.setSafe(i, ((Number) value).intValue());
        else if (v instanceof BigIntVector lv) lv.setSafe(i, ((Number) value).longValue());
        else if (v instanceof Float4Vector fv) fv.setSafe(i, ((Number) value).floatValue());
        else if (v instanceof Float8Vector dv) dv.setSafe(i, ((Number) value).doubleValue());
        else if (v instanceof VarCharVector sv) sv.setSafe(i, value.toString().getBytes(StandardCharsets.UTF_8));
        else if (v instanceof VarBinaryVector bv) bv.setSafe(i, (byte[]) value);
        else if (v instanceof DateDayVector dd) dd.setSafe(i, (int) ((LocalDate) value).toEpochDay());
        else if (v instanceof TimeStampMicroTZVector ts) ts.setSafe(i, micros((Instant) value));
        else if (v instanceof org.apache.arrow.vector.TinyIntVector tv) tv.setSafe(i, ((Number) value).byteValue());
        else if (v instanceof org.apache.arrow.vector.SmallIntVector sv) sv.setSafe(i, ((Number) value).shortValue());
        else if (v instanceof org.apache.arrow.vector.TimeStampMicroVector ntz) {
            ntz.setSafe(i, dev.sluice.vector.Timestamps.toMicros((java.time.LocalDateTime) value));
        } else if (v instanceof org.apache.arrow.vector.TimeNanoVector time) {
            time.setSafe(i, ((java.time.LocalTime) value).toNanoOfDay());
        } else if (v instanceof org.apache.arrow.vector.IntervalYearVector ym) {
            ym.setSafe(i, dev.sluice.vector.Intervals.toMonths((java.time.Period) value));
        } else if (v instanceof org.apache.arrow.vector.DurationVector dt) {
            dt.setSafe(i, dev.sluice.vector.Intervals.toMicros((java.time.Duration) value));
        }
        else if (v instanceof DecimalVector dec) ArrowDecimals.set(dec, i, (BigDecimal) value);
        else if (v instanceof MapVector m) {
            MapType mt = (MapType) t;
            Map<Object, Object> map = (Map<Object, Object>) value;
            int offset = m.startNewValue(i);
            StructVector entries = (StructVector) m.getDataVector();
            FieldVector keys = (FieldVector) entries.getChildByOrdinal(0);
            FieldVector values = (FieldVector) entries.getChildByOrdinal(1);
            int k = 0;
            for (var e : map.entrySet()) {
                entries.setIndexDefined(offset + k);
                set(keys, mt.keyType(), offset + k, e.getKey());
                set(values, mt.valueType(), offset + k, e.getValue());
                k++;
            }
            m.endValue(i, map.size());
        } else if (v instanceof ListVector l) {
            ArrayType at = (ArrayType) t;
            List<Object> list = (List<Object>) value;
            int offset = l.startNewValue(i);
            FieldVector data = l.getDataVector();
            for (int k = 0; k < list.size(); k++) set(data, at.elementType(), offset + k, list.get(k));
            l.endValue(i, list.size());
        } else if (v instanceof StructVector s && t instanceof dev.sluice.types.VariantType) {
            var variant = dev.sluice.expr.fn.VariantBinary.encode((String) value);
            s.setIndexDefined(i);
            ((VarBinaryVector) s.getChildByOrdinal(0)).setSafe(i, variant.value());
            ((VarBinaryVector) s.getChildByOrdinal(1)).setSafe(i, variant.metadata());
        } else if (v instanceof StructVector s) {
            StructType st = (StructType) t;
            Row row = (Row) value;
            s.setIndexDefined(i);
            for (int f = 0; f < st.size(); f++) set((FieldVector) s.getChildByOrdinal(f), st.field(f).dataType(), i, row.get(f));
        } else {
            throw dev.sluice.error.SluiceException.internal("no Arrow writer for " + v.getClass().getSimpleName());
        }
    }

    private static void setNull(FieldVector v, int i) {
        if (v instanceof org.apache.arrow.vector.BaseFixedWidthVector f) f.setNull(i);
        else if (v instanceof org.apache.arrow.vector.BaseVariableWidthVector w) w.setNull(i);
        else throw dev.sluice.error.SluiceException.internal("no Arrow null writer for " + v.getClass().getSimpleName());
    }

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }
}
