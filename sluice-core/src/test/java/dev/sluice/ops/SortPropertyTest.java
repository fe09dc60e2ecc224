package dev.sluice.ops;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.types.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/** Sorting random data equals a naive stable sort written here, for any parallelism, batch size and limit. */
class SortPropertyTest {
    static final List<Sluice> SESSIONS = Sessions.both();
    static final String[] STRINGS = {"", "a", "A", "b", "ab", "é", "z", "Z", "aa", "😀"};
    static final double[] DOUBLES = {0.0, -0.0, 1.5, -1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2.0};

    @AfterAll static void close() { SESSIONS.forEach(Sluice::close); }

    record Key(int column, boolean ascending, boolean nullsFirst) {}

    static List<Object[]> randomRows(SplittableRandom rnd, int n) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Integer a = rnd.nextInt(8) == 0 ? null : rnd.nextInt(rnd.nextBoolean() ? 3 : 50);
            Double b = rnd.nextInt(8) == 0 ? null : DOUBLES[rnd.nextInt(DOUBLES.length)];
            String c = rnd.nextInt(8) == 0 ? null : STRINGS[rnd.nextInt(STRINGS.length)];
            rows.add(new Object[] {i, a, b, c});
        }
        return rows;
    }

    @Test void sortsLikeANaiveStableSort() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int round = 0; round < 12; round++) {
            List<Object[]> data = randomRows(rnd, rnd.nextInt(round == 0 ? 1 : 300));
            List<Key> keys = new ArrayList<>();
            int nKeys = 1 + rnd.nextInt(3);
            for (int k = 0; k < nKeys; k++) keys.add(new Key(1 + rnd.nextInt(3), rnd.nextBoolean(), rnd.nextBoolean()));
            List<Object[]> expected = new ArrayList<>(data);
            expected.sort(reference(keys));
            int limit = rnd.nextInt(20);
            for (Sluice s : SESSIONS) {
                DataFrame df = Sessions.df(s, "id INT, a INT, b DOUBLE, c STRING", data.toArray(new Object[0][]));
                Column[] orders = orders(keys);
                assertThat(ids(df.orderBy(orders))).as("round %d keys %s", round, keys).isEqualTo(ids(expected));
                assertThat(ids(df.orderBy(orders).limit(limit))).as("top %d round %d", limit, round)
                        .isEqualTo(ids(expected.subList(0, Math.min(limit, expected.size()))));
                assertThat(df.orderBy(orders).count()).isEqualTo(data.size());
            }
        }
    }

    /** Strings sharing their first 8 bytes or differing only past them, so that equal prefixes must fall back to the strings. */
    static final String[] LONG_STRINGS = {"", "abcdefgh", "abcdefgh\u0000", "abcdefghA", "abcdefghB", "abcdefg", "abcdefgi",
            "abcdéfgh", "abcdefgh😀", "zzzzzzzzzzzz", "abc"};

    /**
     * Without nulls every key has normalized prefixes, so the first key's ties go to the second key's prefix: ints and
     * doubles with many ties first, then strings that share or differ past their first 8 bytes, and a third key.
     */
    @Test void sortsWithoutNullsLikeANaiveStableSortThroughTheKeyPrefixes() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int round = 0; round < 16; round++) {
            List<Object[]> data = new ArrayList<>();
            int n = 1 + rnd.nextInt(400);
            for (int i = 0; i < n; i++) {
                data.add(new Object[] {i, rnd.nextInt(rnd.nextBoolean() ? 3 : 20), DOUBLES[rnd.nextInt(DOUBLES.length)],
                        LONG_STRINGS[rnd.nextInt(LONG_STRINGS.length)]});
            }
            List<Key> keys = new ArrayList<>();
            keys.add(new Key(1 + rnd.nextInt(2), rnd.nextBoolean(), rnd.nextBoolean()));   // a number first: an exact prefix
            int more = 1 + rnd.nextInt(2);
            for (int k = 0; k < more; k++) keys.add(new Key(1 + rnd.nextInt(3), rnd.nextBoolean(), rnd.nextBoolean()));
            List<Object[]> expected = new ArrayList<>(data);
            expected.sort(reference(keys));
            for (Sluice s : SESSIONS) {
                DataFrame df = Sessions.df(s, "id INT, a INT, b DOUBLE, c STRING", data.toArray(new Object[0][]));
                assertThat(ids(df.orderBy(orders(keys)))).as("round %d keys %s", round, keys).isEqualTo(ids(expected));
            }
        }
    }

    @Test void sortWithinPartitionsSortsEachSplit() {
        SplittableRandom rnd = new SplittableRandom(7);
        List<Object[]> data = randomRows(rnd, 57);
        List<Key> keys = List.of(new Key(1, false, true), new Key(3, true, false));
        for (Sluice s : SESSIONS) {
            int split = s.conf().batchSize();   // in-memory data is cut into splits of one batch
            List<Object[]> expected = new ArrayList<>();
            for (int from = 0; from < data.size(); from += split) {
                List<Object[]> chunk = new ArrayList<>(data.subList(from, Math.min(data.size(), from + split)));
                chunk.sort(reference(keys));
                expected.addAll(chunk);
            }
            DataFrame df = Sessions.df(s, "id INT, a INT, b DOUBLE, c STRING", data.toArray(new Object[0][]));
            assertThat(ids(df.sortWithinPartitions(orders(keys)))).isEqualTo(ids(expected));
        }
    }

    private static Column[] orders(List<Key> keys) {
        Column[] out = new Column[keys.size()];
        String[] names = {"id", "a", "b", "c"};
        for (int i = 0; i < out.length; i++) {
            Key k = keys.get(i);
            Column c = col(names[k.column()]);
            out[i] = k.ascending() ? (k.nullsFirst() ? c.asc_nulls_first() : c.asc_nulls_last())
                    : (k.nullsFirst() ? c.desc_nulls_first() : c.desc_nulls_last());
        }
        return out;
    }

    private static List<Object> ids(DataFrame df) {
        List<Object> out = new ArrayList<>();
        for (Row r : df.collect()) out.add(r.get(0));
        return out;
    }

    private static List<Object> ids(List<Object[]> rows) {
        List<Object> out = new ArrayList<>();
        for (Object[] r : rows) out.add(r[0]);
        return out;
    }

    /** Spark's ordering, written independently: NaN largest, -0.0 = 0.0, strings by UTF-8 bytes. */
    static Comparator<Object[]> reference(List<Key> keys) {
        return (x, y) -> {
            for (Key k : keys) {
                Object a = x[k.column()], b = y[k.column()];
                if (a == null || b == null) {
                    if (a == b) continue;
                    return (a == null) == k.nullsFirst() ? -1 : 1;
                }
                int c = compareValues(a, b);
                if (c != 0) return k.ascending() ? c : -c;
            }
            return 0;
        };
    }

    static int compareValues(Object a, Object b) {
        if (a instanceof Double da && b instanceof Double db) {
            if (da.isNaN() || db.isNaN()) return Boolean.compare(da.isNaN(), db.isNaN());
            return da.doubleValue() == db.doubleValue() ? 0 : (da < db ? -1 : 1);
        }
        if (a instanceof String sa) {
            return Arrays.compareUnsigned(sa.getBytes(StandardCharsets.UTF_8), ((String) b).getBytes(StandardCharsets.UTF_8));
        }
        return Integer.compare((Integer) a, (Integer) b);
    }
}
