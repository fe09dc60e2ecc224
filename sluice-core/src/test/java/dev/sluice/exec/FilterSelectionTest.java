package dev.sluice.exec;

import dev.sluice.types.DataTypes;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.RandomVectors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The filter's typed loop over a flat boolean array keeps exactly the TRUE rows the generic loop keeps. */
class FilterSelectionTest {
    @Test void keepsTheTrueRowsAsTheGenericLoopDoes() {
        RandomVectors random = new RandomVectors(31);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.random().nextInt(100);
            FlatVector flat = random.flat(DataTypes.BOOLEAN, n, round % 3 == 0 ? 0 : 20);
            ColumnVector keep = random.view(random.random().nextInt(RandomVectors.VIEW_KINDS), flat, n);
            int[] typed = new int[n], generic = new int[n];
            int typedCount = FilterExec.selectTrue(keep, n, typed);
            int genericCount = FilterExec.selectTrue(RandomVectors.opaque(keep), n, generic);
            assertThat(java.util.Arrays.copyOf(typed, typedCount)).containsExactly(java.util.Arrays.copyOf(generic, genericCount));
        }
    }
}
