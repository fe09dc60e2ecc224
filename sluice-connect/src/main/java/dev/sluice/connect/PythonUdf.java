package dev.sluice.connect;

import com.google.protobuf.ByteString;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.DataType;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.Vectors;
import org.apache.arrow.memory.BufferAllocator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A PySpark user-defined function ({@code @udf}, {@code pandas_udf}, {@code arrow_udf}, {@code spark.udf.register}):
 * the pickled command the client sent, evaluated batch by batch by the session's Python workers. Arguments keep their
 * own types, as Spark passes them to Python; the result has the declared type. Calls carry this function
 * ({@code FunctionCall.inline}), so nothing is registered globally.
 */
final class PythonUdf implements ScalarFunction {
    /** PySpark's PythonEvalType values the worker evaluates: row-at-a-time, pandas and Arrow scalar UDFs. */
    static final Set<Integer> SCALAR_EVAL_TYPES = Set.of(100, 101, 200, 204, 250, 251);

    private final String name;
    private final DataType returnType;
    private final int evalType;
    private final ByteString command;
    private final boolean deterministic;
    private final PythonWorkers workers;
    private final Supplier<String> sessionZone;
    /** Per argument, its keyword ({@code f(b=col)}) or null for a positional one; empty: all positional. */
    private final List<String> keywords;

    PythonUdf(String name, DataType returnType, int evalType, ByteString command, boolean deterministic,
              PythonWorkers workers, Supplier<String> sessionZone) {
        this(name, returnType, evalType, command, deterministic, workers, sessionZone, List.of());
    }

    private PythonUdf(String name, DataType returnType, int evalType, ByteString command, boolean deterministic,
                      PythonWorkers workers, Supplier<String> sessionZone, List<String> keywords) {
        this.name = name;
        this.returnType = returnType;
        this.evalType = evalType;
        this.command = command;
        this.deterministic = deterministic;
        this.workers = workers;
        this.sessionZone = sessionZone;
        this.keywords = keywords;
    }

    /**
     * This function called with keyword arguments: the worker passes the arguments whose keyword is not null as
     * {@code f(..., key=value)} (their batch columns are named {@code k:key}), as Spark's NamedArgumentExpression.
     */
    PythonUdf withKeywords(List<String> argumentKeywords) {
        if (argumentKeywords.stream().allMatch(java.util.Objects::isNull)) return this;
        if (evalType == 204 || evalType == 251) {   // iterator UDFs take one iterator of batches (Spark refuses keywords too)
            throw ConnectErrors.unsupported("keyword arguments to an iterator UDF (" + name + ")", "pass the columns by position");
        }
        return new PythonUdf(name, returnType, evalType, command, deterministic, workers, sessionZone, new ArrayList<>(argumentKeywords));
    }

    @Override public String name() { return name; }

    @Override public boolean deterministic() { return deterministic; }

    DataType returnType() { return returnType; }

    /** The same function under another name ({@code spark.udf.register}). */
    PythonUdf named(String newName) {
        return new PythonUdf(newName, returnType, evalType, command, deterministic, workers, sessionZone, keywords);
    }

    @Override public Signature bind(List<Expression> arguments) {
        List<DataType> types = new ArrayList<>(arguments.size());
        for (Expression a : arguments) types.add(a.dataType());
        return new Signature(types, returnType, true);
    }

    @Override public ColumnVector evaluate(Signature signature, ColumnVector[] arguments, int rowCount) {
        List<StructField> fields = new ArrayList<>();
        for (int a = 0; a < arguments.length; a++) {
            String key = a < keywords.size() ? keywords.get(a) : null;
            fields.add(StructField.of(key == null ? "_" + a : "k:" + key, signature.argumentTypes().get(a)));
        }
        StructType argumentSchema = new StructType(fields);
        StructType resultSchema = StructType.of(StructField.of("_0", returnType));
        List<Row> rows = new ArrayList<>(rowCount);
        for (int r = 0; r < rowCount; r++) {
            Object[] values = new Object[arguments.length];
            for (int a = 0; a < arguments.length; a++) values[a] = arguments[a].getObject(r);
            rows.add(new Row(argumentSchema, values));
        }
        try (BufferAllocator allocator = Allocators.root().newChildAllocator("udf-" + name, 0, Long.MAX_VALUE)) {
            byte[] input = ArrowBatches.encode(allocator, argumentSchema, rows);
            byte[] schema = ArrowBatches.encode(allocator, resultSchema, List.of());
            byte[] output = workers.with(name, w -> w.evaluate(command.toByteArray(), evalType, sessionZone.get(), schema, input, name));
            List<Row> results = ArrowRows.decode(allocator, output, resultSchema).rows();
            if (results.size() != rowCount) {
                throw SluiceException.of(ErrorCode.FAILED_EXECUTE_UDF).with("function", name)
                        .with("reason", "it returned " + results.size() + " rows for " + rowCount).build();
            }
            List<Object> values = new ArrayList<>(rowCount);
            for (Row r : results) values.add(r.get(0));
            return Vectors.of(returnType, values);
        }
    }

    @Override public boolean equals(Object o) {
        return o instanceof PythonUdf p && p.name.equals(name) && p.returnType.equals(returnType) && p.evalType == evalType
                && p.command.equals(command) && p.deterministic == deterministic && p.keywords.equals(keywords);
    }

    @Override public int hashCode() { return Objects.hash(name, returnType, evalType, command, deterministic, keywords); }

    @Override public String toString() { return "PythonUDF " + name; }
}
