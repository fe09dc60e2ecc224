package dev.sluice;

import dev.sluice.exec.CloseableIterator;
import dev.sluice.types.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/** A toLocalIterator dropped without close() gives back its workers, memory and spill files once unreachable. */
class AbandonedIteratorTest {
    @Test @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anAbandonedIteratorIsCleanedUpAndLaterActionsRun() throws InterruptedException {
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = Sluice.builder().parallelism(1).shufflePartitions(2).memoryBudget(256 * 1024).listener(counter).build()) {
            // a sort that spilled: its runs stay on disk until the iterator is closed, or cleaned up
            DataFrame sorted = s.read(new SpillTestSupport.Generated(50_000, 1000, 4096)).orderBy(col("k"));
            readOneRowAndDrop(sorted);
            var pool = SpillTestSupport.pool(s);
            for (int i = 0; i < 200 && (pool.used() > 0 || pool.spills().liveFiles() > 0); i++) {
                System.gc();
                Thread.sleep(50);
            }
            assertThat(counter.spilledBytes()).isPositive();
            assertThat(pool.used()).isZero();
            assertThat(pool.spills().liveFiles()).isZero();
            assertThat(s.read(new SpillTestSupport.Generated(10_000, 10, 8192)).count()).isEqualTo(10_000);   // the worker is free
        }
    }

    private static void readOneRowAndDrop(DataFrame df) {
        CloseableIterator<Row> it = df.toLocalIterator();
        assertThat(it.hasNext()).isTrue();
        it.next();
    }
}
