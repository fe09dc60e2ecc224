package dev.sluice.expr.fn;

import dev.sluice.expr.Expression;
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
 * {@code rand(seed)} / {@code random(seed)}: uniform doubles in [0, 1) from Spark's XORShiftRandom.
 * <p>Spark seeds one generator per partition with {@code seed + partitionIndex}. Functions here do not see the
 * partition, so each bound call keeps one generator per worker thread, seeded with {@code seed}, that carries on
 * from batch to batch: on one worker with one partition the i-th row gets exactly Spark's i-th value of
 * partition 0 ({@code rand(42)} starts 0.619189370225301, 0.5096018842446481, ...); with several partitions or
 * workers the values depend on which worker ran which batches (documented difference). A new analysis (a new
 * action) binds a new call and restarts the sequences. Non-deterministic, so never constant-folded.
 * The seed must be a constant int or bigint (NULL means 0); without one a random seed is drawn at binding.
 */
public final class RandFunction implements ScalarFunction {
    private final String name;

    RandFunction(String name) { this.name = name; }

    public static List<ScalarFunction> all() { return List.of(new RandFunction("rand"), new RandFunction("random")); }

    @Override public String name() { return name; }

    @Override public boolean deterministic() { return false; }

    /** Binding state: the seed and the generators of the worker threads. */
    static final class Generators {
        final long seed;
        private final ThreadLocal<XorShiftRandom> perThread;

        Generators(long seed) {
            this.seed = seed;
            this.perThread = ThreadLocal.withInitial(() -> new XorShiftRandom(seed));
        }

        XorShiftRandom current() { return perThread.get(); }
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
        for (int i = 0; i < rows; i++) out.append(rng.nextDouble());
        return out;
    }

    @Override public String sql(List<Expression> args) { return FnArgs.call("rand", args); }
}
