package dev.sluice.exec;

import dev.sluice.error.SluiceException;
import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.SpillListener;
import dev.sluice.plan.SetOperation;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A set operation's pairs under a budget far smaller than their distinct rows, on skewed inputs (one row with most of
 * the copies, many distinct rows beside it, NULLs): the pairs are split level after level, and past the last level
 * (forced here with fewer levels) processed in rounds; every variant gives the naive reference's rows, spills, and
 * leaves no memory and no file behind, after success, failure and an early close.
 */
class SetOperationStreamTest {
    private static final StructType SCHEMA = StructType.fromDDL("k STRING, v INT");
    private static final long BUDGET = 64 << 10;
    @org.junit.jupiter.api.io.TempDir Path spillDir;

    /** Row i of a side: the hot row for most, else one of {@code distinct} rows (a NULL key now and then). */
    private static Object[] row(long i, int distinct, long seed) {
        long x = mix(i * 31 + seed);
        if (x % 10 < 6) return new Object[] {"hot", 1};
        long d = x / 10 % distinct;
        return new Object[] {d % 53 == 0 ? null : "key-" + d, (int) (d % 3)};
    }

    private static long mix(long x) {
        x += 0x9E3779B97F4A7C15L;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return (x ^ (x >>> 31)) & Long.MAX_VALUE;
    }

    private static Supplier<BatchStream> side(long rows, int distinct, long seed, long failAfter) {
        return () -> new BatchStream() {
            long next;

            @Override public Batch next() {
                if (next >= failAfter) throw new IllegalStateException("input failed");
                if (next >= rows) return null;
                int n = (int) Math.min(1000, rows - next);
                FlatVector k = Vectors.allocate(DataTypes.STRING, n), v = Vectors.allocate(DataTypes.INT, n);
                for (int i = 0; i < n; i++) {
                    Object[] r = row(next + i, distinct, seed);
                    k.appendObject(r[0]);
                    v.appendObject(r[1]);
                }
                next += n;
                return new Batch(new ColumnVector[] {k, v}, n);
            }

            @Override public void close() { }
        };
    }

    private static Map<List<Object>, Long> multiset(long rows, int distinct, long seed) {
        Map<List<Object>, Long> out = new HashMap<>();
        for (long i = 0; i < rows; i++) out.merge(java.util.Arrays.asList(row(i, distinct, seed)), 1L, Long::sum);
        return out;
    }

    /** What the naive reference gives for {@code op} (intersect, except, intersectAll, exceptAll). */
    private static Map<List<Object>, Long> expected(String op, Map<List<Object>, Long> left, Map<List<Object>, Long> right) {
        Map<List<Object>, Long> out = new HashMap<>();
        for (var e : left.entrySet()) {
            long r = right.getOrDefault(e.getKey(), 0L);
            long copies = switch (op) {
                case "intersect" -> r > 0 ? 1 : 0;
                case "except" -> r > 0 ? 0 : 1;
                case "intersectAll" -> Math.min(e.getValue(), r);
                default -> Math.max(0, e.getValue() - r);
            };
            if (copies > 0) out.put(e.getKey(), copies);
        }
        return out;
    }

    private SetOperationStream stream(MemoryPool pool, String op, Supplier<BatchStream> left, Supplier<BatchStream> right,
                                      SpillListener listener, int maxLevel) {
        SetOperation.Kind kind = op.startsWith("intersect") ? SetOperation.Kind.INTERSECT : SetOperation.Kind.EXCEPT;
        return new SetOperationStream(kind, op.endsWith("All"), SCHEMA, SCHEMA, left, right, pool,
                pool.newSpillableReservation(op, () -> false), listener,
                new TaskContext(1, 0, new AtomicBoolean(), null), maxLevel);
    }

    @ParameterizedTest
    @CsvSource({"intersect, 4", "except, 4", "intersectAll, 4", "exceptAll, 4",
                "intersect, 1", "except, 1", "intersectAll, 1", "exceptAll, 1",
                "intersect, 0", "except, 0", "intersectAll, 0", "exceptAll, 0"})
    void skewedPairsLargerThanTheBudgetGiveTheReferenceRows(String op, int maxLevel) {
        long leftRows = 100_000, rightRows = 80_000;
        int leftDistinct = 40_000, rightDistinct = 30_000;   // beside the hot row: about 3,000 distinct rows per pair of the first split
        Map<List<Object>, Long> want = expected(op, multiset(leftRows, leftDistinct, 1), multiset(rightRows, rightDistinct, 2));
        AtomicLong spilled = new AtomicLong();
        try (MemoryPool pool = new MemoryPool(BUDGET, spillDir, 200)) {
            Map<List<Object>, Long> got = new HashMap<>();
            try (SetOperationStream s = stream(pool, op, side(leftRows, leftDistinct, 1, Long.MAX_VALUE),
                    side(rightRows, rightDistinct, 2, Long.MAX_VALUE), (bytes, nanos, f) -> spilled.addAndGet(bytes), maxLevel)) {
                for (Batch b = s.next(); b != null; b = s.next()) {
                    for (int r = 0; r < b.rowCount(); r++) {
                        got.merge(java.util.Arrays.asList(b.column(0).getObject(r), b.column(1).getObject(r)), 1L, Long::sum);
                    }
                }
            }
            assertThat(got).isEqualTo(want);
            assertThat(spilled.get()).isPositive();
            assertThat(pool.used()).isZero();
            assertThat(pool.spills().liveFiles()).isZero();
        }
    }

    @ParameterizedTest
    @CsvSource({"except, 4", "intersectAll, 0"})
    void aFailedOrAbandonedPairLeavesNoFileAndNoMemory(String op, int maxLevel) {
        try (MemoryPool pool = new MemoryPool(BUDGET, spillDir, 200)) {
            // the left side fails once the pairs are on disk
            SetOperationStream failing = stream(pool, op, side(60_000, 12_000, 1, 30_000), side(50_000, 9_000, 2, Long.MAX_VALUE),
                    SpillListener.NONE, maxLevel);
            assertThatThrownBy(() -> {
                for (Batch b = failing.next(); b != null; b = failing.next()) { }
            }).isInstanceOf(IllegalStateException.class);
            failing.close();
            assertThat(pool.used()).isZero();
            assertThat(pool.spills().liveFiles()).isZero();

            // closed after the first batch, as a cancelled or limited query does
            AtomicLong spilled = new AtomicLong();
            SetOperationStream abandoned = stream(pool, op, side(60_000, 12_000, 1, Long.MAX_VALUE),
                    side(50_000, 9_000, 2, Long.MAX_VALUE), (bytes, nanos, f) -> spilled.addAndGet(bytes), maxLevel);
            assertThat(abandoned.next()).isNotNull();
            assertThat(spilled.get()).isPositive();
            abandoned.close();
            assertThat(pool.used()).isZero();
            assertThat(pool.spills().liveFiles()).isZero();
        }
    }

    @org.junit.jupiter.api.Test void aCancelledPairStopsAndCleansUp() {
        try (MemoryPool pool = new MemoryPool(BUDGET, spillDir, 200)) {
            AtomicBoolean cancelled = new AtomicBoolean();
            SetOperationStream s = new SetOperationStream(SetOperation.Kind.EXCEPT, true, SCHEMA, SCHEMA,
                    side(60_000, 12_000, 1, Long.MAX_VALUE), side(50_000, 9_000, 2, Long.MAX_VALUE), pool,
                    pool.newSpillableReservation("exceptAll", cancelled::get), SpillListener.NONE,
                    new TaskContext(1, 0, cancelled, null), SpillPartitions.MAX_LEVEL);
            assertThat(s.next()).isNotNull();
            cancelled.set(true);
            assertThatThrownBy(() -> {
                for (Batch b = s.next(); b != null; b = s.next()) { }
            }).isInstanceOf(SluiceException.class);
            s.close();
            assertThat(pool.used()).isZero();
            assertThat(pool.spills().liveFiles()).isZero();
        }
    }
}
