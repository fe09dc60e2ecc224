package dev.sluice.expr.fn;

import dev.sluice.expr.Expression;
import dev.sluice.expr.PartitionScope;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.IntVector;

import java.util.List;

/**
 * How many times a row is drawn when sampling with replacement ({@code df.sample(true, fraction, seed)}): a
 * Poisson draw with mean {@code fraction} per row, from one generator per partition seeded with
 * {@code seed + partitionIndex} ({@link PartitionScope}), as Spark's Poisson sampler is seeded, so the result
 * depends on the data's partitioning and never on the number of workers. Not in the registry: a call carries it.
 */
public final class PoissonDraw implements ScalarFunction {
    private final long seed;
    private final double mean;

    public PoissonDraw(long seed, double mean) {
        this.seed = seed;
        this.mean = mean;
    }

    @Override public String name() { return "poisson_draw"; }

    @Override public boolean deterministic() { return false; }

    @Override public Signature bind(List<Expression> arguments) {
        FnArgs.arity(name(), arguments, 0, 0);
        return new Signature(List.of(), DataTypes.INT, false, new Object());   // the state object keys each partition's generator
    }

    @Override public ColumnVector evaluate(Signature signature, ColumnVector[] arguments, int rowCount) {
        PartitionScope scope = PartitionScope.current();
        XorShiftRandom rng = scope.state(signature.state(), () -> new XorShiftRandom(seed + scope.partition()));
        IntVector out = new IntVector(DataTypes.INT, rowCount);
        double limit = Math.exp(-mean);
        for (int i = 0; i < rowCount; i++) out.append(draw(rng, limit));
        return out;
    }

    /** Knuth's method: the number of uniforms whose running product stays above e^-mean (means here are at most a few). */
    private int draw(XorShiftRandom rng, double limit) {
        if (mean > 30) {   // large means: the normal approximation, rounded and clamped at 0
            double g = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());   // Box-Muller
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * g));
        }
        int k = 0;
        double p = rng.nextDouble();
        while (p > limit) {
            k++;
            p *= rng.nextDouble();
        }
        return k;
    }
}
