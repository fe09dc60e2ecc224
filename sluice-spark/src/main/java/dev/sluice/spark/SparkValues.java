package dev.sluice.spark;

import dev.sluice.error.SluiceException;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.MapType;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.apache.spark.sql.RowFactory;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Row values between Sluice's Java mapping ({@link Row}) and Spark's external one: structs as Spark Rows,
 * arrays as Scala Seqs (Spark also accepts java.util.List), maps as Scala Maps, dates and timestamps as
 * java.sql types or java.time types depending on {@code spark.sql.datetime.java8API.enabled}.
 */
final class SparkValues {
    private SparkValues() {}

    /** A Sluice row as Spark's createDataFrame accepts it (CatalystTypeConverters takes Java lists, maps, java.time). */
    static org.apache.spark.sql.Row toSpark(Row row) {
        Object[] values = new Object[row.size()];
        for (int i = 0; i < values.length; i++) values[i] = toSparkValue(row.get(i), row.schema().field(i).dataType());
        return RowFactory.create(values);
    }

    private static Object toSparkValue(Object v, DataType type) {
        if (v == null) return null;
        if (v instanceof Row r) return toSpark(r);
        if (v instanceof dev.sluice.types.CalendarInterval c) {
            return new org.apache.spark.unsafe.types.CalendarInterval(c.months(), c.days(), c.microseconds());
        }
        if (v instanceof List<?> list && type instanceof ArrayType a) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object e : list) out.add(toSparkValue(e, a.elementType()));
            return out;
        }
        if (v instanceof Map<?, ?> map && type instanceof MapType m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(toSparkValue(e.getKey(), m.keyType()), toSparkValue(e.getValue(), m.valueType()));
            }
            return out;
        }
        return v;
    }

    /** A row Spark returned, as Sluice's row of {@code schema} (the plan's schema: names and types as Sluice planned). */
    static Row fromSpark(org.apache.spark.sql.Row row, StructType schema) {
        if (row.size() != schema.size()) {
            throw SluiceException.internal("Spark returned " + row.size() + " columns where the plan has " + schema.size());
        }
        Object[] values = new Object[schema.size()];
        for (int i = 0; i < values.length; i++) values[i] = fromSparkValue(row.get(i), schema.field(i).dataType());
        return new Row(schema, values);
    }

    private static Object fromSparkValue(Object v, DataType type) {
        if (v == null) return null;
        if (v instanceof org.apache.spark.sql.Row r && type instanceof StructType s) return fromSpark(r, s);
        if (v instanceof scala.collection.Seq<?> seq && type instanceof ArrayType a) {
            List<Object> out = new ArrayList<>(seq.size());
            for (Object e : CollectionConverters.asJava(seq)) out.add(fromSparkValue(e, a.elementType()));
            return out;
        }
        if (v instanceof scala.collection.Map<?, ?> map && type instanceof MapType m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : CollectionConverters.asJava(map).entrySet()) {
                out.put(fromSparkValue(e.getKey(), m.keyType()), fromSparkValue(e.getValue(), m.valueType()));
            }
            return out;
        }
        if (v instanceof java.sql.Timestamp t) return t.toInstant();
        if (v instanceof org.apache.spark.unsafe.types.CalendarInterval c) {
            return new dev.sluice.types.CalendarInterval(c.months, c.days, c.microseconds);
        }
        if (v instanceof java.sql.Date d) return d.toLocalDate();
        return v;
    }
}
