package dev.sluice.sql;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Queries through Sluice.sql over temp views: Spark's results, and the same plans as the DataFrame API. */
class SqlQueryTest {
    private static final Sluice SLUICE = Sluice.builder().parallelism(2).shufflePartitions(3).build();
    private static final StructType ORDERS = DdlParser.parseSchema("id INT, cust INT, amount DOUBLE, status STRING");
    private static final StructType CUSTOMERS = DdlParser.parseSchema("id INT, name STRING, tags ARRAY<STRING>");

    @BeforeAll static void views() {
        SLUICE.createDataFrame(List.of(
                Row.of(ORDERS, 1, 10, 5.0, "ok"), Row.of(ORDERS, 2, 10, 7.0, "ok"), Row.of(ORDERS, 3, 20, 1.0, "bad"),
                Row.of(ORDERS, 4, 30, 2.0, "ok"), Row.of(ORDERS, 5, null, 3.0, null)), ORDERS).createOrReplaceTempView("orders");
        SLUICE.createDataFrame(List.of(
                Row.of(CUSTOMERS, 10, "ann", List.of("a", "b")), Row.of(CUSTOMERS, 20, "bob", List.of()),
                Row.of(CUSTOMERS, 40, "cy", List.of("c"))), CUSTOMERS).createOrReplaceTempView("customers");
    }

    private static List<String> rows(String sql) {
        List<String> out = new ArrayList<>();
        for (Row r : SLUICE.sql(sql).collect()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) cells.add(String.valueOf(r.get(i)));
            out.add(String.join(",", cells));
        }
        return out;
    }

    @Test void selectsWithoutFrom() {
        assertThat(rows("SELECT 1 AS one, 'x' || 'y'")).containsExactly("1,xy");
        assertThat(SLUICE.sql("SELECT 1 + 1").columns()).containsExactly("(1 + 1)");
    }

    @Test void filtersProjectsAndOrders() {
        assertThat(rows("SELECT id, amount * 2 AS twice FROM orders WHERE status = 'ok' AND amount > 2 ORDER BY id DESC"))
                .containsExactly("2,14.0", "1,10.0");
        assertThat(rows("SELECT o.id FROM orders AS o WHERE o.cust IS NULL")).containsExactly("5");
        assertThat(rows("SELECT * FROM orders ORDER BY 1 LIMIT 2")).containsExactly("1,10,5.0,ok", "2,10,7.0,ok");
    }

    @Test void producesTheSamePlanAsTheApi() {
        DataFrame sql = SLUICE.sql("SELECT cust, count(*) AS n FROM orders WHERE amount > 1 GROUP BY cust");
        DataFrame api = SLUICE.table("orders").filter(col("amount").gt(1)).groupBy("cust").agg(count("*").alias("n"));
        assertThat(sql.optimizedPlan()).isEqualTo(api.optimizedPlan());
    }

    @Test void groupsAndFiltersGroups() {
        assertThat(rows("SELECT cust, sum(amount) AS total, count(*) FROM orders GROUP BY cust HAVING count(*) > 1"))
                .containsExactly("10,12.0,2");
        assertThat(rows("SELECT status, count(DISTINCT cust) FROM orders GROUP BY 1 ORDER BY status NULLS LAST"))
                .containsExactly("bad,1", "ok,2", "null,0");
        assertThat(rows("SELECT upper(status) AS s, max(amount) FROM orders GROUP BY s ORDER BY s")).containsExactly("null,3.0", "BAD,1.0", "OK,7.0");
        assertThat(rows("SELECT status, count(*) FILTER (WHERE amount > 2) FROM orders GROUP BY ALL ORDER BY status"))
                .containsExactly("null,1", "bad,0", "ok,2");
        assertThat(rows("SELECT count(*), sum(amount) FROM orders")).containsExactly("5,18.0");
    }

    @Test void joins() {
        assertThat(rows("SELECT o.id, c.name FROM orders o JOIN customers c ON o.cust = c.id ORDER BY o.id"))
                .containsExactly("1,ann", "2,ann", "3,bob");
        assertThat(rows("SELECT o.id, c.name FROM orders o LEFT JOIN customers c ON o.cust = c.id WHERE o.id > 3 ORDER BY o.id"))
                .containsExactly("4,null", "5,null");
        assertThat(rows("SELECT name FROM customers c LEFT ANTI JOIN orders o ON o.cust = c.id")).containsExactly("cy");
        assertThat(rows("SELECT c.* FROM customers c LEFT SEMI JOIN orders o ON o.cust = c.id ORDER BY c.id"))
                .containsExactly("10,ann,[a, b]", "20,bob,[]");
        assertThat(rows("SELECT count(*) FROM orders, customers")).containsExactly("15");
        assertThat(rows("SELECT id, name FROM customers JOIN (SELECT cust AS id FROM orders) USING (id) ORDER BY id"))
                .containsExactly("10,ann", "10,ann", "20,bob");
        assertThat(rows("SELECT * FROM (SELECT 1 AS id, 'a' AS x) NATURAL JOIN (SELECT 1 AS id, 'b' AS y)")).containsExactly("1,a,b");
    }

    @Test void setOperationsAndCtes() {
        assertThat(rows("SELECT cust FROM orders WHERE cust = 10 UNION SELECT id FROM customers ORDER BY cust"))
                .containsExactly("10", "20", "40");
        assertThat(rows("SELECT cust FROM orders WHERE cust = 10 UNION ALL SELECT 10")).containsExactly("10", "10", "10");
        assertThat(rows("SELECT id FROM customers EXCEPT SELECT cust FROM orders")).containsExactly("40");
        assertThat(rows("SELECT id FROM customers INTERSECT SELECT cust FROM orders ORDER BY id")).containsExactly("10", "20");
        assertThat(rows("WITH big AS (SELECT * FROM orders WHERE amount >= 5), ids AS (SELECT id FROM big) SELECT * FROM ids ORDER BY id"))
                .containsExactly("1", "2");
    }

    @Test void valuesGeneratorsAndLateralViews() {
        assertThat(rows("SELECT * FROM VALUES (1, 'a'), (2, 'b') AS t(n, s) ORDER BY n DESC")).containsExactly("2,b", "1,a");
        assertThat(rows("SELECT col1 + 1 FROM VALUES 1, 2")).containsExactly("2", "3");
        assertThat(rows("SELECT x FROM explode(array(3, 4)) AS t(x)")).containsExactly("3", "4");
        assertThat(rows("SELECT name, tag FROM customers LATERAL VIEW explode(tags) t AS tag ORDER BY tag")).containsExactly("ann,a", "ann,b", "cy,c");
        assertThat(rows("SELECT name, tag FROM customers LATERAL VIEW OUTER explode(tags) t AS tag WHERE name = 'bob'")).containsExactly("bob,null");
    }

    @Test void windowsAndQualify() {
        assertThat(rows("SELECT id, row_number() OVER (PARTITION BY cust ORDER BY amount DESC) AS rn FROM orders WHERE cust = 10 ORDER BY id"))
                .containsExactly("1,2", "2,1");
        assertThat(rows("SELECT id, sum(amount) OVER w FROM orders WHERE cust IS NOT NULL WINDOW w AS (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) ORDER BY id"))
                .containsExactly("1,5.0", "2,12.0", "3,8.0", "4,3.0");
        assertThat(rows("SELECT id FROM orders QUALIFY rank() OVER (PARTITION BY status ORDER BY amount DESC) = 1 ORDER BY id"))
                .containsExactly("2", "3", "5");
    }

    @Test void subqueriesInWhere() {
        assertThat(rows("SELECT id FROM orders WHERE cust IN (SELECT id FROM customers WHERE name <> 'bob') ORDER BY id")).containsExactly("1", "2");
        assertThat(rows("SELECT name FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.cust = c.id AND o.amount > 4)"))
                .containsExactly("ann");
        assertThat(rows("SELECT name FROM customers c WHERE NOT EXISTS (SELECT * FROM orders o WHERE o.cust = c.id) ")).containsExactly("cy");
        assertThat(rows("SELECT id FROM customers WHERE id NOT IN (SELECT cust FROM orders WHERE cust IS NOT NULL)")).containsExactly("40");
        // a NULL in the NOT IN list makes every row's condition unknown, as SQL says
        assertThat(rows("SELECT id FROM customers WHERE id NOT IN (SELECT cust FROM orders)")).isEmpty();
    }

    @Test void scalarSubqueriesAndOrderingByAggregates() {
        assertThat(rows("SELECT id FROM orders WHERE amount > (SELECT avg(amount) FROM orders) ORDER BY id")).containsExactly("1", "2");
        assertThat(rows("SELECT id, (SELECT max(amount) FROM orders) - amount AS gap FROM orders WHERE id < 3 ORDER BY id"))
                .containsExactly("1,2.0", "2,0.0");
        assertThat(rows("SELECT *, (SELECT count(*) FROM customers) FROM orders WHERE id = 1")).containsExactly("1,10,5.0,ok,3");
        assertThat(rows("SELECT id FROM orders WHERE cust = (SELECT id FROM customers WHERE name = 'zed' LIMIT 1)")).isEmpty();
        // several rows fail when the query runs, not when it is planned (as Spark)
        DataFrame tooMany = SLUICE.sql("SELECT (SELECT id FROM customers) FROM orders");
        assertThatThrownBy(tooMany::collectAsList).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.SCALAR_SUBQUERY_TOO_MANY_ROWS));
        assertThat(rows("SELECT id, (SELECT id FROM customers WHERE id > 30) AS big FROM orders WHERE id = 1")).containsExactly("1,40");
        assertThat(rows("SELECT cust, count(*) FROM orders GROUP BY cust ORDER BY count(*) DESC, cust LIMIT 2")).containsExactly("10,2", "null,1");
    }

    @Test void groupingSets() {
        assertThat(rows("SELECT status, cust, sum(amount) FROM orders WHERE cust IS NOT NULL GROUP BY ROLLUP(status, cust)"))
                .containsExactlyInAnyOrder("ok,10,12.0", "bad,20,1.0", "ok,30,2.0", "ok,null,14.0", "bad,null,1.0", "null,null,15.0");
        assertThat(rows("SELECT status, grouping(status), count(*) AS n FROM orders WHERE cust IS NOT NULL GROUP BY CUBE(status)"))
                .containsExactlyInAnyOrder("ok,0,3", "bad,0,1", "null,1,4");
        assertThat(rows("SELECT cust, status, grouping_id(), max(id) FROM orders GROUP BY GROUPING SETS ((cust), (status)) HAVING max(id) > 3"))
                .containsExactlyInAnyOrder("30,null,1,4", "null,null,1,5", "null,ok,2,4", "null,null,2,5");
        assertThat(SLUICE.sql("SELECT status, count(*) FROM orders GROUP BY status WITH ROLLUP").count()).isEqualTo(4);
        // the empty grouping set gives no row for an empty input, as Spark
        assertThat(rows("SELECT count(*) FROM orders WHERE id > 100 GROUP BY ROLLUP(status)")).isEmpty();
    }

    @Test void pivotAndUnpivot() {
        assertThat(rows("SELECT * FROM (SELECT cust, status, amount FROM orders WHERE cust IS NOT NULL) "
                + "PIVOT (sum(amount) FOR status IN ('ok' AS ok, 'bad')) ORDER BY cust"))
                .containsExactly("10,12.0,null", "20,null,1.0", "30,2.0,null");
        assertThat(SLUICE.sql("SELECT * FROM (SELECT cust, status, amount FROM orders) PIVOT (sum(amount) FOR status IN ('ok' AS ok, 'bad'))").columns())
                .containsExactly("cust", "ok", "bad");
        assertThat(rows("SELECT * FROM (SELECT id, amount, cust FROM orders WHERE id <= 2) UNPIVOT (v FOR k IN (amount, cust)) ORDER BY id, k"))
                .containsExactly("1,amount,5.0", "1,cust,10.0", "2,amount,7.0", "2,cust,10.0");
        assertThat(SLUICE.sql("SELECT * FROM (SELECT id, cust FROM orders) UNPIVOT (v FOR k IN (cust))").count()).isEqualTo(4);
        assertThat(SLUICE.sql("SELECT * FROM (SELECT id, cust FROM orders) UNPIVOT INCLUDE NULLS (v FOR k IN (cust))").count()).isEqualTo(5);
    }

    @Test void distinctAndFileReads(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        assertThat(rows("SELECT DISTINCT status FROM orders WHERE status IS NOT NULL ORDER BY status")).containsExactly("bad", "ok");
        java.nio.file.Files.writeString(dir.resolve("a.json"), "{\"k\": 1}\n{\"k\": 2}\n");
        assertThat(rows("SELECT sum(k) FROM json.`" + dir.resolve("a.json") + "`")).containsExactly("3");
    }

    @Test void catalogAndErrors() {
        assertThat(SLUICE.catalog().listTables()).extracting(t -> t.name()).contains("customers", "orders");
        assertThatThrownBy(() -> SLUICE.sql("SELECT * FROM ordrs")).isInstanceOfSatisfying(SluiceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.TABLE_OR_VIEW_NOT_FOUND);
            assertThat(e.getMessage()).contains("orders");
        });
        assertThatThrownBy(() -> SLUICE.sql("SELECT amont FROM orders")).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND));
        assertThatThrownBy(() -> SLUICE.sql("SELECT * FROM orders WHERE")).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PARSE_SYNTAX_ERROR));
        assertThatThrownBy(() -> SLUICE.table("orders").createTempView("orders")).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.TEMP_TABLE_OR_VIEW_ALREADY_EXISTS));
        SLUICE.sql("SELECT 1 AS x").createOrReplaceGlobalTempView("g1");
        try (Sluice other = Sluice.builder().parallelism(1).build()) {
            assertThat(other.sql("SELECT x FROM global_temp.g1").collect()).hasSize(1);
        }
        SLUICE.sql("SELECT 1").createOrReplaceTempView("tmp");
        assertThat(SLUICE.catalog().dropTempView("tmp")).isTrue();
        assertThat(SLUICE.catalog().tableExists("tmp")).isFalse();
    }
}
