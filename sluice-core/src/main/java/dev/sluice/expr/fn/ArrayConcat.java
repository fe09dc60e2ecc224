package dev.sluice.expr.fn;

import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;

import java.util.ArrayList;
import java.util.List;

/**
 * Spark's {@code concat} over arrays: the elements of every array in order, NULL when any array is NULL. Strings
 * go through {@code dev.sluice.expr.StringFunction}; the analyzer sends a concat whose arguments are arrays here, and
 * one whose arguments are all binary (the bytes joined: Spark's binary concat).
 */
public final class ArrayConcat {
    private ArrayConcat() {}

    public static List<ScalarFunction> all() {
        return List.of(RowFunction.of("concat", ArrayConcat::bind, v -> {
            if (v.length > 0 && v[0] instanceof byte[]) {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                for (Object b : v) bytes.writeBytes((byte[]) b);
                return bytes.toByteArray();
            }
            List<Object> out = new ArrayList<>();
            for (Object a : v) out.addAll((List<?>) a);
            return out;
        }));
    }

    static Signature bind(String fn, List<Expression> args) {
        if (!args.isEmpty() && args.stream().allMatch(a -> a.dataType().equals(DataTypes.BINARY))) {
            return new Signature(args.stream().map(a -> (DataType) DataTypes.BINARY).toList(), DataTypes.BINARY, true);
        }
        DataType element = DataTypes.NULL;
        boolean containsNull = false;
        for (int i = 0; i < args.size(); i++) {
            ArrayType a = ArraySetFunctions.arrayArg(fn, args, i);
            element = i == 0 ? a.elementType() : ArraySetFunctions.common(fn, args, element, a.elementType());
            containsNull |= a.containsNull();
        }
        ArrayType result = new ArrayType(element, containsNull);
        List<DataType> types = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) types.add(new ArrayType(element, ((ArrayType) ArraySetFunctions.arrayArg(fn, args, i)).containsNull()));
        return new Signature(types, result, true);
    }
}
