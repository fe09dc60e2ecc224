package dev.sluice.ops;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static dev.sluice.functions.col;
import static dev.sluice.functions.explode;
import static dev.sluice.functions.explode_outer;
import static dev.sluice.functions.posexplode_outer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * explode, explode_outer and posexplode_outer on random arrays, and explode after a filter (the kept rows' arrays
 * are then not next to each other in the elements vector, and the parent rows are written through the filter's
 * selection), explode_outer after a filter, equal a naive loop written here, at parallelism 1 and 7.
 */
class GeneratePropertyTest {
    static final List<Sluice> SESSIONS = Sessions.both();

    @AfterAll static void close() { SESSIONS.forEach(Sluice::close); }

    @Test void generatesLikeANaiveLoop() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int round = 0; round < 6; round++) {
            List<Object[]> data = new ArrayList<>();
            int n = rnd.nextInt(80);
            for (int i = 0; i < n; i++) {
                List<Integer> xs = null;
                if (rnd.nextInt(6) != 0) {
                    xs = new ArrayList<>();
                    int len = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(13);
                    for (int k = 0; k < len; k++) xs.add(rnd.nextInt(7) == 0 ? null : rnd.nextInt(100));
                }
                data.add(new Object[] {i, xs});
            }
            List<List<Object>> exploded = new ArrayList<>();
            List<List<Object>> outer = new ArrayList<>();
            List<List<Object>> positioned = new ArrayList<>();
            List<List<Object>> filtered = new ArrayList<>();
            List<List<Object>> filteredOuter = new ArrayList<>();   // explode_outer after the filter: null rows repeat kept parents
            for (Object[] row : data) {
                @SuppressWarnings("unchecked") List<Integer> xs = (List<Integer>) row[1];
                boolean kept = (Integer) row[0] % 3 != 1;
                if (xs == null || xs.isEmpty()) {
                    positioned.add(Arrays.asList(row[0], null, null));
                    outer.add(Arrays.asList(row[0], null));
                    if (kept) filteredOuter.add(Arrays.asList(row[0], null));
                }
                if (xs == null) continue;
                for (int k = 0; k < xs.size(); k++) {
                    exploded.add(Arrays.asList(row[0], xs.get(k)));
                    outer.add(Arrays.asList(row[0], xs.get(k)));
                    positioned.add(Arrays.asList(row[0], k, xs.get(k)));
                    if (kept) filtered.add(Arrays.asList(row[0], xs.get(k)));
                    if (kept) filteredOuter.add(Arrays.asList(row[0], xs.get(k)));
                }
            }
            for (Sluice s : SESSIONS) {
                DataFrame df = Sessions.df(s, "id INT, xs ARRAY<INT>", data.toArray(new Object[0][]));
                assertThat(Sessions.values(df.select(col("id"), explode(col("xs"))))).isEqualTo(exploded);
                assertThat(Sessions.values(df.select(col("id"), explode_outer(col("xs"))))).isEqualTo(outer);
                assertThat(Sessions.values(df.select(col("id"), posexplode_outer(col("xs"))))).isEqualTo(positioned);
                assertThat(Sessions.values(df.filter(col("id").mod(3).notEqual(1)).select(col("id"), explode(col("xs"))))).isEqualTo(filtered);
                assertThat(Sessions.values(df.filter(col("id").mod(3).notEqual(1)).select(col("id"), explode_outer(col("xs")))))
                        .isEqualTo(filteredOuter);
                assertThat(df.select(explode(col("xs"))).count()).isEqualTo(exploded.size());
            }
        }
    }
}
