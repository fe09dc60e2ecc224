package dev.sluice.io.avro;

import dev.sluice.types.DataType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Converters between Avro's generic values and Sluice's Java values (see {@link Row}), built once per schema so
 * that reading and writing do no schema dispatch per value.
 */
final class AvroValues {
    private AvroValues() {}

    /** Reads an Avro value of {@code schema} as the Sluice value of {@link AvroTypes#type}. */
    static Function<Object, Object> reader(Schema s) {
        LogicalType logical = s.getLogicalType();
        if (logical instanceof LogicalTypes.Date) return v -> v == null ? null : LocalDate.ofEpochDay(((Number) v).longValue());
        if (logical instanceof LogicalTypes.TimestampMillis) return v -> v == null ? null : Instant.ofEpochMilli((Long) v);
        if (logical instanceof LogicalTypes.TimestampMicros) {
            return v -> v == null ? null : Instant.ofEpochSecond(Math.floorDiv((Long) v, 1_000_000L), Math.floorMod((Long) v, 1_000_000L) * 1000L);
        }
        if (logical instanceof LogicalTypes.Decimal d) {
            int scale = d.getScale();
            return v -> {
                if (v == null) return null;
                byte[] bytes = v instanceof ByteBuffer b ? bytes(b) : ((GenericFixed) v).bytes();
                return new BigDecimal(new BigInteger(bytes), scale);
            };
        }
        return switch (s.getType()) {
            case STRING, ENUM -> v -> v == null ? null : v.toString();
            case BYTES -> v -> v == null ? null : bytes((ByteBuffer) v);
            case FIXED -> v -> v == null ? null : ((GenericFixed) v).bytes().clone();
            case NULL -> v -> null;
            case ARRAY -> {
                Function<Object, Object> element = reader(s.getElementType());
                yield v -> {
                    if (v == null) return null;
                    List<Object> out = new ArrayList<>();
                    for (Object o : (List<?>) v) out.add(element.apply(o));
                    return out;
                };
            }
            case MAP -> {
                Function<Object, Object> value = reader(s.getValueType());
                yield v -> {
                    if (v == null) return null;
                    Map<Object, Object> out = new LinkedHashMap<>();
                    ((Map<?, ?>) v).forEach((k, x) -> out.put(k.toString(), value.apply(x)));
                    return out;
                };
            }
            case RECORD -> {
                StructType type = (StructType) AvroTypes.type(s);
                List<Function<Object, Object>> fields = new ArrayList<>();
                for (Schema.Field f : s.getFields()) fields.add(reader(f.schema()));
                yield v -> {
                    if (v == null) return null;
                    IndexedRecord r = (IndexedRecord) v;
                    Object[] values = new Object[fields.size()];
                    for (int i = 0; i < values.length; i++) values[i] = fields.get(i).apply(r.get(i));
                    return new Row(type, values);
                };
            }
            case UNION -> union(s);
            default -> v -> v;   // boolean, int, long, float, double are already Sluice's values
        };
    }

    private static Function<Object, Object> union(Schema s) {
        List<Schema> members = AvroTypes.nonNull(s);
        if (members.size() == 1) return reader(members.get(0));
        StructType type = (StructType) AvroTypes.type(s);
        List<Function<Object, Object>> readers = new ArrayList<>();
        for (Schema m : members) readers.add(reader(m));
        return v -> {
            if (v == null) return null;
            int branch = GenericData.get().resolveUnion(s, v);
            Schema chosen = s.getTypes().get(branch);
            Object[] values = new Object[members.size()];
            int i = members.indexOf(chosen);
            values[i] = readers.get(i).apply(v);
            return new Row(type, values);
        };
    }

    private static byte[] bytes(ByteBuffer b) {
        ByteBuffer d = b.duplicate();
        byte[] out = new byte[d.remaining()];
        d.get(out);
        return out;
    }

    /** Writes a Sluice value of {@code type} as the Avro value of {@link AvroTypes#toAvro}'s schema {@code s}. */
    static Function<Object, Object> writer(DataType type, Schema s) {
        Schema t = s.getType() == Schema.Type.UNION ? AvroTypes.nonNull(s).get(0) : s;
        LogicalType logical = t.getLogicalType();
        if (logical instanceof LogicalTypes.Date) return v -> v == null ? null : (int) ((LocalDate) v).toEpochDay();
        if (logical instanceof LogicalTypes.TimestampMicros) {
            return v -> {
                if (v == null) return null;
                Instant i = (Instant) v;
                return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000L);
            };
        }
        if (logical instanceof LogicalTypes.Decimal d) {
            Conversions.DecimalConversion conversion = new Conversions.DecimalConversion();
            return v -> v == null ? null : conversion.toBytes(((BigDecimal) v).setScale(((DecimalType) type).scale()), t, d);
        }
        return switch (t.getType()) {
            case BYTES -> v -> v == null ? null : ByteBuffer.wrap((byte[]) v);
            case ARRAY -> {
                Function<Object, Object> element = writer(((dev.sluice.types.ArrayType) type).elementType(), t.getElementType());
                yield v -> {
                    if (v == null) return null;
                    List<Object> out = new ArrayList<>();
                    for (Object o : (List<?>) v) out.add(element.apply(o));
                    return out;
                };
            }
            case MAP -> {
                Function<Object, Object> value = writer(((dev.sluice.types.MapType) type).valueType(), t.getValueType());
                yield v -> {
                    if (v == null) return null;
                    Map<String, Object> out = new LinkedHashMap<>();
                    ((Map<?, ?>) v).forEach((k, x) -> out.put(String.valueOf(k), value.apply(x)));
                    return out;
                };
            }
            case RECORD -> {
                StructType st = (StructType) type;
                List<Function<Object, Object>> fields = new ArrayList<>();
                for (int i = 0; i < st.size(); i++) fields.add(writer(st.field(i).dataType(), t.getFields().get(i).schema()));
                yield v -> {
                    if (v == null) return null;
                    Row row = (Row) v;
                    GenericData.Record r = new GenericData.Record(t);
                    for (int i = 0; i < fields.size(); i++) r.put(i, fields.get(i).apply(row.get(i)));
                    return r;
                };
            }
            default -> v -> v;
        };
    }
}
