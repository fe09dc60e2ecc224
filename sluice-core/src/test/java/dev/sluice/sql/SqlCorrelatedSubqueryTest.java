package dev.sluice.sql;

import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Correlated scalar subqueries, decorrelated into an aggregate and a left join, and Spark's refusals. */
class SqlCorrelatedSubqueryTest {
    private static final Sluice SLUICE = Sluice.builder().parallelism(2).shufflePartitions(2).build();
    private static final StructType T = DdlParser.parseSchema("k INT, a STRING");
    private static final StructType R = DdlParser.parseSchema("k INT, b INT");

    @BeforeAll static void views() {
        SLUICE.createDataFrame(List.of(Row.of(T, 1, "x"), Row.of(T, 2, "y"), Row.of(T, 3, "z"), Row.of(T, null, "n")), T).createOrReplaceTempView("t");
        SLUICE.createDataFrame(List.of(Row.of(R, 1, 10), Row.of(R, 1, 20), Row.of(R, 2, 5), Row.of(R, null, 99)), R).createOrReplaceTempView("r");
    }

    @AfterAll static void close() { SLUICE.close(); }

    private static List<String> rows(String sql) {
        List<String> out = new ArrayList<>();
        for (Row row : SLUICE.sql(sql).collect()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) cells.add(String.valueOf(row.get(i)));
            out.add(String.join(",", cells));
        }
        return out;
    }

    private static ErrorCode code(String sql) {
        try {
            SLUICE.sql(sql).collect();
        } catch (SluiceException e) {
            return e.code();
        }
        throw new AssertionError("no error");
    }

    @Test void correlatedScalarSubqueriesInSelectAndWhere() {
        assertThat(rows("SELECT a, (SELECT max(b) FROM r WHERE r.k = t.k) AS m FROM t ORDER BY a"))
                .containsExactly("n,null", "x,20", "y,5", "z,null");
        assertThat(rows("SELECT a, (SELECT count(*) FROM r WHERE r.k = t.k) AS c FROM t ORDER BY a"))
                .containsExactly("n,0", "x,2", "y,1", "z,0");
        assertThat(rows("SELECT a, (SELECT sum(b) FROM r AS x WHERE x.k = t.k AND x.b > 10) FROM t ORDER BY a"))
                .containsExactly("n,null", "x,20", "y,null", "z,null");
        assertThat(rows("SELECT a FROM t WHERE (SELECT sum(b) FROM r WHERE r.k = t.k) > 6 ORDER BY a")).containsExactly("x");
        assertThat(rows("SELECT a FROM t WHERE EXISTS (SELECT 1 FROM r WHERE r.k = t.k) ORDER BY a")).containsExactly("x", "y");
    }

    @Test void lateralSubqueriesSeeTheRelationsBeforeThem() {
        assertThat(rows("SELECT a, y FROM t, LATERAL (SELECT concat(a, '!') AS y) ORDER BY a")).containsExactly("n,n!", "x,x!", "y,y!", "z,z!");
        assertThat(rows("SELECT a, b FROM t JOIN LATERAL (SELECT b FROM r WHERE r.k = t.k) ORDER BY a, b"))
                .containsExactly("x,10", "x,20", "y,5");
        assertThat(rows("SELECT a, b2 FROM t LEFT JOIN LATERAL (SELECT r.b * 2 AS b2 FROM r WHERE r.k = t.k AND r.b < 15) ORDER BY a"))
                .containsExactly("n,null", "x,20", "y,10", "z,null");
        assertThat(rows("SELECT a, c FROM t CROSS JOIN LATERAL (SELECT count(*) AS c FROM r) WHERE a = 'x'")).containsExactly("x,4");
        assertThat(code("SELECT * FROM t, LATERAL (SELECT max(b) FROM r WHERE r.k = t.k)")).isEqualTo(ErrorCode.UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY);
        assertThat(code("SELECT * FROM t, LATERAL (SELECT DISTINCT b FROM r WHERE r.k = t.k)")).isEqualTo(ErrorCode.UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY);
    }

    @Test void sparksRefusals() {
        assertThat(code("SELECT a, (SELECT b FROM r WHERE r.k = t.k) FROM t")).isEqualTo(ErrorCode.UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY);
        assertThat(code("SELECT a, (SELECT max(b) FROM r WHERE r.k > t.k) FROM t")).isEqualTo(ErrorCode.UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY);
    }
}
