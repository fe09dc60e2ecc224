package dev.sluice.connect;

import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.LongVector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The last n rows of a batch stream, in order, holding at most n rows and one batch more. */
class LastRowsTest {
    @Test void keepsTheLastRowsInOrderForAnyNAndBatchSizes() {
        int[] sizes = {3, 0, 5, 1, 4096, 7, 0, 2};
        long total = 0;
        for (int s : sizes) total += s;
        for (long n : new long[] {0, 1, 2, 3, 9, 4103, 4110, total, total + 1, 1_000_000}) {
            LastRows last = new LastRows(n);
            long next = 0;
            for (int s : sizes) {
                last.add(batch(next, s));
                next += s;
            }
            List<Long> got = values(last.batches());
            List<Long> want = new ArrayList<>();
            for (long v = Math.max(0, total - n); v < total; v++) want.add(v);
            assertThat(got).as("n = %d", n).isEqualTo(want);
        }
    }

    @Test void holdsOnlyTheBatchesTheLastRowsNeed() {
        LastRows last = new LastRows(10);
        for (int i = 0; i < 100; i++) last.add(batch(i * 8L, 8));
        assertThat(last.batches()).hasSize(2);   // 8 + 8 rows held for the last 10
        assertThat(values(last.batches())).first().isEqualTo(790L);
        LastRows none = new LastRows(-3);
        none.add(batch(0, 5));
        assertThat(none.batches()).isEmpty();
    }

    private static Batch batch(long first, int rows) {
        LongVector v = new LongVector(dev.sluice.types.DataTypes.LONG, rows);
        for (int i = 0; i < rows; i++) v.append(first + i);
        return new Batch(new ColumnVector[] {v}, rows);
    }

    private static List<Long> values(List<Batch> batches) {
        List<Long> out = new ArrayList<>();
        for (Batch b : batches) for (int r = 0; r < b.rowCount(); r++) out.add(b.column(0).getLong(r));
        return out;
    }
}
