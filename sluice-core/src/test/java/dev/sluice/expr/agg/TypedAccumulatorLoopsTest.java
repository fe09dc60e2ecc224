package dev.sluice.expr.agg;

import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.BoundColumn;
import dev.sluice.expr.GroupAccumulator;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.RandomVectors;
import dev.sluice.vector.Vectors;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * sum and avg over doubles: the typed loop over the flat array (inputs behind views) against the generic loop
 * (the same inputs behind a view it cannot resolve), on random values with nulls, NaN, -0.0 and infinities.
 */
class TypedAccumulatorLoopsTest {
    @Test void doubleSumAndAverageAddAsTheGenericLoopDoes() {
        RandomVectors random = new RandomVectors(21);
        BoundColumn x = new BoundColumn(0, "x", DataTypes.DOUBLE, true);
        for (AggregateExpression agg : List.of(new AggregateExpression(new Sum(x, true, true), false),
                new AggregateExpression(new Average(x, true, true), false))) {
            for (int round = 0; round < 40; round++) {
                GroupAccumulator typed = Aggregation.newAccumulator(agg), generic = Aggregation.newAccumulator(agg);
                int groups = 1 + random.random().nextInt(5);
                typed.ensureGroups(groups);
                generic.ensureGroups(groups);
                for (int batch = 0; batch < 3; batch++) {
                    int n = 1 + random.random().nextInt(80);
                    FlatVector flat = random.flat(DataTypes.DOUBLE, n, new int[] {0, 15, 90}[round % 3]);   // 90%: groups of only nulls
                    ColumnVector view = random.view(random.random().nextInt(RandomVectors.VIEW_KINDS), flat, n);
                    int[] ids = new int[n];
                    for (int r = 0; r < n; r++) ids[r] = random.random().nextInt(groups);
                    typed.update(new ColumnVector[] {view}, ids, n);
                    generic.update(new ColumnVector[] {RandomVectors.opaque(view)}, ids, n);
                }
                assertThat(results(typed, agg, groups)).as("%s", agg.sql()).isEqualTo(results(generic, agg, groups));
            }
        }
    }

    private static List<Object> results(GroupAccumulator acc, AggregateExpression agg, int groups) {
        FlatVector out = Vectors.allocate(agg.dataType(), groups);
        for (int g = 0; g < groups; g++) acc.writeResult(g, out);
        List<Object> values = new ArrayList<>();
        for (int g = 0; g < groups; g++) values.add(out.getObject(g));
        return values;
    }
}
