package dev.sluice;

import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static dev.sluice.functions.broadcast;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every join type and condition shape against a naive nested-loop reference written here, on random data
 * with NULL keys, duplicate and skewed keys and empty sides; at parallelism 1 and 7 with tiny batches, with
 * the broadcast path forced (huge threshold, or a hint) and the shuffled path forced (threshold 0).
 */
class JoinPropertyTest {
    static final StructType L = StructType.fromDDL("k INT, s STRING, lv INT");
    static final StructType R = StructType.fromDDL("k INT, s STRING, rv INT");
    static final List<String> TYPES = List.of("inner", "left", "right", "full", "semi", "anti", "cross");

    static Sluice[] sessions;

    @BeforeAll static void open() {
        sessions = new Sluice[] {
                Sluice.builder().parallelism(1).batchSize(5).shufflePartitions(3).broadcastThreshold(0).build(),
                Sluice.builder().parallelism(7).batchSize(5).shufflePartitions(3).broadcastThreshold(0).build(),
                Sluice.builder().parallelism(1).batchSize(5).shufflePartitions(3).broadcastThreshold(Long.MAX_VALUE).build(),
                Sluice.builder().parallelism(7).batchSize(5).shufflePartitions(3).broadcastThreshold(Long.MAX_VALUE).build()};
    }

    @AfterAll static void close() { for (Sluice s : sessions) s.close(); }

    /** A condition as a Column over (a, b) and as a three-valued Java predicate over (left row, right row). */
    enum Condition {
        ONE_KEY((a, b) -> a.col("k").equalTo(b.col("k")), (l, r) -> eq(l[0], r[0])),
        TWO_KEYS((a, b) -> a.col("k").equalTo(b.col("k")).and(a.col("s").equalTo(b.col("s"))), (l, r) -> and(eq(l[0], r[0]), eq(l[1], r[1]))),
        KEY_AND_RESIDUAL((a, b) -> a.col("k").equalTo(b.col("k")).and(a.col("lv").lt(b.col("rv"))),
                (l, r) -> and(eq(l[0], r[0]), lt(l[2], r[2]))),
        NULL_SAFE_KEY((a, b) -> a.col("s").eqNullSafe(b.col("s")), (l, r) -> Objects.equals(l[1], r[1])),
        NON_EQUI((a, b) -> a.col("lv").lt(b.col("rv")), (l, r) -> lt(l[2], r[2])),
        LEFT_ONLY_PART((a, b) -> a.col("k").equalTo(b.col("k")).and(a.col("lv").gt(10)), (l, r) -> and(eq(l[0], r[0]), lt(10, l[2])));

        final BiFunction<DataFrame, DataFrame, Column> column;
        final BiFunction<Object[], Object[], Boolean> test;

        Condition(BiFunction<DataFrame, DataFrame, Column> column, BiFunction<Object[], Object[], Boolean> test) {
            this.column = column;
            this.test = test;
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        long seed = 1;
        for (Condition c : Condition.values()) for (String t : TYPES) out.add(Arguments.of(t, c, seed++));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} join on {1}")
    @MethodSource("cases")
    void matchesTheNestedLoopReference(String type, Condition condition, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 4; round++) {
            int leftRows = round == 0 ? 0 : random.nextInt(40);
            int rightRows = round == 1 ? 0 : random.nextInt(40);
            List<Object[]> left = rows(random, leftRows);
            List<Object[]> right = rows(random, rightRows);
            List<String> expected = reference(type, condition, left, right);
            for (Sluice s : sessions) {
                DataFrame a = frame(s, L, left);
                DataFrame b = frame(s, R, right);
                assertThat(collect(a.join(b, condition.column.apply(a, b), type))).as("%s %s session %s", type, condition, s)
                        .isEqualTo(expected);
                DataFrame hinted = broadcast(b);
                if (!type.equals("full") && !type.equals("right")) {
                    assertThat(collect(a.join(hinted, condition.column.apply(a, hinted), type))).isEqualTo(expected);
                }
            }
        }
    }

    static List<Object[]> rows(SplittableRandom random, int n) {
        List<Object[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // skew: a third of the rows share key 1
            Integer k = random.nextInt(7) == 0 ? null : (random.nextInt(3) == 0 ? 1 : random.nextInt(6));
            String s = random.nextInt(6) == 0 ? null : "s" + random.nextInt(3);
            Integer v = random.nextInt(8) == 0 ? null : random.nextInt(20);
            out.add(new Object[] {k, s, v});
        }
        return out;
    }

    static DataFrame frame(Sluice s, StructType schema, List<Object[]> rows) {
        List<Row> data = new ArrayList<>();
        for (Object[] r : rows) data.add(Row.of(schema, r));
        return s.createDataFrame(data, schema);
    }

    static List<String> collect(DataFrame df) {
        List<String> out = new ArrayList<>();
        for (Row r : df.collect()) out.add(r.values().toString());
        Collections.sort(out);
        return out;
    }

    static List<String> reference(String type, Condition c, List<Object[]> left, List<Object[]> right) {
        List<String> out = new ArrayList<>();
        boolean[] rightMatched = new boolean[right.size()];
        Object[] nullRow = {null, null, null};
        for (Object[] l : left) {
            boolean matched = false;
            for (int j = 0; j < right.size(); j++) {
                Object[] r = right.get(j);
                if (!Boolean.TRUE.equals(c.test.apply(l, r))) continue;
                matched = true;
                rightMatched[j] = true;
                if (!type.equals("semi") && !type.equals("anti")) out.add(row(l, r));
            }
            if (type.equals("semi") && matched) out.add(asList(l));
            if (type.equals("anti") && !matched) out.add(asList(l));
            if ((type.equals("left") || type.equals("full")) && !matched) out.add(row(l, nullRow));
        }
        if (type.equals("right") || type.equals("full")) {
            for (int j = 0; j < right.size(); j++) if (!rightMatched[j]) out.add(row(nullRow, right.get(j)));
        }
        Collections.sort(out);
        return out;
    }

    private static String asList(Object[] l) { return java.util.Arrays.asList(l).toString(); }

    private static String row(Object[] l, Object[] r) {
        List<Object> all = new ArrayList<>(java.util.Arrays.asList(l));
        all.addAll(java.util.Arrays.asList(r));
        return all.toString();
    }

    static Boolean eq(Object a, Object b) { return a == null || b == null ? null : a.equals(b); }

    static Boolean lt(Object a, Object b) { return a == null || b == null ? null : (Integer) a < (Integer) b; }

    static Boolean and(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) return false;
        return a == null || b == null ? null : true;
    }
}
