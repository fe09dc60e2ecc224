package dev.sluice.ops;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.Window;
import dev.sluice.WindowSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BiPredicate;

import static dev.sluice.functions.call_function;
import static dev.sluice.functions.col;
import static dev.sluice.functions.cume_dist;
import static dev.sluice.functions.dense_rank;
import static dev.sluice.functions.first_value;
import static dev.sluice.functions.lag;
import static dev.sluice.functions.last_value;
import static dev.sluice.functions.lead;
import static dev.sluice.functions.percent_rank;
import static dev.sluice.functions.rank;
import static dev.sluice.functions.row_number;
import static dev.sluice.ops.Sessions.df;
import static dev.sluice.ops.Sessions.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Window functions on random data (ties, NULL and NaN keys, NULL values) equal a naive reference written
 * here: a stable sort of each partition, then every function computed from its definition, row by row.
 */
class WindowPropertyTest {
    static final List<Sluice> SESSIONS = Sessions.both();
    static final double[] KEYS = {0.0, -0.0, 1.5, -1.5, Double.NaN, Double.POSITIVE_INFINITY, 2.0};
    static final double[] VALUES = {1.5, -2.0, 3.25, 10.0, Double.NaN};

    @AfterAll static void close() { SESSIONS.forEach(Sluice::close); }

    /** Columns: id INT, k INT (partition), o INT (order), d DOUBLE (order), v DOUBLE (value). */
    static List<Object[]> randomRows(SplittableRandom rnd, int n) {
        List<Object[]> rows = new ArrayList<>();
        int keys = 1 + rnd.nextInt(rnd.nextBoolean() ? 2 : 20);
        for (int i = 0; i < n; i++) {
            Integer k = rnd.nextInt(10) == 0 ? null : rnd.nextInt(keys);
            Integer o = rnd.nextInt(8) == 0 ? null : rnd.nextInt(rnd.nextBoolean() ? 4 : 30);
            Double d = rnd.nextInt(8) == 0 ? null : KEYS[rnd.nextInt(KEYS.length)];
            Double v = rnd.nextInt(5) == 0 ? null : VALUES[rnd.nextInt(VALUES.length)];
            rows.add(new Object[] {i, k, o, d, v});
        }
        return rows;
    }

    static Column sum(Column c) { return call_function("sum", c); }

    @Test void windowFunctionsMatchANaiveReference() {
        SplittableRandom rnd = new SplittableRandom(2024);
        for (int round = 0; round < 16; round++) {
            List<Object[]> data = randomRows(rnd, round == 0 ? 0 : round == 1 ? 1 : rnd.nextInt(120));
            boolean partitioned = rnd.nextBoolean();
            int orderCol = rnd.nextBoolean() ? 2 : 3;
            boolean asc = rnd.nextBoolean(), nullsFirst = rnd.nextBoolean();
            List<List<Object>> expected = reference(data, partitioned, orderCol, asc, nullsFirst);
            for (Sluice s : SESSIONS) {
                DataFrame df = df(s, "id INT, k INT, o INT, d DOUBLE, v DOUBLE", data.toArray(new Object[0][]));
                Column order = col(orderCol == 2 ? "o" : "d");
                order = asc ? (nullsFirst ? order.asc_nulls_first() : order.asc_nulls_last())
                        : (nullsFirst ? order.desc_nulls_first() : order.desc_nulls_last());
                WindowSpec w = partitioned ? Window.partitionBy("k").orderBy(order) : Window.orderBy(order);
                Column v = col("v");
                List<Column> cols = new ArrayList<>(List.of(col("id"), row_number().over(w), rank().over(w), dense_rank().over(w),
                        cume_dist().over(w), percent_rank().over(w), dev.sluice.functions.ntile(3).over(w), lag(v, 2, -1.0).over(w), lead(v, 1).over(w),
                        sum(v).over(w.rowsBetween(-2, 1)), sum(v).over(w), call_function("max", v).over(w.rowsBetween(-1, 1)),
                        call_function("min", v).over(w.rowsBetween(Window.unboundedPreceding(), 0)),
                        first_value(v, true).over(w.rowsBetween(-1, Window.unboundedFollowing())), last_value(v).over(w),
                        call_function("avg", v).over(w.rowsBetween(0, Window.unboundedFollowing()))));
                if (orderCol == 2) cols.add(call_function("count", v).over(w.rangeBetween(-2, 3)));
                DataFrame out = df.select(cols.toArray(new Column[0])).orderBy("id");
                List<List<Object>> actual = values(out);
                if (orderCol != 2) for (List<Object> row : expected) row.set(row.size() - 1, null);
                if (orderCol != 2) for (List<Object> row : actual) row.add(null);
                assertThat(actual).as("round %d partitioned %s order %d asc %s nullsFirst %s", round, partitioned, orderCol, asc, nullsFirst)
                        .isEqualTo(expected);
            }
        }
    }

    /** The expected rows (by id): computed per partition from a stable sort, function by function. */
    static List<List<Object>> reference(List<Object[]> data, boolean partitioned, int orderCol, boolean asc, boolean nullsFirst) {
        Comparator<Object[]> byKey = (a, b) -> {
            Object x = a[orderCol], y = b[orderCol];
            if (x == null || y == null) return x == y ? 0 : (x == null) == nullsFirst ? -1 : 1;
            int c = orderCol == 2 ? Integer.compare((Integer) x, (Integer) y) : compareDoubles((Double) x, (Double) y);
            return asc ? c : -c;
        };
        List<List<Object>> out = new ArrayList<>();
        List<Object> partitionKeys = new ArrayList<>();
        for (Object[] r : data) {
            Object k = partitioned ? r[1] : "all";
            if (!partitionKeys.contains(k)) partitionKeys.add(k);
        }
        for (Object k : partitionKeys) {
            List<Object[]> part = new ArrayList<>();
            for (Object[] r : data) if (Objects.equals(partitioned ? r[1] : "all", k)) part.add(r);
            part.sort(byKey);   // stable: ties keep input order
            int n = part.size();
            for (int i = 0; i < n; i++) {
                Object[] row = part.get(i);
                int rank = 1, dense = 1;
                for (int j = 0; j < i; j++) {
                    if (byKey.compare(part.get(j), row) < 0) rank++;
                    if (j > 0 && byKey.compare(part.get(j), part.get(j - 1)) != 0) dense++;
                }
                if (i > 0 && byKey.compare(part.get(i), part.get(i - 1)) != 0) dense++;
                int lastPeer = i;
                while (lastPeer + 1 < n && byKey.compare(part.get(lastPeer + 1), row) == 0) lastPeer++;
                List<Object> r = new ArrayList<>();
                r.add(row[0]);
                r.add(i + 1);
                r.add(rank);
                r.add(dense);
                r.add((lastPeer + 1) / (double) n);
                r.add(n > 1 ? (rank - 1) / (double) (n - 1) : 0.0);
                r.add(bucket(i, n, 3));
                r.add(i >= 2 ? part.get(i - 2)[4] : (Object) (-1.0));
                r.add(i + 1 < n ? part.get(i + 1)[4] : null);
                r.add(sumOf(part, Math.max(0, i - 2), Math.min(n, i + 2)));
                r.add(sumOf(part, 0, lastPeer + 1));
                r.add(extreme(part, Math.max(0, i - 1), Math.min(n, i + 2), true));
                r.add(extreme(part, 0, i + 1, false));
                Object first = null;
                for (int j = Math.max(0, i - 1); j < n && first == null; j++) first = part.get(j)[4];
                r.add(first);
                r.add(part.get(lastPeer)[4]);
                r.add(avgOf(part, i, n));
                r.add(rangeCount(part, row, asc));
                out.add(r);
            }
        }
        out.sort(Comparator.comparing(r -> (Integer) r.get(0)));
        return out;
    }

    /** count(v) over RANGE BETWEEN 2 PRECEDING AND 3 FOLLOWING of the INT key o, by value. */
    private static long rangeCount(List<Object[]> part, Object[] row, boolean asc) {
        Integer x = (Integer) row[2];
        BiPredicate<Integer, Integer> inFrame = (cur, y) -> asc ? y >= cur - 2 && y <= cur + 3 : y >= cur - 3 && y <= cur + 2;
        long c = 0;
        for (Object[] q : part) {
            if (q[4] == null) continue;
            Integer y = (Integer) q[2];
            if (x == null ? y == null : y != null && inFrame.test(x, y)) c++;
        }
        return c;
    }

    private static int bucket(int i, int n, int buckets) {
        int size = n / buckets, extra = n % buckets;
        // bucket b (0-based) holds size + 1 rows for b < extra, size rows after
        int row = 0;
        for (int b = 0; b < buckets; b++) {
            int rows = size + (b < extra ? 1 : 0);
            if (i < row + rows) return b + 1;
            row += rows;
        }
        throw new IllegalStateException();
    }

    private static Double sumOf(List<Object[]> part, int from, int to) {
        Double sum = null;
        for (int j = from; j < to; j++) {
            Double v = (Double) part.get(j)[4];
            if (v != null) sum = sum == null ? v : sum + v;
        }
        return sum;
    }

    private static Double avgOf(List<Object[]> part, int from, int to) {
        double sum = 0;
        int count = 0;
        for (int j = from; j < to; j++) {
            Double v = (Double) part.get(j)[4];
            if (v != null) {
                sum += v;
                count++;
            }
        }
        return count == 0 ? null : sum / count;
    }

    private static Double extreme(List<Object[]> part, int from, int to, boolean max) {
        Double best = null;
        for (int j = from; j < to; j++) {
            Double v = (Double) part.get(j)[4];
            if (v == null) continue;
            if (best == null || (max ? compareDoubles(v, best) > 0 : compareDoubles(v, best) < 0)) best = v;
        }
        return best;
    }

    private static int compareDoubles(double x, double y) { return x == y ? 0 : Double.compare(x, y); }

    @Test void referenceSelfCheck() {
        assertThat(Arrays.asList(bucket(0, 7, 3), bucket(2, 7, 3), bucket(3, 7, 3), bucket(6, 7, 3))).containsExactly(1, 1, 2, 3);
    }
}
