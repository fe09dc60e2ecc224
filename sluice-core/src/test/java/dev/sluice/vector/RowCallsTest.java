package dev.sluice.vector;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RowCallsTest {
    @Test void everyRowOnceInOrderInCallsOfAtMostRowsRows() {
        for (int n = 0; n <= 4 * RowCalls.ROWS + 1; n++) {
            List<int[]> calls = new ArrayList<>();
            RowCalls.run(n, (from, to) -> calls.add(new int[] {from, to}));
            assertThat(covered(calls, 0)).as("n=%d", n).isEqualTo(n);
            assertThat(calls).hasSize((n + RowCalls.ROWS - 1) / RowCalls.ROWS);
        }
    }

    @Test void theCountingLoopStartsAtFromAndCarriesItsCountThroughTheCalls() {
        for (int from = 0; from < 3; from++) {
            for (int n = from; n <= 3 * RowCalls.ROWS + 2; n++) {
                List<int[]> calls = new ArrayList<>();
                int count = RowCalls.run(from, n, 7, (a, b, c) -> {
                    calls.add(new int[] {a, b});
                    return c + (b - a);
                });
                assertThat(count).isEqualTo(7 + n - from);
                assertThat(covered(calls, from)).isEqualTo(n);
            }
        }
    }

    /** Checks the calls are contiguous from {@code start}, non-empty and at most ROWS rows; returns where they end. */
    private static int covered(List<int[]> calls, int start) {
        int at = start;
        for (int[] c : calls) {
            assertThat(c[0]).isEqualTo(at);
            assertThat(c[1] - c[0]).isBetween(1, RowCalls.ROWS);
            at = c[1];
        }
        return at;
    }
}
