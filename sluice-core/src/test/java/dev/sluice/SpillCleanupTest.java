package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spill files are gone after a job fails or is cancelled, not only after it succeeds. */
class SpillCleanupTest {
    @Test void aFailedJobLeavesNoSpillFiles() {
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = SpillTestSupport.session(2, counter)) {
            DataFrame df = SpillTestSupport.generated(s, 200_000, 50_000).orderBy(col("k")).select(col("k").cast("int"));
            assertThatThrownBy(df::collect).isInstanceOf(SluiceException.class);   // "key-..." is no int (ANSI)
            assertThat(counter.spilledBytes()).isPositive();
            assertThat(SpillTestSupport.pool(s).spills().liveFiles()).isZero();
            assertThat(SpillTestSupport.pool(s).used()).isZero();
        }
    }

    @Test void aCancelledJobLeavesNoSpillFiles() throws Exception {
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = SpillTestSupport.session(2, counter)) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread job = new Thread(() -> {
                try {
                    SpillTestSupport.generated(s, 2_000_000, 1_000_000).groupBy("k").count().count();
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            job.start();
            long deadline = System.currentTimeMillis() + 120_000;
            while (SpillTestSupport.pool(s).spills().filesWritten() == 0 && System.currentTimeMillis() < deadline) Thread.sleep(20);
            assertThat(SpillTestSupport.pool(s).spills().filesWritten()).isPositive();
            s.cancelAllJobs();
            job.join(120_000);
            assertThat(failure.get()).isInstanceOfSatisfying(SluiceException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.JOB_CANCELLED));
            assertThat(SpillTestSupport.pool(s).spills().liveFiles()).isZero();
            assertThat(SpillTestSupport.pool(s).used()).isZero();
        }
    }
}
