package dev.sluice.sql;

import dev.sluice.RuntimeConfig;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code spark.sql.mapKeyDedupPolicy}: EXCEPTION (Spark's default) fails a map built with a key twice; LAST_WIN keeps
 * the last value at the key's first position, in every function that builds a map, on the workers of a job too.
 */
class MapKeyDedupPolicyTest {
    private static final String QUERIES = "SELECT map(k, 'a', 2, 'b', k, 'c') AS m1, map_concat(map(k, 'a', 3, 'b'), map(3, 'c', k, 'd')) AS m2, "
            + "map_from_arrays(array(k, k), array('x', 'y')) AS m3, map_from_entries(array(struct(k, 'x'), struct(k, 'y'))) AS m4, "
            + "str_to_map('a:1,b:2,a:3') AS m5, transform_keys(map(k, 'x', 5, 'y'), (key, v) -> 7) AS m6 FROM t";

    private static String rendered(Row row) {
        return java.util.stream.IntStream.range(0, row.size()).mapToObj(i -> String.valueOf(row.get(i))).collect(Collectors.joining(" | "));
    }

    @Test void lastWinKeepsTheLastValueAtTheFirstPosition() {
        try (Sluice s = Sluice.builder().parallelism(2).build()) {
            s.sql("SELECT * FROM VALUES (1), (4) AS t(k)").repartition(2).createOrReplaceTempView("t");
            assertThat(s.conf().get(RuntimeConfig.MAP_KEY_DEDUP_POLICY)).isEqualTo("EXCEPTION");
            s.conf().set(RuntimeConfig.MAP_KEY_DEDUP_POLICY, "last_win");
            assertThat(s.conf().get(RuntimeConfig.MAP_KEY_DEDUP_POLICY)).isEqualTo("LAST_WIN");
            List<String> rows = s.sql(QUERIES + " ORDER BY k").collect().stream().map(MapKeyDedupPolicyTest::rendered).toList();
            assertThat(rows).containsExactly(
                    "{1=c, 2=b} | {1=d, 3=c} | {1=y} | {1=y} | {a=3, b=2} | {7=y}",
                    "{4=c, 2=b} | {4=d, 3=c} | {4=y} | {4=y} | {a=3, b=2} | {7=y}");
            // folded constants too
            assertThat(s.sql("SELECT map(1, 'a', 1, 'b')").collect().get(0).get(0).toString()).isEqualTo("{1=b}");
        }
    }

    @Test void exceptionIsTheDefaultAndComesBackOnReset() {
        try (Sluice s = Sluice.builder().parallelism(2).build()) {
            s.sql("SELECT * FROM VALUES (1), (4) AS t(k)").createOrReplaceTempView("t");
            s.conf().set(RuntimeConfig.MAP_KEY_DEDUP_POLICY, "LAST_WIN");
            s.conf().reset();
            for (String column : List.of("m1", "m2", "m3", "m4", "m5", "m6")) {
                assertThatThrownBy(() -> s.sql("SELECT " + column + " FROM (" + QUERIES + ")").collect())
                        .as(column).isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_MAP_KEY));
            }
            assertThatThrownBy(() -> s.conf().set(RuntimeConfig.MAP_KEY_DEDUP_POLICY, "FIRST_WIN")).isInstanceOfSatisfying(SluiceException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION));
        }
    }
}
