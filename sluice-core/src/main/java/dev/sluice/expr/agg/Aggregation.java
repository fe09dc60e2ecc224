package dev.sluice.expr.agg;

import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.Expression;
import dev.sluice.expr.GroupAccumulator;
import dev.sluice.types.DataType;

import java.util.ArrayList;
import java.util.List;

/** How the aggregate operator runs one aggregate expression: its evaluated inputs, state columns, accumulator. */
public final class Aggregation {
    private Aggregation() {}

    public static List<Expression> evaluatedInputs(AggregateExpression e) { return e.function().evaluatedInputs(); }

    public static List<DataType> stateTypes(AggregateExpression e) {
        if (!e.distinct()) return e.function().stateTypes();
        return List.of(DistinctAccumulator.stateType(inputTypes(e)));
    }

    public static GroupAccumulator newAccumulator(AggregateExpression e) {
        GroupAccumulator inner = e.function().newAccumulator();
        return e.distinct() ? new DistinctAccumulator(inner, inputTypes(e)) : inner;
    }

    private static List<DataType> inputTypes(AggregateExpression e) {
        List<DataType> types = new ArrayList<>();
        for (Expression in : e.function().evaluatedInputs()) types.add(in.dataType());
        return types;
    }
}
