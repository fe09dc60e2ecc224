package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.sluice.JoinSparkCasesTest.assertCode;
import static dev.sluice.JoinSparkCasesTest.rows;
import static dev.sluice.JoinSparkCasesTest.schema;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * intersect / intersectAll / except / exceptAll. The fixed cases were run on Spark 4.1.1 (oracle.JoinOracle):
 * A = (a INT, b STRING): (1,a) x3, (null,null) x2, (2,b), (3,c); B = (x BIGINT NOT NULL, y STRING): (1,a) (4,d) (3,c) (3,c);
 * B2 = (x INT, y STRING): (1,a) (null,null) (3,c) (3,c).
 */
class SetOperationTest {
    private static final Sluice SLUICE = Sluice.builder().parallelism(3).batchSize(2).shufflePartitions(3).build();
    private static final StructType SA = StructType.fromDDL("a INT, b STRING");
    private static final StructType SB = new StructType(List.of(new dev.sluice.types.StructField("x", dev.sluice.types.DataTypes.LONG, false),
            dev.sluice.types.StructField.of("y", dev.sluice.types.DataTypes.STRING)));
    private static final StructType SB2 = StructType.fromDDL("x INT, y STRING");

    @AfterAll static void close() { SLUICE.close(); }

    static DataFrame a(Sluice s) {
        return s.createDataFrame(List.of(Row.of(SA, 1, "a"), Row.of(SA, 1, "a"), Row.of(SA, 1, "a"), Row.of(SA, null, null),
                Row.of(SA, null, null), Row.of(SA, 2, "b"), Row.of(SA, 3, "c")), SA);
    }

    static DataFrame b(Sluice s) {
        return s.createDataFrame(List.of(Row.of(SB, 1L, "a"), Row.of(SB, 4L, "d"), Row.of(SB, 3L, "c"), Row.of(SB, 3L, "c")), SB);
    }

    static DataFrame b2(Sluice s) {
        return s.createDataFrame(List.of(Row.of(SB2, 1, "a"), Row.of(SB2, null, null), Row.of(SB2, 3, "c"), Row.of(SB2, 3, "c")), SB2);
    }

    @Test void typesWidenAndNullabilityFollowsSpark() {
        assertThat(schema(a(SLUICE).intersect(b(SLUICE)))).isEqualTo("a:bigint! b:string?");
        assertThat(schema(a(SLUICE).intersectAll(b(SLUICE)))).isEqualTo("a:bigint! b:string?");
        assertThat(schema(a(SLUICE).except(b(SLUICE)))).isEqualTo("a:bigint? b:string?");
        assertThat(schema(b(SLUICE).intersect(a(SLUICE)))).isEqualTo("x:bigint! y:string?");
        assertThat(schema(b(SLUICE).except(a(SLUICE)))).isEqualTo("x:bigint! y:string?");
    }

    @Test void rowsAsSpark() {
        assertThat(rows(a(SLUICE).intersect(b(SLUICE)))).isEqualTo("[1,a] [3,c]");
        assertThat(rows(a(SLUICE).intersectAll(b(SLUICE)))).isEqualTo("[1,a] [3,c]");
        assertThat(rows(a(SLUICE).except(b(SLUICE)))).isEqualTo("[2,b] [null,null]");
        assertThat(rows(a(SLUICE).exceptAll(b(SLUICE)))).isEqualTo("[1,a] [1,a] [2,b] [null,null] [null,null]");
        assertThat(rows(b(SLUICE).except(a(SLUICE)))).isEqualTo("[4,d]");
    }

    @Test void nullsAreEqualToEachOther() {
        assertThat(rows(a(SLUICE).intersect(b2(SLUICE)))).isEqualTo("[1,a] [3,c] [null,null]");
        assertThat(rows(a(SLUICE).intersectAll(b2(SLUICE)))).isEqualTo("[1,a] [3,c] [null,null]");
        assertThat(rows(a(SLUICE).except(b2(SLUICE)))).isEqualTo("[2,b]");
        assertThat(rows(a(SLUICE).exceptAll(b2(SLUICE)))).isEqualTo("[1,a] [1,a] [2,b] [null,null]");
        assertThat(rows(b2(SLUICE).exceptAll(a(SLUICE)))).isEqualTo("[3,c]");
    }

    @Test void nanEqualsNanAndMinusZeroEqualsZero() {
        StructType s = StructType.fromDDL("d DOUBLE");
        DataFrame x = SLUICE.createDataFrame(List.of(Row.of(s, Double.NaN), Row.of(s, -0.0), Row.of(s, 1.0)), s);
        DataFrame y = SLUICE.createDataFrame(List.of(Row.of(s, Double.NaN), Row.of(s, 0.0)), s);
        assertThat(x.intersect(y).count()).isEqualTo(2);
        assertThat(rows(x.except(y))).isEqualTo("[1.0]");
    }

    @Test void intAndStringColumnsMeetAsBigint() {
        StructType s = StructType.fromDDL("p STRING, r STRING");
        DataFrame strings = SLUICE.createDataFrame(List.of(Row.of(s, "1", "a")), s);
        DataFrame df = a(SLUICE).intersect(strings);
        assertThat(df.schema().field(0).dataType().simpleString()).isEqualTo("bigint");   // Spark 4.1.1: a:bigint
        assertThat(rows(df)).isEqualTo("[1,a]");
    }

    @Test void mismatchedShapesAreRefused() {
        assertCode(() -> a(SLUICE).intersect(b(SLUICE).select("x")), ErrorCode.INVALID_ARGUMENT);
        StructType arr = StructType.fromDDL("p ARRAY<INT>, q STRING");
        DataFrame arrays = SLUICE.createDataFrame(List.of(), arr);
        assertCode(() -> a(SLUICE).except(arrays), ErrorCode.TYPE_MISMATCH);
        StructType maps = StructType.fromDDL("m MAP<STRING, INT>");
        DataFrame m = SLUICE.createDataFrame(List.of(), maps);
        assertCode(() -> m.intersect(m), ErrorCode.TYPE_MISMATCH);
    }

    @Test void emptySides() {
        DataFrame empty = SLUICE.createDataFrame(List.of(), SA);
        assertThat(rows(a(SLUICE).except(empty))).isEqualTo("[1,a] [2,b] [3,c] [null,null]");
        assertThat(a(SLUICE).intersect(empty).count()).isZero();
        assertThat(empty.exceptAll(a(SLUICE)).count()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7})
    void matchesAMultisetReference(int parallelism) {
        try (Sluice s = Sluice.builder().parallelism(parallelism).batchSize(5).shufflePartitions(3).build()) {
            SplittableRandom random = new SplittableRandom(42 + parallelism);
            for (int round = 0; round < 8; round++) {
                List<Row> left = random(random, round == 0 ? 0 : random.nextInt(60));
                List<Row> right = random(random, round == 1 ? 0 : random.nextInt(60));
                DataFrame l = s.createDataFrame(left, SA);
                DataFrame r = s.createDataFrame(right, SA);
                assertThat(sorted(l.intersect(r).collect())).isEqualTo(reference(left, right, true, false));
                assertThat(sorted(l.intersectAll(r).collect())).isEqualTo(reference(left, right, true, true));
                assertThat(sorted(l.except(r).collect())).isEqualTo(reference(left, right, false, false));
                assertThat(sorted(l.exceptAll(r).collect())).isEqualTo(reference(left, right, false, true));
            }
        }
    }

    private static List<Row> random(SplittableRandom random, int n) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Integer a = random.nextInt(5) == 0 ? null : random.nextInt(4);
            String b = random.nextInt(5) == 0 ? null : "v" + random.nextInt(2);
            out.add(Row.of(SA, a, b));
        }
        return out;
    }

    private static List<String> reference(List<Row> left, List<Row> right, boolean intersect, boolean all) {
        Map<List<Object>, Integer> rightCounts = new HashMap<>();
        for (Row r : right) rightCounts.merge(r.values(), 1, Integer::sum);
        Map<List<Object>, Integer> leftCounts = new HashMap<>();
        for (Row r : left) leftCounts.merge(r.values(), 1, Integer::sum);
        List<String> out = new ArrayList<>();
        for (Map.Entry<List<Object>, Integer> e : leftCounts.entrySet()) {
            int l = e.getValue();
            int r = rightCounts.getOrDefault(e.getKey(), 0);
            int times = intersect ? Math.min(l, r) : Math.max(0, l - r);
            if (!all) times = intersect ? Math.min(times, 1) : (r == 0 ? 1 : 0);   // EXCEPT DISTINCT: absent on the right
            for (int i = 0; i < times; i++) out.add(e.getKey().toString());
        }
        java.util.Collections.sort(out);
        return out;
    }

    private static List<String> sorted(List<Row> rows) {
        List<String> out = new ArrayList<>();
        for (Row r : rows) out.add(r.values().toString());
        java.util.Collections.sort(out);
        return out;
    }
}
