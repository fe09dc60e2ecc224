package dev.sluice.expr.fn;

import dev.sluice.expr.Expression;
import dev.sluice.expr.PartitionScope;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.NullType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DoubleVector;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code rand(seed)} / {@code random(seed)}: uniform doubles in [0, 1) from Spark's XORShiftRandom, one generator
 * per partition seeded with {@code seed + partitionIndex} as Spark does ({@link PartitionScope}), carried on from
 * batch to batch of that partition. The values depend only on how the input is split into partitions, never on
 * the number of workers: partition 0 gives exactly Spark's sequence ({@code rand(42)} starts 0.619189370225301,
 * 0.5096018842446481, ...), and other partitions match Spark's wherever the partitioning is the same. A new
 * analysis (a new action) binds a new call and restarts the sequences. Non-deterministic, so never constant-folded
 * nor moved by the optimizer. The seed must be a constant int or bigint (NULL means 0); without one a random seed
 * is drawn at binding. {@code randn(seed)} draws standard normal values from the same generator, as Spark's
 * {@code nextGaussian}.
 */
public final class RandFunction implements ScalarFunction {
    private final String name;
    private final boolean gaussian;

    RandFunction(String name) { this(name, false); }

    private RandFunction(String name, boolean gaussian) {
        this.name = name;
        this.gaussian = gaussian;
    }

    public static List<ScalarFunction> all() {
        return List.of(new RandFunction("rand"), new RandFunction("random"), new RandFunction("randn", true));
    }

    @Override public String name() { return name; }

    @Override public boolean deterministic() { return false; }

    /**
     * Binding state: the seed; each partition's generator is kept in its task's {@link PartitionScope}, keyed by
     * this object's identity (two calls of {@code rand(7)} in one query have a generator each, as in Spark).
     */
    static final class Generators {
        final long seed;

        Generators(long seed) { this.seed = seed; }

        XorShiftRandom current() {
            PartitionScope scope = PartitionScope.current();
            return scope.state(this, () -> new XorShiftRandom(seed + scope.partition()));
        }
    }

    @Override public Signature bind(List<Expression> args) {
        FnArgs.arity(name, args, 0, 1);
        if (args.isEmpty()) return new Signature(List.of(), DataTypes.DOUBLE, false, new Generators(ThreadLocalRandom.current().nextLong()));
        DataType t = args.get(0).dataType();
        if (!(t instanceof IntegerType || t instanceof LongType || t instanceof NullType)) throw FnArgs.mismatch(name, args, 0, "an int or bigint seed");
        Object seed = FnArgs.constant(args.get(0), DataTypes.LONG);
        if (seed == FnArgs.NOT_CONSTANT) throw FnArgs.invalid(name, "the seed must be a constant");
        return new Signature(List.of(DataTypes.LONG), DataTypes.DOUBLE, false, new Generators(seed == null ? 0L : (Long) seed));
    }

    @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
        XorShiftRandom rng = ((Generators) signature.state()).current();
        DoubleVector out = new DoubleVector(DataTypes.DOUBLE, rows);
        for (int i = 0; i < rows; i++) out.append(gaussian ? rng.nextGaussian() : rng.nextDouble());
        return out;
    }

    @Override public String sql(List<Expression> args) { return FnArgs.call(gaussian ? "randn" : "rand", args); }
}
