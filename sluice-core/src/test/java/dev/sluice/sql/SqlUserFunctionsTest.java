package dev.sluice.sql;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SQL functions as Spark 4.1 has them: query bodies, table functions, defaults, named arguments, their errors. */
class SqlUserFunctionsTest {
    @TempDir Path dir;
    private Sluice sluice;

    @BeforeEach void open() {
        sluice = Sluice.builder().parallelism(2).shufflePartitions(2).config("spark.sql.warehouse.dir", dir.resolve("wh").toString()).build();
        sluice.sql("CREATE TEMPORARY VIEW t1(c1, c2) AS VALUES (0, 1), (0, 2), (1, 2)");
        sluice.sql("CREATE TEMPORARY VIEW t2(c1, c2) AS VALUES (0, 2), (0, 3)");
    }

    @AfterEach void close() { sluice.close(); }

    private List<String> rows(String sql) {
        List<String> out = new ArrayList<>(SqlTestRows.lines(sluice.sql(sql)));
        out.sort(null);
        return out;
    }

    private ErrorCode code(String sql) { return SqlTestRows.errorOf(sluice, sql); }

    @Test void scalarQueryBodiesAreCorrelatedSubqueriesOverTheArguments() {
        sluice.sql("CREATE TEMPORARY FUNCTION total(x INT) RETURNS INT RETURN SELECT sum(c2) FROM t2 WHERE c1 = x");
        assertThat(rows("SELECT c1, total(c1) FROM t1")).containsExactly("0,5", "0,5", "1,null");
        assertThat(rows("SELECT total(0)")).containsExactly("5");
        DataFrame df = sluice.sql("SELECT total(0)");
        assertThat(df.columns()).containsExactly("total(0)");
        sluice.sql("CREATE TEMPORARY FUNCTION total2(x INT) RETURNS INT RETURN (SELECT sum(c2) FROM t2 WHERE c1 = x)");
        assertThat(rows("SELECT c1, total2(c1) FROM t1 WHERE c2 = 1")).containsExactly("0,5");
        sluice.sql("CREATE TEMPORARY FUNCTION twice(x INT) RETURNS INT RETURN SELECT x * 2");
        assertThat(rows("SELECT twice(c2) FROM t1")).containsExactly("2", "4", "4");
    }

    @Test void theBodysColumnsComeBeforeTheParametersAndTheFunctionNameQualifiesThem() {
        sluice.sql("CREATE TEMPORARY FUNCTION foo7a(a STRING, b STRING, c STRING) RETURNS STRING RETURN "
                + "SELECT 'Foo.a: ' || a || ' Foo.a: ' || foo7a.a || ' T.b: ' || b || ' Foo.b: ' || foo7a.b || ' T.c: ' || c || ' T.c: ' || t.c "
                + "FROM VALUES('t.b', 't.c') AS T(b, c)");
        assertThat(rows("SELECT foo7a('Foo.a', 'Foo.b', 'Foo.c')"))
                .containsExactly("Foo.a: Foo.a Foo.a: Foo.a T.b: t.b Foo.b: Foo.b T.c: t.c T.c: t.c");
    }

    @Test void tableFunctionsRunInFromWithTheirDeclaredColumns() {
        sluice.sql("CREATE TEMPORARY FUNCTION foo4_2(x INT) RETURNS TABLE (a INT) RETURN SELECT c2 FROM t2 WHERE c1 = x");
        assertThat(rows("SELECT * FROM foo4_2(0)")).containsExactly("2", "3");
        assertThat(sluice.sql("SELECT * FROM foo4_2(0)").columns()).containsExactly("a");
        assertThat(rows("SELECT foo4_2.a FROM foo4_2(x => 0)")).containsExactly("2", "3");
        sluice.sql("CREATE TEMPORARY FUNCTION foo4_3(x INT) RETURNS TABLE (a INT, cnt INT) RETURN SELECT c1, COUNT(*) FROM t2 WHERE c1 = x GROUP BY c1");
        assertThat(rows("SELECT * FROM foo4_3(0)")).containsExactly("0,2");
        sluice.sql("CREATE TEMPORARY FUNCTION same(x INT) RETURNS TABLE RETURN SELECT x AS v, 'k' AS k");
        assertThat(sluice.sql("SELECT * FROM same(7)").columns()).containsExactly("v", "k");
        assertThat(rows("SELECT * FROM same(7) AS s(p, q) WHERE s.p = 7")).containsExactly("7,k");
    }

    @Test void lateralTableFunctionsTakeTheLeftRowsColumns() {
        sluice.sql("CREATE TEMPORARY FUNCTION foo4_1(x INT) RETURNS TABLE (a INT) RETURN SELECT x");
        sluice.sql("CREATE TEMPORARY FUNCTION foo4_2(x INT) RETURNS TABLE (a INT) RETURN SELECT c2 FROM t2 WHERE c1 = x");
        assertThat(rows("SELECT * FROM t1, LATERAL foo4_1(c1)")).containsExactly("0,1,0", "0,2,0", "1,2,1");
        assertThat(rows("SELECT * FROM t1, LATERAL foo4_2(c1)")).containsExactly("0,1,2", "0,1,3", "0,2,2", "0,2,3");
        assertThat(rows("SELECT * FROM t1 JOIN LATERAL foo4_2(c1) ON t1.c2 = foo4_2.a")).containsExactly("0,2,2");
        assertThat(rows("SELECT c1, a FROM t1 LEFT JOIN LATERAL foo4_2(t1.c1) AS f")).containsExactly("0,2", "0,2", "0,3", "0,3", "1,null");
        assertThat(rows("SELECT t1.c2 FROM t1, LATERAL foo4_1(c1 + 1) WHERE a = 2")).containsExactly("2");
    }

    @Test void defaultsAndNamedArgumentsFillTheParameters() {
        sluice.sql("CREATE TEMPORARY FUNCTION foo1d2(a INT, b INT DEFAULT 7, c INT DEFAULT 8, d INT DEFAULT 9 COMMENT 'test') "
                + "RETURNS STRING RETURN a || ' ' || b || ' ' || c || ' ' || d");
        assertThat(rows("SELECT foo1d2(1, 2, 3, 4), foo1d2(1, 2, 3), foo1d2(1, 2), foo1d2(1)")).containsExactly("1 2 3 4,1 2 3 9,1 2 8 9,1 7 8 9");
        assertThat(rows("SELECT foo1d2(1, d => 5), foo1d2(c => 0, a => 2)")).containsExactly("1 7 8 5,2 7 0 9");
        assertThat(code("SELECT foo1d2()")).isEqualTo(ErrorCode.WRONG_NUM_ARGS);
        assertThat(code("SELECT foo1d2(1, 2, 3, 4, 5)")).isEqualTo(ErrorCode.WRONG_NUM_ARGS);
        assertThat(code("SELECT foo1d2(1, e => 2)")).isEqualTo(ErrorCode.UNRECOGNIZED_PARAMETER_NAME);
        assertThat(code("SELECT foo1d2(1, a => 2)")).isEqualTo(ErrorCode.DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT);
        assertThat(code("SELECT foo1d2(b => 2)")).isEqualTo(ErrorCode.REQUIRED_PARAMETER_NOT_FOUND);
        assertThat(code("CREATE FUNCTION sparse(a INT DEFAULT 5, b INT) RETURNS INT RETURN a")).isEqualTo(ErrorCode.USER_DEFINED_FUNCTIONS);
        assertThat(code("CREATE FUNCTION dep(a INT, b INT DEFAULT a) RETURNS INT RETURN a + b")).isEqualTo(ErrorCode.USER_DEFINED_FUNCTIONS);
        assertThat(code("CREATE FUNCTION arr(a INT DEFAULT array(55, 17)) RETURNS INT RETURN a")).isEqualTo(ErrorCode.USER_DEFINED_FUNCTIONS);
    }

    @Test void argumentsAreCastImplicitlyToTheParameterTypes() {
        sluice.sql("CREATE TEMPORARY FUNCTION neg(a BOOLEAN) RETURNS BOOLEAN RETURN NOT a");
        assertThat(rows("SELECT neg(true), neg('false')")).containsExactly("false,true");
        assertThat(code("SELECT neg(5)")).isEqualTo(ErrorCode.TYPE_MISMATCH);
        sluice.sql("CREATE TEMPORARY FUNCTION wide(a BIGINT) RETURNS TABLE (v BIGINT) RETURN SELECT a + 1");
        assertThat(rows("SELECT * FROM wide(1)")).containsExactly("2");
    }

    @Test void scalarAndTableFunctionsAreCalledOnlyWhereTheyBelong() {
        sluice.sql("CREATE TEMPORARY FUNCTION s() RETURNS INT RETURN 1");
        sluice.sql("CREATE TEMPORARY FUNCTION t() RETURNS TABLE (a INT) RETURN SELECT 1");
        assertThat(code("SELECT * FROM s()")).isEqualTo(ErrorCode.NOT_A_TABLE_FUNCTION);
        assertThat(code("SELECT t()")).isEqualTo(ErrorCode.NOT_A_SCALAR_FUNCTION);
        assertThat(code("SELECT * FROM t(1)")).isEqualTo(ErrorCode.WRONG_NUM_ARGS);
        assertThat(code("SELECT * FROM t1, t1.c1 AS x")).isNotNull();
    }

    @Test void definitionsAreCheckedWhenCreated() {
        assertThat(code("CREATE FUNCTION foo32() RETURNS TABLE(a INT) RETURN SELECT 1, 2")).isEqualTo(ErrorCode.USER_DEFINED_FUNCTIONS);
        assertThat(code("CREATE FUNCTION foo42() RETURNS TABLE(a INT) RETURN 1")).isEqualTo(ErrorCode.USER_DEFINED_FUNCTIONS);
        assertThat(code("CREATE FUNCTION foo2b1() RETURNS TABLE(DuPLiCatE INT, duplicate INT) RETURN SELECT 1, 2")).isEqualTo(ErrorCode.USER_DEFINED_FUNCTIONS);
        assertThat(code("CREATE TEMPORARY FUNCTION bad() RETURNS INT RETURN SELECT max(nope) FROM t2")).isEqualTo(ErrorCode.COLUMN_NOT_FOUND);
        assertThat(code("CREATE TEMPORARY FUNCTION reads() RETURNS INT CONTAINS SQL RETURN SELECT max(c1) FROM t2")).isEqualTo(ErrorCode.INVALID_SQL_FUNCTION_DATA_ACCESS);
        assertThat(code("CREATE FUNCTION self(x INT) RETURNS INT RETURN self(x) + 1")).isEqualTo(ErrorCode.CYCLIC_FUNCTION_REFERENCE);
        // a persistent function may not read a temporary view (Spark: INVALID_TEMP_OBJ_REFERENCE); a temporary one may
        assertThat(code("CREATE FUNCTION persistent_reads_temp() RETURNS INT RETURN SELECT max(c1) FROM t2")).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        sluice.sql("CREATE FUNCTION f(x INT) RETURNS INT RETURN x + 1");
        sluice.sql("CREATE FUNCTION g(x INT) RETURNS INT RETURN f(x) * 2");
        assertThat(code("CREATE OR REPLACE FUNCTION f(x INT) RETURNS INT RETURN g(x)")).isEqualTo(ErrorCode.CYCLIC_FUNCTION_REFERENCE);
        assertThat(rows("SELECT g(1)")).containsExactly("4");
    }

    @Test void describeAndShowListUserFunctions() {
        sluice.sql("CREATE FUNCTION area(w DOUBLE, h DOUBLE DEFAULT 1.0) RETURNS DOUBLE COMMENT 'an area' RETURN w * h");
        sluice.sql("CREATE TEMPORARY FUNCTION rows_of(x INT) RETURNS TABLE (a INT) RETURN SELECT c2 FROM t2 WHERE c1 = x");
        assertThat(rows("SHOW USER FUNCTIONS")).containsExactly("rows_of", "spark_catalog.default.area");
        List<String> described = rows("DESCRIBE FUNCTION EXTENDED area");
        assertThat(String.join("\n", described)).contains("Type:", "SCALAR", "w DOUBLE", "Returns:", "Comment:", "an area", "Body:", "w * h");
        assertThat(String.join("\n", rows("DESCRIBE FUNCTION rows_of"))).contains("TABLE", "x INT", "a INT");
        sluice.sql("DROP FUNCTION area");
        assertThat(code("DESCRIBE FUNCTION area")).isEqualTo(ErrorCode.UNKNOWN_FUNCTION);
    }

    @Test void queryBodiedFunctionsWorkInWhereAndNextToOtherFunctions() {
        sluice.sql("CREATE TEMPORARY FUNCTION total(x INT) RETURNS INT RETURN SELECT sum(c2) FROM t2 WHERE c1 = x");
        sluice.sql("CREATE TEMPORARY FUNCTION plus(x INT, y INT DEFAULT 1) RETURNS INT RETURN x + y");
        assertThat(rows("SELECT c1, c2 FROM t1 WHERE total(c1) > 4")).containsExactly("0,1", "0,2");
        assertThat(rows("SELECT plus(total(c1)), plus(c2, y => 10) FROM t1 WHERE c2 = 1")).containsExactly("6,11");
        sluice.sql("CREATE TEMPORARY FUNCTION sum_ab(s STRUCT<a: INT, b: INT>) RETURNS INT RETURN s.a + sum_ab.s.b");
        assertThat(rows("SELECT sum_ab(named_struct('a', 1, 'b', 2))")).containsExactly("3");
    }

    @Test void aCallOutsideASqlQueryOfAQueryBodiedFunctionIsRefused() {
        sluice.sql("CREATE TEMPORARY FUNCTION total(x INT) RETURNS INT RETURN SELECT sum(c2) FROM t2 WHERE c1 = x");
        SluiceException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> sluice.table("t1").selectExpr("total(c1)").collect(), SluiceException.class);
        assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION);
    }
}
