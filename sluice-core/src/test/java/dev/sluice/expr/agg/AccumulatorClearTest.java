package dev.sluice.expr.agg;

import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.AggregateFunction;
import dev.sluice.expr.BoundColumn;
import dev.sluice.expr.GroupAccumulator;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DecimalType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.RandomVectors;
import dev.sluice.vector.Vectors;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * count, sum and avg accumulators emptied by {@code clear()} (a final aggregation reuses one table for every grace
 * partition) say so, and then aggregate a new input exactly as a new accumulator does: results and partial states,
 * with fewer or more groups than before, through update and merge.
 */
class AccumulatorClearTest {
    private static final DecimalType SMALL_DECIMAL = new DecimalType(10, 2);
    private static final DecimalType WIDE_DECIMAL = new DecimalType(38, 4);   // sums carried past a long

    @Test void clearedCountSumAndAverageAggregateAsNewOnes() {
        RandomVectors random = new RandomVectors(33);
        List<DataType> inputTypes = new ArrayList<>();
        List<AggregateExpression> aggregates = new ArrayList<>();
        inputTypes.add(DataTypes.LONG);
        aggregates.add(aggregate(DataTypes.LONG, x -> new Count(List.of(x), true)));
        for (DataType type : List.of(DataTypes.LONG, DataTypes.DOUBLE, SMALL_DECIMAL, WIDE_DECIMAL)) {
            inputTypes.add(type);
            aggregates.add(aggregate(type, x -> new Sum(x, false, true)));
            if (type == DataTypes.LONG) continue;   // avg reads a bigint cast to double
            inputTypes.add(type);
            aggregates.add(aggregate(type, x -> new Average(x, false, true)));
        }
        for (int i = 0; i < aggregates.size(); i++) {
            AggregateExpression agg = aggregates.get(i);
            DataType type = inputTypes.get(i);
            for (int round = 0; round < 20; round++) {
                GroupAccumulator reused = Aggregation.newAccumulator(agg);
                feed(random, reused, type, 1 + random.random().nextInt(300));
                assertThat(reused.clear()).as("%s clears", agg.sql()).isTrue();

                GroupAccumulator fresh = Aggregation.newAccumulator(agg);
                int groups = 1 + random.random().nextInt(round % 2 == 0 ? 40 : 600);   // fewer or more than before
                long seed = random.random().nextLong();
                feed(new RandomVectors(seed), reused, type, groups);
                feed(new RandomVectors(seed), fresh, type, groups);
                assertThat(results(reused, agg, groups)).as("%s after clear", agg.sql()).isEqualTo(results(fresh, agg, groups));

                // the partial states merged into a cleared accumulator, as into a new one
                List<FlatVector> states = states(fresh, agg, groups);
                int[] ids = new int[groups];
                for (int g = 0; g < groups; g++) ids[g] = g;
                assertThat(reused.clear()).isTrue();
                GroupAccumulator merged = Aggregation.newAccumulator(agg);
                for (GroupAccumulator acc : List.of(reused, merged)) {
                    acc.ensureGroups(groups);
                    acc.merge(states.toArray(new ColumnVector[0]), ids, groups);
                }
                assertThat(results(reused, agg, groups)).as("%s merged after clear", agg.sql()).isEqualTo(results(merged, agg, groups));
            }
        }
    }

    private static AggregateExpression aggregate(DataType type, Function<BoundColumn, AggregateFunction> function) {
        return new AggregateExpression(function.apply(new BoundColumn(0, "x", type, true)), false);
    }

    /** Three batches of random values (some null, some groups without a row) into {@code groups} groups. */
    private static void feed(RandomVectors random, GroupAccumulator acc, DataType type, int groups) {
        acc.ensureGroups(groups);
        for (int batch = 0; batch < 3; batch++) {
            int n = 1 + random.random().nextInt(200);
            FlatVector values = random.flat(type, n, 20);
            int[] ids = new int[n];
            for (int r = 0; r < n; r++) ids[r] = random.random().nextInt(groups);
            acc.update(new ColumnVector[] {values}, ids, n);
        }
    }

    private static List<Object> results(GroupAccumulator acc, AggregateExpression agg, int groups) {
        FlatVector out = Vectors.allocate(agg.dataType(), groups);
        for (int g = 0; g < groups; g++) acc.writeResult(g, out);
        List<Object> values = new ArrayList<>();
        for (int g = 0; g < groups; g++) values.add(out.getObject(g));
        return values;
    }

    private static List<FlatVector> states(GroupAccumulator acc, AggregateExpression agg, int groups) {
        List<DataType> types = Aggregation.stateTypes(agg);
        FlatVector[] out = new FlatVector[types.size()];
        for (int s = 0; s < out.length; s++) out[s] = Vectors.allocate(types.get(s), groups);
        for (int g = 0; g < groups; g++) acc.writeState(g, out);
        return List.of(out);
    }
}
