package dev.sluice.expr.fn;

import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.DataType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * A registry function written one row at a time over Java values (see {@link dev.sluice.types.Row} for the
 * mapping): the shape for the long tail of the library, where clarity beats a hand-vectorized kernel. The binder
 * decides argument types and result; the body computes one row's value. {@code nullIntolerant}: any NULL
 * argument gives NULL without calling the body (Spark's NullIntolerant).
 */
public record RowFunction(String name, Binder binder, Body body, boolean nullIntolerant) implements ScalarFunction {
    /** Argument types and result for the resolved arguments (TYPE_MISMATCH / INVALID_ARGUMENT when they do not fit). */
    public interface Binder { Signature bind(String name, List<Expression> args); }

    /** One row: the argument values, already cast to the signature's types. */
    public interface Body { Object apply(Object[] values, Signature signature); }

    /** Shorter body for functions that do not need their signature. */
    public interface Simple { Object apply(Object[] values); }

    static RowFunction of(String name, Binder binder, Simple body) {
        return new RowFunction(name, binder, (v, s) -> body.apply(v), true);
    }

    static RowFunction of(String name, Binder binder, Body body) { return new RowFunction(name, binder, body, true); }

    static RowFunction nullable(String name, Binder binder, Body body) { return new RowFunction(name, binder, body, false); }

    /** A binder: exactly these argument types (implicit casts allowed) and this result. */
    static Binder typed(DataType result, DataType... types) {
        return (fn, args) -> {
            FnArgs.arity(fn, args, types.length, types.length);
            List<DataType> out = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) out.add(FnArgs.expect(fn, args, i, types[i]));
            return new Signature(out, result, true);
        };
    }

    /** A binder: the first {@code min} types required, the rest optional. */
    static Binder optional(int min, DataType result, DataType... types) {
        return (fn, args) -> {
            FnArgs.arity(fn, args, min, types.length);
            List<DataType> out = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) out.add(FnArgs.expect(fn, args, i, types[i]));
            return new Signature(out, result, true);
        };
    }

    /** A binder: any number (≥ min) of arguments of one type. */
    static Binder variadic(int min, DataType result, DataType each) {
        return (fn, args) -> {
            FnArgs.arity(fn, args, min, Integer.MAX_VALUE);
            List<DataType> out = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) out.add(FnArgs.expect(fn, args, i, each));
            return new Signature(out, result, true);
        };
    }

    @Override public Signature bind(List<Expression> arguments) { return binder.bind(name, arguments); }

    @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rowCount) {
        FlatVector out = Vectors.allocate(signature.resultType(), rowCount);
        Object[] values = new Object[args.length];
        for (int i = 0; i < rowCount; i++) {
            boolean anyNull = false;
            for (int k = 0; k < args.length; k++) {
                values[k] = args[k].isNull(i) ? null : args[k].getObject(i);
                anyNull |= values[k] == null;
            }
            out.appendObject(nullIntolerant && anyNull ? null : body.apply(values, signature));
        }
        return out;
    }
}
