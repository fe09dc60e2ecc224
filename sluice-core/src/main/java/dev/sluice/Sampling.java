package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.MapType;
import dev.sluice.types.StructField;

import java.util.ArrayList;
import java.util.List;

/**
 * Random samples of a DataFrame as Spark draws them. Without replacement a row is kept when a uniform draw of
 * {@code rand(seed)} falls in [lower, upper) (Spark's Bernoulli cell sampler); with replacement each row is repeated
 * a Poisson(fraction) number of times. Both draw from one generator per partition seeded with
 * {@code seed + partitionIndex}, so a sample depends on the data's partitioning, never on the number of workers.
 * {@code randomSplit} sorts each partition first (as Spark does) so that every piece sees the rows in the same
 * order and the same draws: the pieces are disjoint and together hold every row.
 */
public final class Sampling {
    private static final String DRAW = "__sluice_sample_draw";

    private Sampling() {}

    /** The rows whose draw falls in [lower, upper); {@code sortFirst} orders each partition by every sortable column. */
    public static DataFrame bernoulli(DataFrame df, double lower, double upper, long seed, boolean sortFirst) {
        DataFrame in = sortFirst ? sortedWithinPartitions(df) : df;
        DataFrame drawn = in.withColumn(DRAW, functions.rand(seed));
        Column d = functions.col(DRAW);
        return drawn.filter(d.geq(lower).and(d.lt(upper))).drop(DRAW);
    }

    /** Each row repeated a Poisson({@code fraction}) number of times (sampling with replacement). */
    public static DataFrame poisson(DataFrame df, double fraction, long seed) {
        Column times = functions.call_function(new dev.sluice.expr.fn.PoissonDraw(seed, fraction));
        Column copies = functions.explode(functions.array_repeat(functions.lit(0), times));
        return df.withColumn(DRAW, copies).drop(DRAW);
    }

    static DataFrame sample(DataFrame df, boolean withReplacement, double fraction, long seed) {
        if (Double.isNaN(fraction) || fraction < 0 || (!withReplacement && fraction > 1)) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "sample").with("reason",
                    "the sampling fraction (" + fraction + ") must be " + (withReplacement ? "nonnegative" : "on the interval [0, 1]")
                            + (withReplacement ? " with replacement" : " without replacement")).build();
        }
        return withReplacement ? poisson(df, fraction, seed) : bernoulli(df, 0, fraction, seed, false);
    }

    static DataFrame[] randomSplit(DataFrame df, double[] weights, long seed) {
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0)) {
                throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "randomSplit")
                        .with("reason", "weights must be nonnegative, but got " + java.util.Arrays.toString(weights)).build();
            }
            sum += w;
        }
        if (weights.length == 0 || sum <= 0) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "randomSplit")
                    .with("reason", "the sum of the weights must be positive, but got " + java.util.Arrays.toString(weights)).build();
        }
        DataFrame[] out = new DataFrame[weights.length];
        double lower = 0;
        for (int i = 0; i < weights.length; i++) {
            double upper = i == weights.length - 1 ? 1.0 : lower + weights[i] / sum;   // the last piece closes at exactly 1
            out[i] = bernoulli(df, lower, upper, seed, true);
            lower = upper;
        }
        return out;
    }

    /** Each partition ordered by every column that can be ordered (maps cannot), so the draws land on the same rows. */
    private static DataFrame sortedWithinPartitions(DataFrame df) {
        List<Column> keys = new ArrayList<>();
        for (StructField f : df.schema().fields()) {
            if (!(f.dataType() instanceof MapType)) keys.add(df.col(f.name()));
        }
        return keys.isEmpty() ? df : df.sortWithinPartitions(keys.toArray(new Column[0]));
    }
}
