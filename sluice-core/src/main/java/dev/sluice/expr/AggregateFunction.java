package dev.sluice.expr;

import dev.sluice.types.DataType;

import java.util.List;

/**
 * An aggregate function (sum, count, avg, ...): the description the analyzer types and explain prints, and
 * the factory of the {@link GroupAccumulator} that computes it for many groups at once. Immutable records,
 * one family per file under {@code dev.sluice.expr.agg}. Aggregation runs in two phases: each input
 * partition updates a partial state per group from its rows; after the exchange, the states of a group are
 * merged and turned into the result. The state is a few columns ({@link #stateTypes}) so it can travel
 * between stages as ordinary batches.
 */
public interface AggregateFunction {
    /** The SQL name, lower case, as Spark prints it: {@code sum}, {@code stddev_samp}. */
    String name();

    /** The argument expressions, as written (no implicit casts: those are applied by {@link #evaluatedInputs}). */
    List<Expression> inputs();

    AggregateFunction withInputs(List<Expression> inputs);

    /**
     * Checks the (resolved) inputs' types; returns the function marked as bound. Raises TYPE_MISMATCH or
     * INVALID_ARGUMENT with the function's name. {@code ansi} selects overflow behaviour.
     */
    AggregateFunction bind(AggregateBinder binder);

    /** True once {@link #bind} has run. */
    boolean bound();

    DataType resultType();

    boolean nullable();

    /** The expressions evaluated per input batch and handed to {@link GroupAccumulator#update}, casts included. */
    default List<Expression> evaluatedInputs() { return inputs(); }

    /** The columns of the partial state, in the order the accumulator writes and merges them. */
    List<DataType> stateTypes();

    /** A fresh accumulator for one operator instance (one partition). */
    GroupAccumulator newAccumulator();

    /** Spark's text: {@code sum(x)}, {@code count(DISTINCT a, b)}. */
    default String sql(boolean distinct) {
        StringBuilder sb = new StringBuilder(name()).append('(');
        if (distinct) sb.append("DISTINCT ");
        List<Expression> in = inputs();
        for (int i = 0; i < in.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(in.get(i).sql());
        }
        return sb.append(')').toString();
    }

    /** What binding may ask of the analyzer: its implicit casts and mode. */
    interface AggregateBinder {
        /** {@code e} cast to {@code type} as the analyzer casts function arguments (unchanged if already of that type). */
        Expression castTo(Expression e, DataType type);

        /** Spark's ANSI mode: overflow raises an error instead of wrapping or giving NULL. */
        boolean ansi();
    }
}
