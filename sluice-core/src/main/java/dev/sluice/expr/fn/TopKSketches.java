package dev.sluice.expr.fn;

import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.ArrayType;
import dev.sluice.types.BinaryType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DateType;
import dev.sluice.types.DdlParser;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.Row;
import dev.sluice.types.StringType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.Timestamps;
import org.apache.datasketches.common.ArrayOfBooleansSerDe;
import org.apache.datasketches.common.ArrayOfDoublesSerDe;
import org.apache.datasketches.common.ArrayOfItemsSerDe;
import org.apache.datasketches.common.ArrayOfLongsSerDe;
import org.apache.datasketches.common.ArrayOfNumbersSerDe;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.memory.Memory;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Spark's approx_top_k family over DataSketches' frequent-items sketch, in Spark's formats: a state is
 * {@code struct<sketch: binary, maxItemsTracked: int, itemDataType: T, itemDataTypeDDL: string>} whose sketch is
 * the sketch's bytes then the count of NULL items (8 bytes); items are kept as Spark keeps them (a date as its
 * day number, a timestamp as microseconds). This class holds the shared parts and approx_top_k_estimate; the
 * aggregates are in {@code dev.sluice.expr.agg.TopKAggregates}.
 */
public final class TopKSketches {
    private TopKSketches() {}

    public static final int DEFAULT_K = 5, DEFAULT_MAX_ITEMS_TRACKED = 10000, MAX_ITEMS_TRACKED_LIMIT = 1000000;

    public static List<ScalarFunction> all() { return List.of(new Estimate()); }

    /** A sketch and its count of NULL items. */
    public record Buffer(ItemsSketch<Object> sketch, long nullCount) {
        public Buffer merge(Buffer other) {
            sketch.merge(other.sketch);
            return new Buffer(sketch, nullCount + other.nullCount);
        }
    }

    public static boolean supported(DataType t) {
        return t instanceof BooleanType || t instanceof IntegerType || t instanceof LongType || t instanceof FloatType
                || t instanceof DoubleType || t instanceof DateType || t instanceof TimestampType || t instanceof StringType;
    }

    /** Spark's map size for maxItemsTracked: the power of two at or above ⌈maxItemsTracked / 0.75⌉. */
    public static int maxMapSize(int maxItemsTracked) {
        int ceil = (int) Math.ceil(maxItemsTracked / 0.75);
        return (int) Math.pow(2, Math.ceil(Math.log(ceil) / Math.log(2)));
    }

    public static Buffer newBuffer(int maxItemsTracked) { return new Buffer(new ItemsSketch<>(maxMapSize(maxItemsTracked)), 0); }

    /** The item as the sketch keeps it. */
    public static Object toItem(Object v) {
        if (v instanceof LocalDate d) return (int) d.toEpochDay();
        if (v instanceof Instant i) return Timestamps.toMicros(i);
        return v;
    }

    static Object fromItem(Object item, DataType t) {
        if (t instanceof DateType) return LocalDate.ofEpochDay(((Number) item).longValue());
        if (t instanceof TimestampType) return Timestamps.toInstant(((Number) item).longValue());
        return item;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static ArrayOfItemsSerDe<Object> serDe(DataType t) {
        ArrayOfItemsSerDe s;
        if (t instanceof BooleanType) s = new ArrayOfBooleansSerDe();
        else if (t instanceof LongType || t instanceof TimestampType) s = new ArrayOfLongsSerDe();
        else if (t instanceof DoubleType) s = new ArrayOfDoublesSerDe();
        else if (t instanceof StringType) s = new ArrayOfStringsSerDe();
        else s = new ArrayOfNumbersSerDe();
        return (ArrayOfItemsSerDe<Object>) s;
    }

    public static byte[] serialize(Buffer b, DataType t) {
        byte[] sketch = b.sketch().toByteArray(serDe(t));
        return ByteBuffer.allocate(sketch.length + 8).put(sketch).putLong(b.nullCount()).array();
    }

    public static Buffer deserialize(String fn, byte[] bytes, DataType t) {
        try {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            byte[] sketch = new byte[bytes.length - 8];
            buf.get(sketch);
            return new Buffer(ItemsSketch.getInstance(Memory.wrap(sketch), serDe(t)), buf.getLong());
        } catch (RuntimeException e) {
            throw FnArgs.badInput(fn, "the value is not an approx_top_k sketch: " + e.getMessage());
        }
    }

    /** {@code struct<item: T, count: bigint>}, the element of the results. */
    public static ArrayType resultType(DataType item) {
        StructType entry = new StructType(List.of(new StructField("item", item, true), new StructField("count", DataTypes.LONG, false)));
        return new ArrayType(entry, false);
    }

    public static StructType stateType(DataType item) {
        return new StructType(List.of(new StructField("sketch", DataTypes.BINARY, false), new StructField("maxItemsTracked", DataTypes.INT, false),
                new StructField("itemDataType", item, true), new StructField("itemDataTypeDDL", DataTypes.STRING, false)));
    }

    public static String ddl(DataType item) {
        return item instanceof StringType ? "item string not null" : "item " + item.sql() + " NOT NULL";
    }

    public static DataType fromDdl(String ddl) {
        String s = ddl.strip();
        if (s.toLowerCase(Locale.ROOT).startsWith("item ")) s = s.substring(5);
        if (s.toUpperCase(Locale.ROOT).endsWith(" NOT NULL")) s = s.substring(0, s.length() - 9);
        return DdlParser.parseType(s);
    }

    public static Row state(Buffer b, int maxItemsTracked, DataType item) {
        return new Row(stateType(item), new Object[] {serialize(b, item), maxItemsTracked, null, ddl(item)});
    }

    /** Spark's top k: most frequent first (no false positives), NULL counted as an item. */
    public static List<Object> topK(Buffer b, int k, DataType item) {
        ItemsSketch.Row<Object>[] frequent = b.sketch().getFrequentItems(ErrorType.NO_FALSE_POSITIVES);
        StructType entry = (StructType) resultType(item).elementType();
        int length = Math.min(frequent.length + (b.nullCount() > 0 ? 1 : 0), k);
        List<Object> out = new ArrayList<>();
        int fi = 0;
        boolean nullAdded = false;
        while (out.size() < length && fi < frequent.length) {
            long est = frequent[fi].getEstimate();
            if (!nullAdded && b.nullCount() > est) {
                nullAdded = true;
                out.add(new Row(entry, new Object[] {null, b.nullCount()}));
            } else {
                out.add(new Row(entry, new Object[] {fromItem(frequent[fi].getItem(), item), est}));
                fi++;
            }
        }
        if (out.size() < length && b.nullCount() > 0 && !nullAdded) out.add(new Row(entry, new Object[] {null, b.nullCount()}));
        return out;
    }

    public static void checkK(String fn, int k) {
        if (k <= 0) throw FnArgs.invalid(fn, "k must be a positive integer, got " + k);
    }

    public static void checkMaxItemsTracked(String fn, int max) {
        if (max <= 0 || max > MAX_ITEMS_TRACKED_LIMIT) throw FnArgs.invalid(fn, "maxItemsTracked must be between 1 and " + MAX_ITEMS_TRACKED_LIMIT + ", got " + max);
    }

    /** The item type of a state struct; TYPE_MISMATCH when the value is not one. */
    static DataType stateItemType(String fn, List<Expression> args) {
        if (args.get(0).dataType() instanceof StructType st && st.size() == 4 && st.field(0).dataType() instanceof BinaryType
                && st.field(1).dataType() instanceof IntegerType && supported(st.field(2).dataType()) && st.field(3).dataType() instanceof StringType) {
            return st.field(2).dataType();
        }
        throw FnArgs.mismatch(fn, args, 0, "an approx_top_k_accumulate state struct<sketch: binary, maxItemsTracked: int, itemDataType: T, itemDataTypeDDL: string>");
    }

    /** {@code approx_top_k_estimate(state[, k])}. */
    static final class Estimate implements ScalarFunction {
        @Override public String name() { return "approx_top_k_estimate"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 1, 2);
            DataType item = stateItemType(name(), args);
            int k = DEFAULT_K;
            if (args.size() > 1) {
                Object v = FnArgs.constant(args.get(1), DataTypes.INT);
                if (!(v instanceof Integer i)) throw FnArgs.invalid(name(), "k must be a constant integer");
                k = i;
            }
            checkK(name(), k);
            List<DataType> types = new ArrayList<>(List.of(args.get(0).dataType()));
            if (args.size() > 1) types.add(DataTypes.INT);
            return new Signature(types, resultType(item), true, new Object[] {item, k});
        }

        @Override public dev.sluice.vector.ColumnVector evaluate(Signature signature, dev.sluice.vector.ColumnVector[] args, int rows) {
            DataType item = (DataType) ((Object[]) signature.state())[0];
            int k = (Integer) ((Object[]) signature.state())[1];
            dev.sluice.vector.FlatVector out = dev.sluice.vector.Vectors.allocate(signature.resultType(), rows);
            for (int r = 0; r < rows; r++) {
                if (args[0].isNull(r)) {
                    out.appendNull();
                    continue;
                }
                Row state = (Row) args[0].getObject(r);
                out.appendObject(topK(deserialize(name(), (byte[]) state.get(0), item), k, item));
            }
            return out;
        }
    }
}
