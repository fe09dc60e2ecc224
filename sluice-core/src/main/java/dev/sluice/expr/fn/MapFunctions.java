package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.expr.TypeCoercion;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.MapType;
import dev.sluice.types.NullType;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.sluice.types.DataTypes.STRING;

/**
 * Maps built from and turned into arrays, Spark's values and its duplicate-key policy
 * ({@code spark.sql.mapKeyDedupPolicy}: EXCEPTION, the default, fails with DUPLICATE_MAP_KEY; LAST_WIN keeps the last
 * value at the key's first position; NULL keys fail with NULL_MAP_KEY): map_from_arrays, map_from_entries, map_entries,
 * map_concat, map_contains_key, str_to_map.
 */
public final class MapFunctions {
    private MapFunctions() {}

    public static List<ScalarFunction> all() {
        List<ScalarFunction> out = new ArrayList<>();
        out.add(RowFunction.of("map_from_arrays", MapFunctions::bindFromArrays, (v, s) -> {
            List<?> k = (List<?>) v[0], val = (List<?>) v[1];
            if (k.size() != val.size()) throw FnArgs.badInput("map_from_arrays", "the key array and the value array must have the same length");
            Map<Object, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < k.size(); i++) put(m, k.get(i), val.get(i), CollatedArrays.of(s));
            return m;
        }));
        out.add(RowFunction.of("map_from_entries", MapFunctions::bindFromEntries, (v, s) -> {
            Map<Object, Object> m = new LinkedHashMap<>();
            for (Object e : (List<?>) v[0]) {
                if (e == null) return null;
                Row r = (Row) e;
                put(m, r.get(0), r.get(1), CollatedArrays.of(s));
            }
            return m;
        }));
        out.add(RowFunction.of("map_entries", MapFunctions::bindEntries, (v, s) -> {
            StructType st = (StructType) ((ArrayType) s.resultType()).elementType();
            List<Object> l = new ArrayList<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v[0]).entrySet()) l.add(new Row(st, new Object[] {e.getKey(), e.getValue()}));
            return l;
        }));
        out.add(RowFunction.of("map_concat", MapFunctions::bindConcat, v -> {
            Map<Object, Object> m = new LinkedHashMap<>();
            for (Object o : v) for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) put(m, e.getKey(), e.getValue());
            return m;
        }));
        out.add(RowFunction.of("map_contains_key", MapFunctions::bindContainsKey, (v, s) -> {
            if (CollatedArrays.of(s) != null) return CollatedArrays.position(new java.util.ArrayList<>(((Map<?, ?>) v[0]).keySet()), v[1], CollatedArrays.of(s)) > 0;
            for (Object k : ((Map<?, ?>) v[0]).keySet()) if (ArraySetFunctions.same(k, v[1])) return true;
            return false;
        }));
        out.add(RowFunction.of("str_to_map", RowFunction.optional(1, DataTypes.map(STRING, STRING), STRING, STRING, STRING),
                (v, s) -> s.state() instanceof dev.sluice.types.Collation c   // set by CollationSupport for non-binary collations
                        ? strToMap((String) v[0], v.length > 1 ? (String) v[1] : ",", v.length > 2 ? (String) v[2] : ":", c)
                        : strToMap((String) v[0], v.length > 1 ? (String) v[1] : ",", v.length > 2 ? (String) v[2] : ":")));
        return out;
    }

    /**
     * str_to_map under a collation: literal delimiters matched under it (Spark splits collated text without regular
     * expressions), keys that are equal under it are duplicates.
     */
    static Map<Object, Object> strToMap(String text, String pairDelim, String kvDelim, dev.sluice.types.Collation c) {
        Map<Object, Object> m = new LinkedHashMap<>();
        Map<java.nio.ByteBuffer, Object> keys = new java.util.HashMap<>();
        for (String pair : CollatedStrings.split(text, pairDelim, c)) {
            int[] at = kvDelim.isEmpty() ? null : CollatedStrings.find(pair, kvDelim, 0, c);
            String key = at == null ? pair : pair.substring(0, at[0]);
            Object prior = keys.putIfAbsent(java.nio.ByteBuffer.wrap(c.key(key)), key);
            if (prior != null) {
                if (!dev.sluice.types.SessionZone.lastWinMapKeys()) throw SluiceException.of(ErrorCode.DUPLICATE_MAP_KEY).with("key", key).build();
                m.remove(prior);
            }
            m.put(key, at == null ? null : pair.substring(at[1]));
        }
        return m;
    }

    static void put(Map<Object, Object> m, Object k, Object v) { put(m, k, v, null); }

    /** {@code collation}: of the keys when non-binary (keys equal under it are duplicates), else null. */
    static void put(Map<Object, Object> m, Object k, Object v, dev.sluice.types.Collation collation) {
        if (k == null) throw SluiceException.of(ErrorCode.NULL_MAP_KEY).build();
        Object key = k;
        if (collation != null) {
            for (Object existing : m.keySet()) {
                if (collation.equal((String) existing, (String) k)) {
                    key = existing;
                    break;
                }
            }
        } else if (k instanceof byte[]) {
            for (Object existing : m.keySet()) {
                if (ArraySetFunctions.same(existing, k)) {
                    key = existing;   // LAST_WIN keeps the first key object, so the entry stays where it was
                    break;
                }
            }
        }
        if (m.containsKey(key) && !dev.sluice.types.SessionZone.lastWinMapKeys()) {
            throw SluiceException.of(ErrorCode.DUPLICATE_MAP_KEY).with("key", String.valueOf(k)).build();
        }
        m.put(key, v);
    }

    static Signature bindFromArrays(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 2, 2);
        ArrayType k = ArraySetFunctions.arrayArg(fn, args, 0), v = ArraySetFunctions.arrayArg(fn, args, 1);
        return new Signature(List.of(k, v), new MapType(k.elementType(), v.elementType(), true), true);
    }

    static Signature bindFromEntries(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 1, 1);
        ArrayType a = ArraySetFunctions.arrayArg(fn, args, 0);
        if (!(a.elementType() instanceof StructType st) || st.size() != 2) throw FnArgs.mismatch(fn, args, 0, "an array of key-value structs");
        return new Signature(List.of(a), new MapType(st.field(0).dataType(), st.field(1).dataType(), true), true);
    }

    static MapType mapArg(String fn, List<Expression> args, int i) {
        if (args.get(i).dataType() instanceof MapType m) return m;
        throw FnArgs.mismatch(fn, args, i, "a map");
    }

    static Signature bindEntries(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 1, 1);
        MapType m = mapArg(fn, args, 0);
        StructType st = new StructType(List.of(new StructField("key", m.keyType(), false), new StructField("value", m.valueType(), m.valueContainsNull())));
        return new Signature(List.of(m), new ArrayType(st, false), true);
    }

    static Signature bindConcat(String fn, List<Expression> args) {
        if (args.isEmpty()) return new Signature(List.of(), new MapType(STRING, STRING, true), true);
        List<DataType> keys = new ArrayList<>(), values = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).dataType() instanceof NullType) continue;
            MapType m = mapArg(fn, args, i);
            keys.add(m.keyType());
            values.add(m.valueType());
        }
        DataType k = TypeCoercion.commonType(keys).orElseThrow(() -> FnArgs.mismatch(fn, args, 0, "maps of one key type"));
        DataType v = TypeCoercion.commonType(values).orElseThrow(() -> FnArgs.mismatch(fn, args, 0, "maps of one value type"));
        MapType t = new MapType(k, v, true);
        List<DataType> types = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) types.add(t);
        return new Signature(types, t, true);
    }

    static Signature bindContainsKey(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 2, 2);
        MapType m = mapArg(fn, args, 0);
        DataType k = TypeCoercion.commonType(List.of(m.keyType(), args.get(1).dataType()))
                .orElseThrow(() -> FnArgs.mismatch(fn, args, 1, "a value of the map's key type"));
        return new Signature(List.of(new MapType(k, m.valueType(), m.valueContainsNull()), k), DataTypes.BOOLEAN, true);
    }

    /** Spark's str_to_map: delimiters are regular expressions; a pair without the key-value delimiter maps to NULL. */
    static Map<Object, Object> strToMap(String text, String pairDelim, String kvDelim) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (String pair : text.split(pairDelim, -1)) {
            String[] kv = pair.split(kvDelim, 2);
            put(m, kv[0], kv.length > 1 ? kv[1] : null);
        }
        return m;
    }
}
