package dev.sluice.expr.fn;

import dev.sluice.expr.Casts;
import dev.sluice.expr.EvalMode;
import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import dev.sluice.types.VariantType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.Vectors;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.sluice.types.DataTypes.STRING;
import static dev.sluice.types.DataTypes.VARIANT;

/**
 * Spark 4's VARIANT functions: parse_json / try_parse_json, is_variant_null, variant_get / try_variant_get
 * (a {@code $.a[0]['b']} path, then a cast to the asked type: strings give their text, other values their JSON;
 * a value that does not cast fails, or gives NULL in the try_ form), schema_of_variant, to_variant_object.
 */
public final class VariantFunctions {
    private VariantFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                RowFunction.of("parse_json", RowFunction.typed(VARIANT, STRING), v -> parse("parse_json", (String) v[0], false)),
                RowFunction.of("try_parse_json", RowFunction.typed(VARIANT, STRING), v -> parse("try_parse_json", (String) v[0], true)),
                RowFunction.nullable("is_variant_null", VariantFunctions::bindVariant, (v, s) -> v[0] != null && v[0].equals("null")),
                RowFunction.of("variant_get", VariantFunctions::bindGet, (v, s) -> get(v, s, false)),
                RowFunction.of("try_variant_get", VariantFunctions::bindGet, (v, s) -> get(v, s, true)),
                RowFunction.of("schema_of_variant", (fn, args) -> withResult(bindVariant(fn, args), STRING),
                        v -> VariantJson.schema(VariantJson.parse((String) v[0]))),
                RowFunction.of("to_variant_object", (fn, args) -> {
                    FnArgs.arity(fn, args, 1, 1);
                    DataType t = args.get(0).dataType();
                    if (!t.isNested()) throw FnArgs.mismatch(fn, args, 0, "a struct, array or map");
                    return new Signature(List.of(t), VARIANT, true);
                }, v -> VariantJson.write(model(v[0]))));
    }

    static Signature withResult(Signature s, DataType t) { return new Signature(s.argumentTypes(), t, true, s.state()); }

    static Signature bindVariant(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 1, 1);
        DataType t = args.get(0).dataType();
        if (!(t instanceof VariantType) && !t.equals(DataTypes.NULL)) throw FnArgs.mismatch(fn, args, 0, "a variant");
        return new Signature(List.of(VARIANT), DataTypes.BOOLEAN, false);
    }

    static String parse(String fn, String text, boolean lenient) {
        try {
            return VariantJson.write(VariantJson.parse(text));
        } catch (IllegalArgumentException e) {
            if (lenient) return null;
            throw FnArgs.badInput(fn, "malformed JSON: " + text);
        }
    }

    static Signature bindGet(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 2, 3);
        if (!(args.get(0).dataType() instanceof VariantType) && !args.get(0).dataType().equals(DataTypes.NULL)) throw FnArgs.mismatch(fn, args, 0, "a variant");
        // a constant path is parsed once; a column of paths (Spark allows one) row by row
        List<Object> steps = null;
        if (args.get(1).foldable()) {
            Object path = FnArgs.constant(args.get(1), STRING);
            if (!(path instanceof String p)) throw FnArgs.invalid(fn, "the path must be a string");
            steps = steps(fn, p);
        }
        DataType target = VARIANT;
        List<DataType> types = new ArrayList<>(List.of(VARIANT, STRING));
        if (args.size() == 3) {
            Object t = FnArgs.constant(args.get(2), STRING);
            if (!(t instanceof String ts)) throw FnArgs.invalid(fn, "the type must be a constant string");
            target = DdlParser.parseType(ts);
            types.add(STRING);
        }
        return new Signature(types, target, true, new GetState(fn, steps));
    }

    /** variant_get's function name and its path's steps (null: the path is a column, parsed per row). */
    record GetState(String fn, List<Object> steps) {}

    /** {@code $.a.b[0]['c']} as a list of field names (String) and indexes (Integer). */
    static List<Object> steps(String fn, String path) {
        if (!path.startsWith("$")) throw FnArgs.invalid(fn, "the path '" + path + "' must start with $");
        List<Object> out = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int j = i + 1;
                while (j < path.length() && path.charAt(j) != '.' && path.charAt(j) != '[') j++;
                out.add(path.substring(i + 1, j));
                i = j;
            } else if (c == '[') {
                int j = path.indexOf(']', i);
                if (j < 0) throw FnArgs.invalid(fn, "the path '" + path + "' is invalid");
                String inside = path.substring(i + 1, j).strip();
                if (inside.startsWith("'") || inside.startsWith("\"")) out.add(inside.substring(1, inside.length() - 1));
                else {
                    try {
                        out.add(Integer.parseInt(inside));
                    } catch (NumberFormatException e) {
                        throw FnArgs.invalid(fn, "the path '" + path + "' is invalid");
                    }
                }
                i = j + 1;
            } else {
                throw FnArgs.invalid(fn, "the path '" + path + "' is invalid");
            }
        }
        return out;
    }

    static Object get(Object[] v, Signature s, boolean lenient) {
        GetState state = (GetState) s.state();
        if (state.steps == null && v[1] == null) return null;
        List<Object> steps = state.steps != null ? state.steps : steps(state.fn, (String) v[1]);
        Object node = VariantJson.parse((String) v[0]);
        for (Object step : steps) {
            if (step instanceof String name && node instanceof Map<?, ?> m) node = m.get(name);
            else if (step instanceof Integer idx && node instanceof List<?> l) node = idx >= 0 && idx < l.size() ? l.get(idx) : null;
            else node = null;
            if (node == null) return null;
        }
        DataType target = s.resultType();
        if (target instanceof VariantType) return VariantJson.write(node);
        if (node == VariantJson.NULL) return null;
        String text = node instanceof String str ? str : VariantJson.write(node);
        if (target.equals(STRING)) return text;
        boolean scalarTarget = !target.isNested();
        try {
            // only a string casts to binary (Spark's ANSI cast rules; a variant holds no binary values here)
            boolean invalid = !scalarTarget || node instanceof Map || node instanceof List
                    || (target instanceof dev.sluice.types.BinaryType && !(node instanceof String));
            if (invalid) throw FnArgs.badInput(state.fn, "cannot cast " + VariantJson.write(node) + " to " + target.simpleString());
            ColumnVector c = Casts.cast(Vectors.of(STRING, List.of(text)), target, EvalMode.ANSI);
            return c.isNull(0) ? null : c.getObject(0);
        } catch (SluiceException e) {
            if (lenient) return null;
            throw e;
        }
    }

    /** A Java value of a Sluice type as the variant model. */
    static Object model(Object v) {
        if (v == null) return VariantJson.NULL;
        if (v instanceof Row r) {
            Map<String, Object> m = new TreeMap<>();
            StructType st = r.schema();
            for (int i = 0; i < st.size(); i++) m.put(st.field(i).name(), model(r.get(i)));
            return m;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) out.add(model(o));
            return out;
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> m = new TreeMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) m.put(String.valueOf(e.getKey()), model(e.getValue()));
            return m;
        }
        if (v instanceof Integer i) return (long) i;
        if (v instanceof Float f) return (double) f;
        if (v instanceof Long || v instanceof Double || v instanceof BigDecimal || v instanceof Boolean || v instanceof String) return v;
        return v.toString();
    }

}
