package dev.sluice;

import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.sluice.functions.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * groupBy(...).agg(...) against a naive reference written here (rows in input order, one LinkedHashMap of
 * groups), on random data with a hot key (70% of the rows), NULL keys and values, and NaN; at parallelism 1
 * and 7 with small batches. Doubles are multiples of 1/4, so sums are exact whatever the merge order.
 */
class AggregatePropertyTest {
    static final StructType SCHEMA = StructType.fromDDL("k1 STRING, k2 INT, v BIGINT, d DOUBLE");

    static List<Row> randomRows(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double p = random.nextDouble();
            String k1 = p < 0.7 ? "hot" : p < 0.75 ? null : "k" + random.nextInt(20);
            Integer k2 = random.nextInt(10) == 0 ? null : random.nextInt(3);
            Long v = random.nextInt(10) == 0 ? null : (long) random.nextInt(-50, 50);
            Double d = random.nextInt(10) == 0 ? null : random.nextInt(40) == 0 ? Double.NaN : random.nextInt(-400, 400) / 4.0;
            rows.add(Row.of(SCHEMA, k1, k2, v, d));
        }
        return rows;
    }

    @ParameterizedTest(name = "seed {0}, {1} rows, parallelism {2}")
    @CsvSource({"1, 500, 1", "1, 500, 7", "2, 2000, 7", "3, 37, 7", "4, 0, 7", "5, 1, 1"})
    void groupedAggregatesEqualTheNaiveReference(long seed, int n, int parallelism) {
        List<Row> rows = randomRows(seed, n);
        try (Sluice sluice = Sluice.builder().parallelism(parallelism).batchSize(7).shufflePartitions(parallelism == 1 ? 1 : 3).build()) {
            DataFrame df = sluice.createDataFrame(rows, SCHEMA).groupBy("k1", "k2").agg(count("*"), count("v"), sum("v"), min("v"), max("v"),
                    avg("v"), sum("d"), min("d"), max("d"), countDistinct("v"), first("v"), last("v"), first(col("v"), true),
                    last(col("v"), true), collect_list("v"), collect_set("v"), var_pop(col("v")));
            Map<List<Object>, List<Object>> actual = new HashMap<>();
            for (Row r : df.collect()) {
                List<Object> values = r.values();
                assertThat(actual.put(values.subList(0, 2), values.subList(2, values.size()))).as("one row per group").isNull();
            }
            Map<List<Object>, List<Object>> expected = reference(rows);
            assertThat(actual.keySet()).isEqualTo(expected.keySet());
            for (Map.Entry<List<Object>, List<Object>> e : expected.entrySet()) {
                List<Object> got = actual.get(e.getKey());
                List<Object> want = e.getValue();
                assertThat(got.subList(0, 16)).as("group %s", e.getKey()).isEqualTo(want.subList(0, 16));
                if (want.get(16) == null) assertThat(got.get(16)).isNull();
                else assertThat((Double) got.get(16)).isCloseTo((Double) want.get(16), org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    /** The same aggregates, computed row by row in input order. */
    static Map<List<Object>, List<Object>> reference(List<Row> rows) {
        Map<List<Object>, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : rows) groups.computeIfAbsent(Arrays.asList(r.get(0), r.get(1)), k -> new ArrayList<>()).add(r);
        Map<List<Object>, List<Object>> out = new HashMap<>();
        for (Map.Entry<List<Object>, List<Row>> g : groups.entrySet()) {
            List<Long> vs = new ArrayList<>();
            List<Double> ds = new ArrayList<>();
            for (Row r : g.getValue()) {
                if (r.get(2) != null) vs.add((Long) r.get(2));
                if (r.get(3) != null) ds.add((Double) r.get(3));
            }
            Long sum = vs.isEmpty() ? null : vs.stream().mapToLong(Long::longValue).sum();
            Long min = vs.stream().min(Long::compare).orElse(null);
            Long max = vs.stream().max(Long::compare).orElse(null);
            Double avg = vs.isEmpty() ? null : (double) sum / vs.size();
            Double dsum = ds.isEmpty() ? null : ds.stream().mapToDouble(Double::doubleValue).sum();
            Double dmin = ds.stream().min(Double::compare).orElse(null);   // Double.compare: NaN above everything, as Spark
            Double dmax = ds.stream().max(Double::compare).orElse(null);
            List<Row> gr = g.getValue();
            Object first = gr.get(0).get(2), last = gr.get(gr.size() - 1).get(2);
            Long firstNonNull = vs.isEmpty() ? null : vs.get(0), lastNonNull = vs.isEmpty() ? null : vs.get(vs.size() - 1);
            List<Long> set = new ArrayList<>(new LinkedHashSet<>(vs));
            Double varPop = null;
            if (!vs.isEmpty()) {
                double mean = vs.stream().mapToDouble(Long::doubleValue).average().orElseThrow();
                varPop = vs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / vs.size();
            }
            out.put(g.getKey(), Arrays.asList((long) gr.size(), (long) vs.size(), sum, min, max, avg, dsum, dmin, dmax,
                    (long) set.size(), first, last, firstNonNull, lastNonNull, vs, set, varPop));
        }
        return out;
    }
}
