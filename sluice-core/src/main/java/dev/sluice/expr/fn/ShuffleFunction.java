package dev.sluice.expr.fn;

import dev.sluice.expr.Expression;
import dev.sluice.expr.PartitionScope;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code shuffle(array[, seed])}: a random permutation of the array, Spark's: an "inside-out" Fisher-Yates over
 * a {@link MersenneTwister} seeded with {@code seed + partition} for each task (a seed drawn once at analysis when
 * none is given), so the same arrays in the same partitions get Spark's permutations. Named {@code shuffle(a)}, as
 * Spark hides the seed.
 */
final class ShuffleFunction implements ScalarFunction {
    /** One generator per task, as {@link RandFunction.Generators}. */
    record Generators(long seed) {
        MersenneTwister current() {
            PartitionScope scope = PartitionScope.current();
            return scope.state(this, () -> new MersenneTwister(seed + scope.partition()));
        }
    }

    @Override public String name() { return "shuffle"; }

    @Override public boolean deterministic() { return false; }

    @Override public Signature bind(List<Expression> args) {
        FnArgs.arity(name(), args, 1, 2);
        ArrayType array = ArraySetFunctions.arrayArg(name(), args, 0);
        long seed;
        if (args.size() < 2) {
            seed = ThreadLocalRandom.current().nextLong();
        } else {
            DataType t = args.get(1).dataType();
            if (!(t instanceof IntegerType || t instanceof LongType)) throw FnArgs.mismatch(name(), args, 1, "an int or bigint seed");
            Object value = FnArgs.constant(args.get(1), DataTypes.LONG);
            if (value == FnArgs.NOT_CONSTANT || value == null) throw FnArgs.invalid(name(), "the seed must be a non-NULL constant");
            seed = (Long) value;
        }
        List<DataType> types = args.size() > 1 ? List.of(array, args.get(1).dataType()) : List.of(array);
        return new Signature(types, array, args.get(0).nullable(), new Generators(seed));
    }

    @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
        MersenneTwister random = ((Generators) signature.state()).current();
        FlatVector out = Vectors.allocate(signature.resultType(), rows);
        for (int r = 0; r < rows; r++) {
            if (args[0].isNull(r)) {
                out.appendNull();
                continue;
            }
            List<?> in = (List<?>) args[0].getObject(r);
            int n = in.size();
            int[] indices = new int[n];
            for (int i = 0; i < n; i++) {
                int j = random.nextInt(i + 1);
                if (j != i) indices[i] = indices[j];
                indices[j] = i;
            }
            List<Object> shuffled = new ArrayList<>(n);
            for (int index : indices) shuffled.add(in.get(index));
            out.appendObject(shuffled);
        }
        return out;
    }

    @Override public String sql(List<Expression> args) { return FnArgs.call(name(), args.subList(0, 1)); }
}
