package dev.sluice.expr;

import dev.sluice.Sluice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lambda's variables inside branches that run on some rows only (CASE WHEN, AND, OR evaluate a branch on the rows
 * that take it): the variables are selected with the rows, so each element sees its own values (the bug: a branch
 * saw the first elements' values, transform(a, (x, i) -> CASE WHEN i % 2 = 0 THEN x ELSE -x END) gave [1, -1, 2, -2]).
 */
@SuppressWarnings("unchecked")
class LambdaBranchesTest {
    private static final Sluice SLUICE = Sluice.builder().parallelism(2).build();

    @AfterAll static void close() { SLUICE.close(); }

    private static Object value(String sql) { return SLUICE.sql(sql).collect().get(0).get(0); }

    @Test void caseWhenBranchesSeeTheirOwnElements() {
        assertThat((List<Object>) value("SELECT transform(array(1, 2, 3, 4), (x, i) -> CASE WHEN i % 2 = 0 THEN x ELSE -x END)"))
                .containsExactly(1, -2, 3, -4);
    }

    @Test void andOrRightSidesSeeTheirOwnElements() {
        assertThat((List<Object>) value("SELECT filter(array(1, 2, 3, 4, 5, 6), x -> x > 2 AND x % 2 = 0)")).containsExactly(4, 6);
        assertThat((List<Object>) value("SELECT filter(array(1, 2, 3, 4, 5, 6), x -> x < 2 OR x % 3 = 0)")).containsExactly(1, 3, 6);
        assertThat(value("SELECT map_filter(map('bar', 1.0, 'baz', 32.0, 'foo', 5.0), (k, v) -> startswith(k, 'b') AND v > 1.0)").toString())
                .isEqualTo("{baz=32.0}");
    }

    @Test void anAccumulatorWhoseFieldsBecomeNullableIsTheSameType() {
        assertThat(value("SELECT aggregate(array(1.0D, 2.0D, 3.0D), named_struct('count', 0, 'sum', 0.0D), "
                + "(acc, x) -> named_struct('count', acc.count + 1, 'sum', acc.sum + x), acc -> acc.sum / acc.count)").toString())
                .isEqualTo("2.0");
    }
}
