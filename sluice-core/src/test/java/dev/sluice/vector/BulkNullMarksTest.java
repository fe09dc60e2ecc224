package dev.sluice.vector;

import dev.sluice.types.DataTypes;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The null marks of a bulk append or an adopted batch ({@code FlatVector.markNulls}, 64 flags to a bitmap word when the
 * rows start a word) are the marks of the same rows appended one at a time.
 */
class BulkNullMarksTest {
    private static final double[] DENSITIES = {0, 0.01, 0.3, 0.83, 1};

    @Test
    void bulkAppendsAfterAnyNumberOfRowsMarkWhatRowByRowAppendsMark() {
        Random random = new Random(61);
        for (int round = 0; round < 3000; round++) {
            int before = random.nextInt(4) == 0 ? 64 * random.nextInt(4) : random.nextInt(200);
            int length = random.nextInt(400);
            int from = random.nextInt(50);
            int to = from + random.nextInt(length + 1);
            double density = DENSITIES[random.nextInt(DENSITIES.length)];
            boolean[] flags = new boolean[from + length + 1];
            int[] values = new int[flags.length];
            for (int i = 0; i < flags.length; i++) {
                flags[i] = random.nextDouble() < density;
                values[i] = random.nextInt();
            }
            IntVector bulk = new IntVector(DataTypes.INT, 4);
            IntVector oneByOne = new IntVector(DataTypes.INT, 4);
            for (int r = 0; r < before; r++) {
                if (random.nextInt(3) == 0) {
                    bulk.appendNull();
                    oneByOne.appendNull();
                } else {
                    bulk.append(r);
                    oneByOne.append(r);
                }
            }
            bulk.appendAll(values, flags, from, to);
            for (int i = from; i < to; i++) {
                if (flags[i]) oneByOne.appendNull();
                else oneByOne.append(values[i]);
            }
            assertSameRows(bulk, oneByOne, "round " + round);
        }
    }

    @Test
    void adoptedBatchesMarkTheirNullRows() {
        Random random = new Random(62);
        for (int round = 0; round < 2000; round++) {
            int rows = random.nextInt(300);
            double density = DENSITIES[random.nextInt(DENSITIES.length)];
            boolean[] flags = new boolean[rows + random.nextInt(70)];
            int[] values = new int[flags.length];
            for (int i = 0; i < flags.length; i++) flags[i] = random.nextDouble() < density;
            IntVector adopted = IntVector.adopt(DataTypes.INT, values, flags, rows);
            for (int r = 0; r < rows; r++) assertThat(adopted.isNull(r)).as("round %d row %d", round, r).isEqualTo(flags[r]);
        }
    }

    private static void assertSameRows(IntVector actual, IntVector expected, String as) {
        assertThat(actual.size()).as(as).isEqualTo(expected.size());
        for (int r = 0; r < expected.size(); r++) {
            assertThat(actual.isNull(r)).as("%s row %d", as, r).isEqualTo(expected.isNull(r));
            if (!expected.isNull(r)) assertThat(actual.getInt(r)).as("%s row %d", as, r).isEqualTo(expected.getInt(r));
        }
    }
}
