package dev.sluice;

import dev.sluice.types.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Default column names as Spark 4.1 prints them (its toPrettySQL), for the classes of expressions whose names
 * differed: functions Spark defines as another expression (ReplacedFunction), operators printed infix, defaulted
 * arguments shown and options hidden (SparkCallText), lambda variables, cast aliases, extracted fields and timestamp
 * literals. The expected names are Spark's own (AutoNamesTest in sluice-spark compares them with Spark directly).
 */
class SparkColumnNamesTest {
    private static final Sluice SLUICE = Sluice.builder().parallelism(2).shufflePartitions(2).timeZone(java.time.ZoneOffset.UTC).build();

    @AfterAll static void close() { SLUICE.close(); }

    private static List<String> names(String sql) { return Arrays.asList(SLUICE.sql(sql).columns()); }

    @Test void replacedFunctionsKeepTheirNameAndComputeTheirReplacement() {
        assertThat(names("SELECT equal_null(1, NULL), try_add(2147483647, 1), try_divide(1, 0), nullifzero(0), zeroifnull(NULL)"))
                .containsExactly("equal_null(1, NULL)", "try_add(2147483647, 1)", "try_divide(1, 0)", "nullifzero(0)", "zeroifnull(NULL)");
        Row r = SLUICE.sql("SELECT equal_null(1, NULL), try_add(2147483647, 1), try_divide(1, 0), nullifzero(0), zeroifnull(NULL), mod(7, 3)")
                .collect().get(0);
        assertThat(Arrays.asList(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5))).containsExactly(false, null, null, null, 0, 1);
        assertThat(names("SELECT mod(2, 1.8), if(1 < 2, 'a', 'b'), positive(1)")).containsExactly("mod(2, 1.8)", "(IF((1 < 2), a, b))", "(+ 1)");
    }

    @Test void replacedFunctionsGroupAndNestLikeAnyCall() {
        DataFrame df = SLUICE.range(6).withColumn("k", functions.try_mod(col("id"), lit(3)));
        assertThat(df.columns()).containsExactly("id", "k");
        assertThat(SLUICE.range(6).groupBy(functions.try_mod(col("id"), lit(3))).count().columns())
                .containsExactly("try_mod(id, 3)", "count");
        assertThat(SLUICE.range(3).select(functions.positive(col("id"))).columns()).containsExactly("(+ id)");
        assertThat(SLUICE.range(3).select(functions.equal_null(col("id"), lit(1)).and(lit(true))).columns())
                .containsExactly("(equal_null(id, 1) AND true)");
        assertThat(SLUICE.sql("SELECT try_mod(id, 3) AS k, count(*) FROM range(6) GROUP BY try_mod(id, 3) ORDER BY k").collect()).hasSize(3);
    }

    @Test void operatorsPrintInfix() {
        assertThat(names("SELECT 3 & 5, 3 | 5, 3 ^ 5, ~0, 2 << 1, 4 >> 1, 4 >>> 1, 3 div 2"))
                .containsExactly("(3 & 5)", "(3 | 5)", "(3 ^ 5)", "~0", "(2 << 1)", "(4 >> 1)", "(4 >>> 1)", "(3 div 2)");
        assertThat(names("SELECT shiftleft(2, 1)")).containsExactly("shiftleft(2, 1)");
        assertThat(SLUICE.sql("SELECT 2 << 1, 4 >>> 1").collect().get(0).get(0)).isEqualTo(4);
    }

    @Test void defaultedArgumentsAreShownAndOptionsAreNot() {
        assertThat(names("SELECT mask('ab-12'), overlay('Spark SQL', '_', 6), regexp_instr('abc', 'b'), str_to_map('a:1')"))
                .containsExactly("mask(ab-12, X, x, n, NULL)", "overlay(Spark SQL, _, 6, -1)", "regexp_instr(abc, b, 0)",
                        "str_to_map(a:1, ,, :)");
        assertThat(names("SELECT from_csv('1, 0.8', 'a INT, b DOUBLE'), schema_of_json('[{\"col\":01}]', map('allowNumericLeadingZeros', 'true'))"))
                .containsExactly("from_csv(1, 0.8)", "schema_of_json([{\"col\":01}])");
        assertThat(names("SELECT make_dt_interval(2), make_ym_interval(2)")).containsExactly("make_dt_interval(2, 0, 0, 0.000000)", "make_ym_interval(2, 0)");
    }

    @Test void toCharIsNamedAfterTheFunctionItPicksByType() {
        assertThat(names("SELECT to_char(date'2016-04-08', 'y'), to_char(x'537061726b2053514c', 'base64'), to_varchar(x'537061726b2053514c', 'hex')"))
                .containsExactly("date_format(DATE '2016-04-08', y)", "base64(X'537061726B2053514C')", "to_varchar(X'537061726B2053514C')");
        assertThat(names("SELECT to_char(x'616263', 'UTF-8'), to_varchar(454, '999'), to_char(78.12, '$99.99')"))
                .containsExactly("decode(X'616263', UTF-8)", "to_char(454, 999)", "to_char(78.12, $99.99)");
        assertThat(SLUICE.sql("SELECT to_varchar(x'537061726b2053514c', 'base64')").collect().get(0).get(0)).isEqualTo("U3BhcmsgU1FM");
    }

    @Test void approxTopKShowsItsDefaults() {
        String from = " FROM VALUES (0), (0), (1) AS tab(expr)";
        assertThat(names("SELECT approx_top_k(expr), approx_top_k(expr, 2), approx_top_k(expr, 10, 100)" + from))
                .containsExactly("approx_top_k(expr, 5, 10000)", "approx_top_k(expr, 2, 10000)", "approx_top_k(expr, 10, 100)");
        assertThat(names("SELECT approx_top_k_estimate(approx_top_k_accumulate(expr))" + from))
                .containsExactly("approx_top_k_estimate(approx_top_k_accumulate(expr, 10000), 5)");
    }

    @Test void namesOfTheirOwn() {
        assertThat(names("SELECT current_database(), sha('Spark'), position('bar', 'foobarbar'), regexp('a', 'a'), spark_partition_id()"))
                .containsExactly("current_schema()", "sha(Spark)", "position(bar, foobarbar, 1)", "REGEXP(a, a)", "SPARK_PARTITION_ID()");
        assertThat(names("SELECT extract(YEAR FROM DATE '2019-08-12'), datepart('doy', DATE '2019-08-12'), trim(BOTH 'SL' FROM 'SSparkSQLS')"))
                .containsExactly("extract(YEAR FROM DATE '2019-08-12')", "datepart(doy FROM DATE '2019-08-12')", "TRIM(BOTH SL FROM SSparkSQLS)");
        assertThat(SLUICE.sql("SELECT extract(YEAR FROM DATE '2019-08-12')").collect().get(0).get(0)).isEqualTo(2019);
    }

    @Test void lambdaVariablesPrintAsSparksNamedLambdaVariables() {
        assertThat(names("SELECT transform(array(1, 2), x -> x + 1), aggregate(array(1, 2), 0, (acc, x) -> acc + x)")).containsExactly(
                "transform(array(1, 2), lambdafunction((namedlambdavariable() + 1), namedlambdavariable()))",
                "aggregate(array(1, 2), 0, lambdafunction((namedlambdavariable() + namedlambdavariable()), namedlambdavariable(), "
                        + "namedlambdavariable()), lambdafunction(namedlambdavariable(), namedlambdavariable()))");
    }

    @Test void castAliasesAreNamedAfterTheirArgument() {
        assertThat(names("SELECT unix_date(DATE('1970-01-02')), int('7')")).containsExactly("unix_date(1970-01-02)", "7");
        assertThat(names("SELECT CAST('7' AS INT)")).containsExactly("CAST(7 AS INT)");
        assertThat(SLUICE.sql("SELECT unix_date(DATE('1970-01-02'))").collect().get(0).get(0)).isEqualTo(1);
    }

    @Test void timestampLiteralsPrintInTheSessionZone() {
        assertThat(names("SELECT date_part('YEAR', TIMESTAMP '2019-08-12 01:00:00.123456')"))
                .containsExactly("date_part(YEAR, TIMESTAMP '2019-08-12 01:00:00.123456')");
    }

    @Test void getFieldIsNamedWithItsStructButAPathIsNot() {
        DataFrame df = SLUICE.sql("SELECT named_struct('a', 1, 'b', 'x') AS r");
        assertThat(df.select(col("r").getField("b")).columns()).containsExactly("r.b");
        assertThat(df.select(col("r.b")).columns()).containsExactly("b");
    }
}
