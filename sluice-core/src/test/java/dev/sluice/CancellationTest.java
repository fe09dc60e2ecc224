package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.exec.CloseableIterator;
import dev.sluice.exec.JobListener;
import dev.sluice.io.CountingStorage;
import dev.sluice.types.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cancelling a job stops every task and closes every file; so does closing a local iterator early. */
class CancellationTest {
    @TempDir static Path dir;

    @BeforeAll static void writeData() throws IOException {
        for (int f = 0; f < 8; f++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) lines.add("{\"id\":" + i + ",\"name\":\"n" + i + "\"}");
            Files.write(dir.resolve("part-" + f + ".jsonl"), lines);
        }
    }

    @Test void cancellingAJobStopsItsTasksAndClosesTheirFiles() {
        CountingStorage storage = CountingStorage.local();
        AtomicReference<Sluice> session = new AtomicReference<>();
        JobListener cancelOnFirstProgress = new JobListener() {
            @Override public void onProgress(long jobId, long bytes, long rows) { session.get().cancelAllJobs(); }
        };
        try (Sluice sluice = Sluice.builder().storage(storage).parallelism(2).batchSize(128).listener(cancelOnFirstProgress).build()) {
            session.set(sluice);
            DataFrame df = sluice.read().schema("id BIGINT, name STRING").json(dir.toString());
            assertThatThrownBy(df::count)
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.JOB_CANCELLED));
            assertThat(storage.openStreams()).isZero();
            assertThat(storage.totalOpens()).isLessThan(8);   // later partitions never started
        }
    }

    @Test void closingALocalIteratorEarlyClosesEveryFile() {
        CountingStorage storage = CountingStorage.local();
        try (Sluice sluice = Sluice.builder().storage(storage).parallelism(2).build()) {
            DataFrame df = sluice.read().schema("id BIGINT, name STRING").json(dir.toString()).filter(col("id").geq(0));
            try (CloseableIterator<Row> rows = df.toLocalIterator()) {
                assertThat(rows.next().get(0)).isEqualTo(0L);
            }
            assertThat(storage.openStreams()).isZero();
            assertThat(df.count()).isEqualTo(160_000);
        }
    }

    /**
     * A failing partition cancels the others; the local iterator reads partition 0 first and must report the real
     * failure, not the cancellation it caused there, and must not wait for a partition that stopped without a word.
     */
    @Test @org.junit.jupiter.api.Timeout(60) void aLocalIteratorReportsTheFailureNotTheCancellationItCaused() {
        try (Sluice sluice = Sluice.builder().parallelism(2).batchSize(16).build()) {
            dev.sluice.UserDefinedFunction slowThenFailing = functions.udf((dev.sluice.udf.UDF1<Long, Long>) id -> {
                if (id == 1000) throw new IllegalStateException("bad row");
                if (id == 0) Thread.sleep(300);
                return id;
            }, dev.sluice.types.DataTypes.LONG).withName("slow_then_failing");
            DataFrame df = sluice.range(0, 2000, 1, 2).select(slowThenFailing.apply(col("id")));
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThatThrownBy(() -> {
                    try (CloseableIterator<Row> rows = df.toLocalIterator()) {
                        while (rows.hasNext()) rows.next();
                    }
                }).isInstanceOfSatisfying(SluiceException.class, e -> assertThat(failureCodes(e)).contains(ErrorCode.FAILED_EXECUTE_UDF));
            }
        }
    }

    private static List<ErrorCode> failureCodes(Throwable t) {
        List<ErrorCode> codes = new ArrayList<>();
        for (; t != null; t = t.getCause()) if (t instanceof SluiceException s) codes.add(s.code());
        return codes;
    }
}
