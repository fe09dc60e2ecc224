package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.expr.TypeCoercion;
import dev.sluice.expr.ValueComparator;
import dev.sluice.expr.ValueRenderer;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.MapType;
import dev.sluice.types.NullType;
import dev.sluice.types.StringType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.ArrayVector;
import dev.sluice.vector.BooleanVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.MapVector;
import dev.sluice.vector.StructView;
import dev.sluice.vector.Vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Building and reading collections: array, named_struct, map (Spark's create_map), map_keys, map_values,
 * array_contains. Element (and key, value) types meet in their common type; map keys must be unique
 * (DUPLICATE_MAP_KEY, NaN equal to NaN and -0.0 to 0.0, Spark's default EXCEPTION policy) and non-NULL
 * (NULL_MAP_KEY). More array functions are in {@link ArrayFunctions}.
 */
public final class CollectionFunctions {
    private CollectionFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(new MakeArray(), new NamedStruct(), new MakeMap(), new MapPart("map_keys", true), new MapPart("map_values", false),
                new ArrayContains());
    }

    static DataType commonOf(String fn, List<Expression> args, List<Expression> part) {
        List<DataType> types = new ArrayList<>();
        for (Expression e : part) types.add(e.dataType());
        return TypeCoercion.commonType(types).orElseThrow(() -> SluiceException.of(ErrorCode.TYPE_MISMATCH)
                .with("expression", FnArgs.call(fn, args)).with("expected", "values of one type")
                .with("actual", String.join(", ", types.stream().map(DataType::simpleString).toList())).build());
    }

    /** {@code array(a, ...)}: never NULL; {@code array()} is array<void>. */
    record MakeArray() implements ScalarFunction {
        @Override public String name() { return "array"; }

        @Override public Signature bind(List<Expression> args) {
            DataType t = commonOf(name(), args, args);
            List<DataType> types = new ArrayList<>();
            boolean containsNull = false;
            for (Expression a : args) {
                types.add(t);
                containsNull |= FnArgs.nullableAs(a, t);
            }
            return new Signature(types, new ArrayType(t, containsNull), false);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            ArrayVector out = (ArrayVector) Vectors.allocate(signature.resultType(), rows);
            FlatVector elements = out.writableElements();
            for (int i = 0; i < rows; i++) {
                for (ColumnVector a : args) elements.appendFrom(a, i);
                out.finishRow();
            }
            return out;
        }
    }

    /** {@code named_struct(name1, value1, ...)}: names are constant strings; never NULL. */
    record NamedStruct() implements ScalarFunction {
        @Override public String name() { return "named_struct"; }

        @Override public Signature bind(List<Expression> args) {
            if (args.size() % 2 != 0) throw FnArgs.invalid(name(), "takes pairs of name and value, got " + args.size() + " arguments");
            List<StructField> fields = new ArrayList<>();
            List<DataType> types = new ArrayList<>();
            for (int i = 0; i < args.size(); i += 2) {
                Object n = args.get(i).dataType() instanceof StringType ? FnArgs.constant(args.get(i), DataTypes.STRING) : FnArgs.NOT_CONSTANT;
                if (!(n instanceof String fieldName)) throw FnArgs.invalid(name(), "field names must be constant non-NULL strings, got " + args.get(i).sql());
                Expression v = args.get(i + 1);
                fields.add(new StructField(fieldName, v.dataType(), v.nullable()));
                types.add(DataTypes.STRING);
                types.add(v.dataType());
            }
            return new Signature(types, new StructType(fields), false);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            ColumnVector[] children = new ColumnVector[args.length / 2];
            for (int f = 0; f < children.length; f++) children[f] = args[2 * f + 1];
            return new StructView((StructType) signature.resultType(), children, rows);
        }
    }

    /** {@code map(k1, v1, ...)} (Spark's create_map). */
    record MakeMap() implements ScalarFunction {
        @Override public String name() { return "map"; }

        @Override public Signature bind(List<Expression> args) {
            if (args.size() % 2 != 0) throw FnArgs.invalid(name(), "takes pairs of key and value, got " + args.size() + " arguments");
            List<Expression> keys = new ArrayList<>(), values = new ArrayList<>();
            for (int i = 0; i < args.size(); i += 2) {
                keys.add(args.get(i));
                values.add(args.get(i + 1));
            }
            DataType k = commonOf(name(), args, keys), v = commonOf(name(), args, values);
            if (k instanceof MapType) throw FnArgs.mismatch(name(), args, 0, "keys that are not maps");
            List<DataType> types = new ArrayList<>();
            boolean valueNull = false;
            for (int i = 0; i < keys.size(); i++) {
                types.add(k);
                types.add(v);
                valueNull |= FnArgs.nullableAs(values.get(i), v);
            }
            return new Signature(types, new MapType(k, v, valueNull), false);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            MapType t = (MapType) signature.resultType();
            MapVector out = (MapVector) Vectors.allocate(t, rows);
            FlatVector keys = out.writableKeys(), values = out.writableValues();
            boolean lastWin = dev.sluice.types.SessionZone.lastWinMapKeys();
            for (int i = 0; i < rows; i++) {
                pairs:
                for (int k = 0; k < args.length; k += 2) {
                    ColumnVector key = args[k];
                    if (key.isNull(i)) throw SluiceException.of(ErrorCode.NULL_MAP_KEY).build();
                    for (int j = 0; j < k; j += 2) {
                        if (ValueComparator.compare(t.keyType(), args[j], i, key, i) == 0) {
                            if (lastWin) continue pairs;   // its value went in at the key's first position
                            throw SluiceException.of(ErrorCode.DUPLICATE_MAP_KEY)
                                    .with("key", ValueRenderer.render(key.getObject(i), t.keyType(), ValueRenderer.Style.show(dev.sluice.types.SessionZone.current()))).build();
                        }
                    }
                    int value = k + 1;   // LAST_WIN: the value of the key's last pair
                    if (lastWin) {
                        for (int j = k + 2; j < args.length; j += 2) {
                            if (ValueComparator.compare(t.keyType(), args[j], i, key, i) == 0) value = j + 1;
                        }
                    }
                    keys.appendFrom(key, i);
                    values.appendFrom(args[value], i);
                }
                out.finishRow();
            }
            return out;
        }
    }

    /** {@code map_keys(m)} / {@code map_values(m)}: the entries in map order. */
    record MapPart(String name, boolean keys) implements ScalarFunction {
        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name, args, 1, 1);
            DataType t = args.get(0).dataType();
            if (t instanceof NullType) return new Signature(List.of(t), new ArrayType(DataTypes.NULL, true), true);
            if (!(t instanceof MapType m)) throw FnArgs.mismatch(name, args, 0, "a map");
            return new Signature(List.of(t), keys ? new ArrayType(m.keyType(), false) : new ArrayType(m.valueType(), m.valueContainsNull()),
                    args.get(0).nullable());
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            ColumnVector in = args[0];
            ArrayVector out = (ArrayVector) Vectors.allocate(signature.resultType(), rows);
            if (in.type() instanceof NullType) {
                for (int i = 0; i < rows; i++) out.appendNull();
                return out;
            }
            FlatVector elements = out.writableElements();
            ColumnVector source = keys ? in.elements() : in.mapValues();
            for (int i = 0; i < rows; i++) {
                if (in.isNull(i)) {
                    out.appendNull();
                    continue;
                }
                for (int k = in.arrayOffset(i), end = k + in.arrayLength(i); k < end; k++) elements.appendFrom(source, k);
                out.finishRow();
            }
            return out;
        }
    }

    /** Widening without string promotion, as Spark's array functions do ({@code array_contains(array(1), '1')} is an error). */
    static Optional<DataType> widerNoStrings(DataType a, DataType b) {
        if ((a instanceof StringType) != (b instanceof StringType)) return Optional.empty();
        return TypeCoercion.widerType(a, b);
    }

    /**
     * {@code array_contains(arr, value)}: true when found (NaN equals NaN, -0.0 equals 0.0), NULL when not found
     * but the array holds a NULL, or when either argument is NULL. NULL-typed arguments are TYPE_MISMATCH.
     */
    record ArrayContains() implements ScalarFunction {
        @Override public String name() { return "array_contains"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 2, 2);
            DataType a = args.get(0).dataType(), v = args.get(1).dataType();
            if (a instanceof NullType || v instanceof NullType) throw FnArgs.mismatch(name(), args, a instanceof NullType ? 0 : 1, "a value that is not NULL-typed");
            if (!(a instanceof ArrayType at)) throw FnArgs.mismatch(name(), args, 0, "an array");
            DataType common = widerNoStrings(at.elementType(), v)
                    .orElseThrow(() -> FnArgs.mismatch(name(), args, 1, "a value of the array's element type " + at.elementType().simpleString()));
            ArrayType arrayType = new ArrayType(common, at.containsNull());
            return new Signature(List.of(arrayType, common), DataTypes.BOOLEAN,
                    args.get(0).nullable() || args.get(1).nullable() || at.containsNull());
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            ColumnVector arr = args[0], value = args[1], elements = arr.elements();
            DataType t = signature.argumentTypes().get(1);   // the collation is in the signature's type, not always the vector's
            BooleanVector out = new BooleanVector(DataTypes.BOOLEAN, rows);
            for (int i = 0; i < rows; i++) {
                if (arr.isNull(i) || value.isNull(i)) {
                    out.appendNull();
                    continue;
                }
                boolean found = false, sawNull = false;
                for (int k = arr.arrayOffset(i), end = k + arr.arrayLength(i); k < end && !found; k++) {
                    if (elements.isNull(k)) sawNull = true;
                    else found = ValueComparator.compare(t, elements, k, value, i) == 0;
                }
                if (found) out.append(true);
                else if (sawNull) out.appendNull();
                else out.append(false);
            }
            return out;
        }
    }
}
