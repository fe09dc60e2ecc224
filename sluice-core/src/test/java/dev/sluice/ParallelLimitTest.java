package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.exec.JobListener;
import dev.sluice.io.CountingStorage;
import dev.sluice.types.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongPredicate;
import java.util.stream.LongStream;

import static dev.sluice.functions.col;
import static dev.sluice.functions.count;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.spark_partition_id;
import static dev.sluice.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A global limit (take, show, first, head, limit) reads its input partitions in parallel, ahead of the rows it
 * returns as Spark's incremental take, keeps partition order, and stops every partition once it has its rows.
 */
@Timeout(120)
class ParallelLimitTest {
    private static final int FILES = 40;
    private static final int ROWS_PER_FILE = 2_000;
    @TempDir static Path dir;

    @BeforeAll static void writeData() throws IOException {
        for (int f = 0; f < FILES; f++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < ROWS_PER_FILE; i++) {
                long id = (long) f * ROWS_PER_FILE + i;
                lines.add("{\"id\":" + id + ",\"name\":\"n" + id + "\"}");
            }
            Files.write(dir.resolve(String.format("part-%03d.jsonl", f)), lines);
        }
    }

    private static Sluice session(CountingStorage storage, int parallelism, JobListener listener) {
        // 1 MiB splits: each file (about 56 KB, above the 32 KiB open cost) is a partition of its own
        Sluice.Builder b = Sluice.builder().storage(storage).parallelism(parallelism).batchSize(128).maxSplitBytes(1 << 20);
        if (listener != null) b.listener(listener);
        return b.build();
    }

    private static DataFrame files(Sluice sluice) {
        return sluice.read().schema("id BIGINT, name STRING").json(dir.toString());
    }

    private static List<Long> ids(List<Row> rows) {
        List<Long> out = new ArrayList<>();
        for (Row r : rows) out.add(r.getLong(0));
        return out;
    }

    private static List<Long> firstMatching(long total, LongPredicate keep, int n) {
        return LongStream.range(0, total).filter(keep).limit(n).boxed().toList();
    }

    @Test void givesTheFirstRowsInPartitionOrderForAnyParallelismAndPartitionCount() {
        long total = 5_000;
        List<LongPredicate> filters = List.of(id -> true, id -> id % 7 == 3, id -> id >= 4_200, id -> id > 1_000 && id < 1_010 || id > 4_990);
        for (int parallelism : new int[] {1, 2, 3, 7}) {
            try (Sluice sluice = Sluice.builder().parallelism(parallelism).batchSize(64).build()) {
                for (int partitions : new int[] {1, 3, 8, 17, 50}) {
                    DataFrame range = sluice.range(0, total, 1, partitions);
                    DataFrame[] frames = {range, range.filter(col("id").mod(7).equalTo(3)), range.filter(col("id").geq(4_200)),
                            range.filter(col("id").gt(1_000).and(col("id").lt(1_010)).or(col("id").gt(4_990)))};
                    for (int f = 0; f < frames.length; f++) {
                        for (int n : new int[] {0, 1, 5, 63, 64, 65, 700, 4_999, 6_000}) {
                            assertThat(ids(frames[f].take(n)))
                                    .as("parallelism %d, %d partitions, filter %d, take(%d)", parallelism, partitions, f, n)
                                    .isEqualTo(firstMatching(total, filters.get(f), n));
                        }
                    }
                }
            }
        }
    }

    @Test void takeOneOpensOnlyTheFirstFileAndClosesIt() {
        CountingStorage storage = CountingStorage.local();
        try (Sluice sluice = session(storage, 4, null)) {
            DataFrame df = files(sluice);
            assertThat(ids(df.take(1))).containsExactly(0L);
            assertThat(storage.totalOpens()).isLessThan(FILES).isEqualTo(1);
            assertThat(storage.openStreams()).isZero();
            assertThat(df.first().getLong(0)).isEqualTo(0L);
            assertThat(ids(df.head(3))).containsExactly(0L, 1L, 2L);
        }
    }

    /** 15,000 rows need 8 files: read several at once, stop the rest, and give exactly ids 0..14,999. */
    @Test void readsLaterPartitionsInParallelAndStopsOnceItHasTheRows() {
        CountingStorage storage = CountingStorage.local();
        AtomicInteger active = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        UserDefinedFunction gauge = functions.udf((dev.sluice.udf.UDF1<Long, Long>) id -> {
            mostAtOnce.accumulateAndGet(active.incrementAndGet(), Math::max);
            try {
                if (id % 100 == 0) Thread.sleep(1);   // partitions computed at the same time overlap here
            } finally {
                active.decrementAndGet();
            }
            return id;
        }, dev.sluice.types.DataTypes.LONG).withName("gauge");
        try (Sluice sluice = session(storage, 4, null)) {
            List<Long> got = ids(files(sluice).filter(gauge.apply(col("id")).geq(0)).take(15_000));
            assertThat(got).isEqualTo(firstMatching(15_000, id -> true, 15_000));
            assertThat(mostAtOnce.get()).isGreaterThan(1);
            assertThat(storage.totalOpens()).isGreaterThanOrEqualTo(8).isLessThan(FILES);
            assertThat(storage.openStreams()).isZero();
        }
    }

    @Test void aFilterMatchingOnlyLateRowsScalesUpAndFindsThem() {
        CountingStorage storage = CountingStorage.local();
        try (Sluice sluice = session(storage, 3, null)) {
            long first = 31L * ROWS_PER_FILE + 5;
            List<Long> got = ids(files(sluice).filter(col("id").geq(first)).take(3));
            assertThat(got).containsExactly(first, first + 1, first + 2);
            assertThat(storage.openStreams()).isZero();
        }
    }

    @Test void sparkPartitionIdUnderAGlobalLimitIsTheInputPartition() {
        try (Sluice sluice = Sluice.builder().parallelism(3).build()) {
            DataFrame df = sluice.range(0, 40, 1, 4).select(col("id"), spark_partition_id().as("pid"));
            for (Row r : df.filter(col("id").geq(15)).limit(20).collect()) {
                assertThat(r.getInt(1)).as("row %s", r).isEqualTo((int) (r.getLong(0) / 10));
            }
            String shown = df.filter(col("id").isin(5L, 25L, 35L)).showString(20, 20, false);
            assertThat(shown).contains("|  5|  0|").contains("| 25|  2|").contains("| 35|  3|");
            // a limit straight over the projection: the projection still runs in the input's partitions
            assertThat(df.showString(20, 20, false)).contains("|  9|  0|").contains("| 10|  1|").contains("| 19|  1|");
            for (Row r : df.limit(40).collect()) assertThat(r.getInt(1)).as("row %s", r).isEqualTo((int) (r.getLong(0) / 10));
        }
    }

    @Test void aLimitBelowAnAggregationOrAJoinStaysCorrect() {
        for (int parallelism : new int[] {1, 2, 5}) {
            try (Sluice sluice = Sluice.builder().parallelism(parallelism).batchSize(32).build()) {
                DataFrame range = sluice.range(0, 3_000, 1, 9);
                Row agg = range.filter(col("id").mod(3).equalTo(0)).limit(500).agg(count(lit(1)), sum(col("id"))).collect().get(0);
                assertThat(agg.getLong(0)).isEqualTo(500);
                assertThat(agg.getLong(1)).isEqualTo(LongStream.range(0, 500).map(i -> i * 3).sum());

                DataFrame left = range.limit(100);
                DataFrame right = sluice.range(50, 3_000, 1, 7).withColumnRenamed("id", "rid").limit(200);
                List<Long> joined = ids(left.join(right, col("id").equalTo(col("rid"))).select(col("id")).orderBy(col("id")).collect());
                assertThat(joined).isEqualTo(LongStream.range(50, 100).boxed().toList());

                // limits inside the tasks of a limit, and several limits taking workers at once
                DataFrame unioned = range.limit(40).union(range.filter(col("id").geq(2_000)).limit(30))
                        .union(range.limit(7)).union(range.filter(col("id").geq(2_990)).limit(50));
                List<Long> expected = new ArrayList<>(LongStream.range(0, 40).boxed().toList());
                expected.addAll(LongStream.range(2_000, 2_030).boxed().toList());
                expected.addAll(LongStream.range(0, 7).boxed().toList());
                expected.addAll(LongStream.range(2_990, 3_000).boxed().toList());
                assertThat(ids(unioned.limit(1_000).collect())).isEqualTo(expected);
                assertThat(ids(unioned.offset(35).limit(10).collect())).isEqualTo(expected.subList(35, 45));
            }
        }
    }

    @Test void cancellingATakeClosesEveryFile() {
        CountingStorage storage = CountingStorage.local();
        AtomicReference<Sluice> session = new AtomicReference<>();
        JobListener cancelAfterAWhile = new JobListener() {
            @Override public void onProgress(long jobId, long bytes, long rows) { session.get().cancelAllJobs(); }
        };
        try (Sluice sluice = session(storage, 4, cancelAfterAWhile)) {
            session.set(sluice);
            DataFrame df = files(sluice).filter(col("id").lt(0));   // nothing matches: every file is read until cancelled
            assertThatThrownBy(() -> df.take(5))
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.JOB_CANCELLED));
            assertThat(storage.openStreams()).isZero();
            assertThat(storage.totalOpens()).isLessThan(FILES);
        }
    }

    @Test void aFailingInputPartitionFailsTheLimitWithItsOwnError() {
        try (Sluice sluice = Sluice.builder().parallelism(3).batchSize(16).build()) {
            UserDefinedFunction failing = functions.udf((dev.sluice.udf.UDF1<Long, Long>) id -> {
                if (id == 1_500) throw new IllegalStateException("bad row");
                return id;
            }, dev.sluice.types.DataTypes.LONG).withName("failing");
            DataFrame df = sluice.range(0, 2_000, 1, 8).select(failing.apply(col("id")));
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThatThrownBy(() -> df.take(1_900)).isInstanceOfSatisfying(SluiceException.class,
                        e -> assertThat(failureCodes(e)).contains(ErrorCode.FAILED_EXECUTE_UDF));
            }
            assertThat(ids(df.take(1_400))).isEqualTo(firstMatching(1_400, id -> true, 1_400));
        }
    }

    private static List<ErrorCode> failureCodes(Throwable t) {
        List<ErrorCode> codes = new ArrayList<>();
        for (; t != null; t = t.getCause()) if (t instanceof SluiceException s) codes.add(s.code());
        return codes;
    }
}
