package dev.sluice.expr;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.Vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * A user-defined function evaluated one row at a time on Java values (a Java UDF): the arguments keep their own
 * types (no implicit casts, as Spark passes a UDF its inputs), the result has the declared type and may be null.
 * A failure of the body on a row is FAILED_EXECUTE_UDF naming the function, with the body's exception as cause.
 */
public record RowByRowFunction(String name, DataType returnType, boolean deterministic, Body body) implements ScalarFunction {
    /** The function body: the row's argument values in, the result value out (null for SQL NULL). */
    @FunctionalInterface
    public interface Body extends java.io.Serializable {
        Object apply(Object[] arguments) throws Exception;
    }

    @Override public Signature bind(List<Expression> arguments) {
        List<DataType> types = new ArrayList<>(arguments.size());
        for (Expression a : arguments) types.add(a.dataType());
        return new Signature(types, returnType, true);
    }

    @Override public ColumnVector evaluate(Signature signature, ColumnVector[] arguments, int rowCount) {
        List<Object> out = new ArrayList<>(rowCount);
        Object[] values = new Object[arguments.length];
        for (int r = 0; r < rowCount; r++) {
            for (int a = 0; a < arguments.length; a++) values[a] = arguments[a].getObject(r);
            Object result;
            try {
                result = body.apply(values.clone());
            } catch (Exception | LinkageError e) {
                throw SluiceException.of(ErrorCode.FAILED_EXECUTE_UDF).with("function", name).with("reason", String.valueOf(e)).cause(e).build();
            }
            out.add(result);
        }
        try {
            return Vectors.of(returnType, out);
        } catch (ClassCastException e) {
            throw SluiceException.of(ErrorCode.FAILED_EXECUTE_UDF).with("function", name)
                    .with("reason", "it returned a value that is not of its declared type " + returnType.simpleString()).cause(e).build();
        }
    }
}
