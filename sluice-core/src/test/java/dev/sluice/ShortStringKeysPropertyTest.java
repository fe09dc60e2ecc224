package dev.sluice;

import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.sluice.functions.col;
import static dev.sluice.functions.collate;
import static dev.sluice.functions.count;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.max;
import static dev.sluice.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * groupBy over short string keys against a naive reference: keys of 0 to 20 bytes
 * around the 8- and 16-byte words (exactly 8, 16 and 17 bytes), empty strings, NULLs, non-ASCII, values equal but for
 * trailing zero bytes, few and many distinct values; at parallelism 1 and 7, in small batches, at a budget that makes
 * the aggregation flush and spill, and with a collated key.
 */
class ShortStringKeysPropertyTest {
    static final StructType SCHEMA = StructType.fromDDL("k1 STRING, k2 STRING, v BIGINT");
    private static final List<String> EDGES = List.of("", "\0", "a", "a\0", "abcdefgh", "abcdefgh\0", "abcdefghijklmnop",
            "abcdefghijklmnop\0", "abcdefghijklmnopq", "ES", "es", "Es", "billing", "Billing", "é", "日本", "🙂🙂🙂🙂",
            "a longer key of more than two words");

    static List<String> pool(SplittableRandom random, int distinct) {
        List<String> pool = new ArrayList<>(EDGES);
        while (pool.size() < distinct) {
            int length = random.nextInt(21);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < length; i++) b.append(random.nextInt(9) == 0 ? 'é' : (char) ('a' + random.nextInt(3)));
            pool.add(b.toString());
        }
        return pool;
    }

    static List<Row> rows(long seed, int n, int distinct1, int distinct2) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> pool1 = pool(random, distinct1), pool2 = pool(random, distinct2);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String k1 = random.nextInt(20) == 0 ? null : pool1.get(random.nextInt(pool1.size()));
            String k2 = random.nextInt(20) == 0 ? null : pool2.get(random.nextInt(pool2.size()));
            Long v = random.nextInt(10) == 0 ? null : (long) random.nextInt(-50, 50);
            rows.add(Row.of(SCHEMA, k1, k2, v));
        }
        return rows;
    }

    /** Per group: count(*), sum(v), max(v). */
    static Map<List<Object>, List<Object>> reference(List<Row> rows) {
        Map<List<Object>, long[]> acc = new HashMap<>();
        Map<List<Object>, Boolean> anyValue = new HashMap<>();
        for (Row r : rows) {
            List<Object> key = Arrays.asList(r.get(0), r.get(1));
            long[] a = acc.computeIfAbsent(key, k -> new long[] {0, 0, Long.MIN_VALUE});
            a[0]++;
            if (r.get(2) != null) {
                a[1] += (Long) r.get(2);
                a[2] = Math.max(a[2], (Long) r.get(2));
                anyValue.put(key, true);
            }
        }
        Map<List<Object>, List<Object>> out = new HashMap<>();
        acc.forEach((k, a) -> out.put(k, anyValue.containsKey(k) ? List.of(a[0], a[1], a[2]) : Arrays.asList(a[0], null, null)));
        return out;
    }

    static Map<List<Object>, List<Object>> collect(DataFrame df) {
        Map<List<Object>, List<Object>> actual = new HashMap<>();
        for (Row r : df.collect()) {
            List<Object> values = r.values();
            assertThat(actual.put(values.subList(0, 2), values.subList(2, values.size()))).as("one row per group").isNull();
        }
        return actual;
    }

    @ParameterizedTest(name = "seed {0}, {1} rows, {2}x{3} distinct, parallelism {4}, batch {5}")
    @CsvSource({"1, 3000, 18, 18, 1, 7", "2, 3000, 18, 18, 7, 7", "3, 20000, 40, 20, 7, 4096", "4, 20000, 5000, 3, 1, 4096",
            "5, 20000, 20000, 20000, 7, 1000", "6, 0, 18, 18, 7, 7", "7, 1, 18, 18, 1, 7"})
    void groupsEqualTheNaiveReference(long seed, int n, int distinct1, int distinct2, int parallelism, int batchSize) {
        List<Row> rows = rows(seed, n, distinct1, distinct2);
        try (Sluice sluice = Sluice.builder().parallelism(parallelism).batchSize(batchSize).shufflePartitions(parallelism == 1 ? 1 : 3).build()) {
            DataFrame df = sluice.createDataFrame(rows, SCHEMA).groupBy("k1", "k2").agg(count("*"), sum("v"), max("v"));
            assertThat(collect(df)).isEqualTo(reference(rows));
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @CsvSource({"1", "7"})
    void flushedAndSpilledTablesEqualTheNaiveReference(int parallelism) {
        List<Row> rows = rows(11, 200_000, 300, 60);
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = SpillTestSupport.session(parallelism, counter)) {
            DataFrame df = s.createDataFrame(rows, SCHEMA).groupBy("k1", "k2").agg(count("*"), sum("v"), max("v"));
            assertThat(collect(df)).isEqualTo(reference(rows));
            assertThat(counter.spilledBytes()).isPositive();
            assertThat(SpillTestSupport.pool(s).used()).isZero();
        }
    }

    /** UTF8_LCASE groups the spellings of a key together and shows the smallest by bytes. */
    @Test void aCollatedKeyGroupsItsSpellingsTogether() {
        List<Row> rows = rows(21, 20000, 60, 5);
        Map<List<Object>, Long> expected = new HashMap<>();
        Map<List<Object>, String> shown = new HashMap<>();
        for (Row r : rows) {
            String k1 = (String) r.get(0);
            List<Object> key = Arrays.asList(k1 == null ? null : k1.toLowerCase(Locale.ROOT), r.get(1));
            expected.merge(key, 1L, Long::sum);
            if (k1 != null) shown.merge(key, k1, (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)) <= 0 ? a : b);
        }
        Map<List<Object>, Long> expectedShown = new HashMap<>();
        expected.forEach((k, c) -> expectedShown.put(Arrays.asList(k.get(0) == null ? null : shown.get(k), k.get(1)), c));
        try (Sluice sluice = Sluice.builder().parallelism(7).batchSize(512).shufflePartitions(3).build()) {
            DataFrame df = sluice.createDataFrame(rows, SCHEMA).select(collate(col("k1"), "UTF8_LCASE").as("k1"), col("k2"))
                    .groupBy("k1", "k2").agg(count(lit(1)));
            Map<List<Object>, Long> actual = new HashMap<>();
            for (Row r : df.collect()) actual.put(Arrays.asList(r.get(0), r.get(1)), (Long) r.get(2));
            assertThat(actual).isEqualTo(expectedShown);
        }
    }
}
