package dev.sluice.expr;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Comparison.Op#flipped}: the same answer with the operands swapped, for every operator and order. */
class ComparisonOpTest {
    @Test void flippedAnswersTheSameWithTheOperandsSwapped() {
        int[] values = {-2, 0, 0, 3};
        for (Comparison.Op op : Comparison.Op.values()) {
            for (int a : values) {
                for (int b : values) {
                    assertThat(op.flipped().test(Integer.compare(b, a))).as("%d %s %d", a, op.symbol(), b)
                            .isEqualTo(op.test(Integer.compare(a, b)));
                }
            }
            assertThat(op.flipped().flipped()).isEqualTo(op);
        }
        assertThat(Comparison.Op.LT.flipped()).isEqualTo(Comparison.Op.GT);
    }
}
