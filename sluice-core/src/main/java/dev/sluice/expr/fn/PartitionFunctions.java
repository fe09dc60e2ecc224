package dev.sluice.expr.fn;

import dev.sluice.expr.Expression;
import dev.sluice.expr.PartitionScope;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.List;

/**
 * The functions of the task computing a row ({@link PartitionScope}): spark_partition_id (the partition index),
 * monotonically_increasing_id (Spark's formula: the partition index in the upper 31 bits, {@code << 33}, plus
 * the row's position within its partition, counted from 0 in each task), input_file_name (the file the task's
 * scan reads, "" when it reads none), input_file_block_start and input_file_block_length (the split's byte range,
 * -1 without a file). Like Spark's, the values depend on how the input is split into partitions; never
 * constant-folded nor moved by the optimizer.
 */
public final class PartitionFunctions {
    private PartitionFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                new TaskFunction("spark_partition_id", DataTypes.INT, scope -> scope.partition()),
                new TaskFunction("input_file_name", DataTypes.STRING, PartitionScope::inputFileName),
                new TaskFunction("input_file_block_start", DataTypes.LONG, PartitionScope::inputFileBlockStart),
                new TaskFunction("input_file_block_length", DataTypes.LONG, PartitionScope::inputFileBlockLength),
                new MonotonicId());
    }

    interface Value { Object of(PartitionScope scope); }

    /** A value that is the same for every row of a task. */
    record TaskFunction(String name, DataType type, Value value) implements ScalarFunction {
        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name, args, 0, 0);
            return new Signature(List.of(), type, false);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            Object v = value.of(PartitionScope.current());
            FlatVector out = Vectors.allocate(type, rows);
            for (int i = 0; i < rows; i++) out.appendObject(v);
            return out;
        }

        @Override public boolean deterministic() { return false; }
    }

    /** monotonically_increasing_id: a row counter per task, keyed by the binding (one per call in a query). */
    static final class MonotonicId implements ScalarFunction {
        /** The binding's identity: each task keeps its counter under it in its scope. */
        static final class Counter {
            long next(PartitionScope scope) {
                long[] n = scope.state(this, () -> new long[1]);
                return ((long) scope.partition() << 33) + n[0]++;
            }
        }

        @Override public String name() { return "monotonically_increasing_id"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 0, 0);
            return new Signature(List.of(), DataTypes.LONG, false, new Counter());
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            Counter counter = (Counter) signature.state();
            PartitionScope scope = PartitionScope.current();
            FlatVector out = Vectors.allocate(DataTypes.LONG, rows);
            for (int i = 0; i < rows; i++) out.appendObject(counter.next(scope));
            return out;
        }

        @Override public boolean deterministic() { return false; }
    }
}
