package dev.sluice.expr;

import dev.sluice.types.DataTypes;
import dev.sluice.vector.Batch;
import dev.sluice.vector.BooleanVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.RandomVectors;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A filter's comparison of an int column with a literal writes its selection directly ({@link Comparison#selectTrue},
 * without a branch on the test): the same rows as the comparison's boolean vector, for every operator, with values
 * and literals at the ints' extremes (where a difference taken in ints would overflow); other shapes decline.
 */
class ComparisonSelectionTest {
    private static final int[] EDGES = {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -1, 0, 1, 399, 400, 401, Integer.MAX_VALUE - 1, Integer.MAX_VALUE};

    @Test void intsAgainstALiteralSelectTheRowsTheBooleanVectorKeeps() {
        Random random = new Random(5);
        BoundColumn column = new BoundColumn(0, "status", DataTypes.INT, false);
        int directRuns = 0;
        for (int round = 0; round < 400; round++) {
            int n = 1 + random.nextInt(80);
            int[] values = new int[n];
            for (int i = 0; i < n; i++) values[i] = random.nextInt(3) == 0 ? EDGES[random.nextInt(EDGES.length)] : random.nextInt(1000) - 300;
            int c = random.nextBoolean() ? EDGES[random.nextInt(EDGES.length)] : values[random.nextInt(n)];
            Batch batch = new Batch(new ColumnVector[] {IntVector.adopt(DataTypes.INT, values, null, n)}, n);
            for (Comparison.Op op : new Comparison.Op[] {Comparison.Op.LT, Comparison.Op.LE, Comparison.Op.GT, Comparison.Op.GE, Comparison.Op.EQ}) {
                for (boolean literalRight : new boolean[] {true, false}) {
                    Expression literal = new Literal(c, DataTypes.INT);
                    Comparison e = literalRight ? new Comparison(op, column, literal) : new Comparison(op, literal, column);
                    int[] ids = new int[n];
                    ColumnVector[] operands = new ColumnVector[2];
                    int count = e.selectTrue(batch, ids, operands);
                    ColumnVector keep = e.evaluate(batch);
                    int expected = 0;
                    int[] wanted = new int[n];
                    for (int i = 0; i < n; i++) if (!keep.isNull(i) && keep.getBoolean(i)) wanted[expected++] = i;
                    if (count < 0) {   // declined (the literal on the left): the operands are handed back
                        assertThat(literalRight).isFalse();
                        assertThat(operands[0]).isNotNull();
                        count = selected(e.compare(operands[0], operands[1], n), ids);
                    } else {
                        directRuns++;
                    }
                    assertThat(Arrays.copyOf(ids, count)).as("%s %s %d", op, Arrays.toString(values), c)
                            .containsExactly(Arrays.copyOf(wanted, expected));
                }
            }
        }
        assertThat(directRuns).isEqualTo(400 * 5);
    }

    @Test void columnsWithNullsOrViewsDeclineAndHandTheOperandsBack() {
        RandomVectors random = new RandomVectors(9);
        Comparison e = new Comparison(Comparison.Op.LT, new BoundColumn(0, "x", DataTypes.INT, true), new Literal(400, DataTypes.INT));
        for (int round = 0; round < 100; round++) {
            int n = 2 + random.random().nextInt(60);
            ColumnVector x = random.view(1 + random.random().nextInt(RandomVectors.VIEW_KINDS - 1), random.flat(DataTypes.INT, n, 30), n);
            Batch batch = new Batch(new ColumnVector[] {x}, n);
            int[] ids = new int[n];
            ColumnVector[] operands = new ColumnVector[2];
            int count = e.selectTrue(batch, ids, operands);
            if (count < 0) count = selected(e.compare(operands[0], operands[1], n), ids);
            ColumnVector keep = e.evaluate(batch);
            int expected = 0;
            int[] wanted = new int[n];
            for (int i = 0; i < n; i++) if (!keep.isNull(i) && keep.getBoolean(i)) wanted[expected++] = i;
            assertThat(Arrays.copyOf(ids, count)).containsExactly(Arrays.copyOf(wanted, expected));
        }
    }

    private static int selected(BooleanVector keep, int[] ids) {
        int count = 0;
        for (int i = 0; i < keep.size(); i++) if (!keep.isNull(i) && keep.getBoolean(i)) ids[count++] = i;
        return count;
    }
}
