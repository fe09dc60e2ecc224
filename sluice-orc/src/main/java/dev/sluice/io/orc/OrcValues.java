package dev.sluice.io.orc;

import dev.sluice.types.ArrayType;
import dev.sluice.types.BinaryType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.ByteType;
import dev.sluice.types.DataType;
import dev.sluice.types.DateType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.MapType;
import dev.sluice.types.Row;
import dev.sluice.types.ShortType;
import dev.sluice.types.StringType;
import dev.sluice.types.StructType;
import dev.sluice.types.TimestampNTZType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.Timestamps;
import org.apache.hadoop.hive.common.type.HiveDecimal;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DecimalColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DoubleColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.ListColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.MapColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.StructColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.TimestampColumnVector;
import org.apache.orc.TypeDescription;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values between ORC's column vectors and Sluice's row values, one value at a time, by the Sluice type: a nested
 * struct is read by field name (so a narrowed projection reads only its fields), timestamps are UTC instants (as
 * Spark writes and reads them), a value that does not fit the table's type is an error rather than altered.
 */
final class OrcValues {
    private OrcValues() {}

    /** The value at {@code row} of {@code cv} (of ORC type {@code orc}) as a value of {@code type}; null when null. */
    static Object read(ColumnVector cv, TypeDescription orc, DataType type, int row) {
        int r = cv.isRepeating ? 0 : row;
        if (!cv.noNulls && cv.isNull[r]) return null;
        if (type instanceof StructType st) {
            StructColumnVector s = (StructColumnVector) cv;
            Object[] values = new Object[st.size()];
            List<String> names = orc.getFieldNames();
            for (int i = 0; i < st.size(); i++) {
                int j = indexIgnoringCase(names, st.field(i).name());
                if (j >= 0) values[i] = read(s.fields[j], orc.getChildren().get(j), st.field(i).dataType(), r);
            }
            return new Row(st, values);
        }
        if (type instanceof ArrayType at) {
            ListColumnVector l = (ListColumnVector) cv;
            List<Object> out = new ArrayList<>((int) l.lengths[r]);
            for (long i = 0; i < l.lengths[r]; i++) out.add(read(l.child, orc.getChildren().get(0), at.elementType(), (int) (l.offsets[r] + i)));
            return out;
        }
        if (type instanceof MapType mt) {
            MapColumnVector m = (MapColumnVector) cv;
            Map<Object, Object> out = new LinkedHashMap<>();
            for (long i = 0; i < m.lengths[r]; i++) {
                int at = (int) (m.offsets[r] + i);
                out.put(read(m.keys, orc.getChildren().get(0), mt.keyType(), at), read(m.values, orc.getChildren().get(1), mt.valueType(), at));
            }
            return out;
        }
        if (cv instanceof LongColumnVector l) {
            long v = l.vector[r];
            if (type instanceof BooleanType) return v != 0;
            if (type instanceof DateType) return LocalDate.ofEpochDay(v);
            if (type instanceof ByteType) return (byte) v;
            if (type instanceof ShortType) return (short) v;
            if (type instanceof IntegerType) return Math.toIntExact(v);
            return v;
        }
        if (cv instanceof DoubleColumnVector d) return type instanceof FloatType ? (Object) (float) d.vector[r] : (Object) d.vector[r];
        if (cv instanceof BytesColumnVector b) {
            if (type instanceof BinaryType) return java.util.Arrays.copyOfRange(b.vector[r], b.start[r], b.start[r] + b.length[r]);
            String s = new String(b.vector[r], b.start[r], b.length[r], StandardCharsets.UTF_8);
            return s;
        }
        if (cv instanceof DecimalColumnVector d) {
            BigDecimal v = d.vector[r].getHiveDecimal().bigDecimalValue();
            return type instanceof DecimalType dt ? v.setScale(dt.scale(), RoundingMode.UNNECESSARY) : v;
        }
        if (cv instanceof TimestampColumnVector t) {
            long micros = Math.floorDiv(t.time[r], 1000L) * 1_000_000L + t.nanos[r] / 1000;
            return type instanceof TimestampNTZType ? Timestamps.toLocalDateTime(micros) : Timestamps.toInstant(micros);
        }
        throw new IllegalStateException("an ORC column vector of " + cv.getClass().getSimpleName() + " for " + type.simpleString());
    }

    static int indexIgnoringCase(List<String> names, String name) {
        int exact = names.indexOf(name);
        if (exact >= 0) return exact;
        for (int i = 0; i < names.size(); i++) if (names.get(i).equalsIgnoreCase(name)) return i;
        return -1;
    }

    /** Sets row {@code row} of {@code cv} to {@code v} (of Sluice type {@code type}), growing nested children as needed. */
    static void write(ColumnVector cv, DataType type, int row, Object v) {
        if (v == null) {
            cv.noNulls = false;
            cv.isNull[row] = true;
            return;
        }
        cv.isNull[row] = false;
        if (type instanceof StructType st) {
            StructColumnVector s = (StructColumnVector) cv;
            Row r = (Row) v;
            for (int i = 0; i < st.size(); i++) write(s.fields[i], st.field(i).dataType(), row, r.get(i));
        } else if (type instanceof ArrayType at) {
            ListColumnVector l = (ListColumnVector) cv;
            List<?> list = (List<?>) v;
            int offset = l.childCount;
            l.offsets[row] = offset;
            l.lengths[row] = list.size();
            l.childCount += list.size();
            l.child.ensureSize(l.childCount, true);
            for (int i = 0; i < list.size(); i++) write(l.child, at.elementType(), offset + i, list.get(i));
        } else if (type instanceof MapType mt) {
            MapColumnVector m = (MapColumnVector) cv;
            Map<?, ?> map = (Map<?, ?>) v;
            int offset = m.childCount;
            m.offsets[row] = offset;
            m.lengths[row] = map.size();
            m.childCount += map.size();
            m.keys.ensureSize(m.childCount, true);
            m.values.ensureSize(m.childCount, true);
            int i = offset;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                write(m.keys, mt.keyType(), i, e.getKey());
                write(m.values, mt.valueType(), i, e.getValue());
                i++;
            }
        } else if (type instanceof BooleanType) {
            ((LongColumnVector) cv).vector[row] = (Boolean) v ? 1 : 0;
        } else if (type instanceof DateType) {
            ((LongColumnVector) cv).vector[row] = ((LocalDate) v).toEpochDay();
        } else if (type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType || type instanceof LongType) {
            ((LongColumnVector) cv).vector[row] = ((Number) v).longValue();
        } else if (type instanceof FloatType || type instanceof DoubleType) {
            ((DoubleColumnVector) cv).vector[row] = ((Number) v).doubleValue();
        } else if (type instanceof StringType) {
            ((BytesColumnVector) cv).setVal(row, v.toString().getBytes(StandardCharsets.UTF_8));
        } else if (type instanceof BinaryType) {
            ((BytesColumnVector) cv).setVal(row, (byte[]) v);
        } else if (type instanceof DecimalType) {
            ((DecimalColumnVector) cv).set(row, HiveDecimal.create((BigDecimal) v));
        } else if (type instanceof TimestampType || type instanceof TimestampNTZType) {
            long micros = v instanceof Instant i ? Timestamps.toMicros(i) : Timestamps.toMicros((LocalDateTime) v);
            Timestamp ts = new Timestamp(Math.floorDiv(micros, 1000L));
            ts.setNanos((int) Math.floorMod(micros, 1_000_000L) * 1000);
            ((TimestampColumnVector) cv).set(row, ts);
        } else {
            throw new IllegalStateException("no ORC column for " + type.simpleString());
        }
    }
}
