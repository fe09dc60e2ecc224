package dev.sluice.sql;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.expr;
import static dev.sluice.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expression strings: same trees as the DataFrame API, Spark's values, Spark's errors. */
class SqlExpressionTest {
    private static final Sluice SLUICE = Sluice.builder().parallelism(2).build();
    private static final StructType SCHEMA = DdlParser.parseSchema("a INT, s STRING, d DOUBLE, xs ARRAY<INT>, st STRUCT<f: STRING>");

    private static DataFrame df() {
        return SLUICE.createDataFrame(List.of(
                Row.of(SCHEMA, 1, "Apple", 1.5, List.of(1, 2), Row.of(DdlParser.parseSchema("f STRING"), "x")),
                Row.of(SCHEMA, null, null, null, null, null)), SCHEMA);
    }

    private static Object eval(String sql) {
        return SLUICE.sql("SELECT " + sql).collect().get(0).get(0);
    }

    @Test void buildsTheSameTreeAsTheApi() {
        assertThat(SqlParser.parseExpression("a + 1 > 2 AND s IS NOT NULL").expr())
                .isEqualTo(col("a").plus(lit(1)).gt(lit(2)).and(col("s").isNotNull()).expr());
        assertThat(SqlParser.parseExpression("st.f").expr()).isEqualTo(col("st.f").expr());
        assertThat(SqlParser.parseExpression("CAST(a AS BIGINT)").expr()).isEqualTo(col("a").cast("bigint").expr());
        assertThat(SqlParser.parseExpression("a::string").expr()).isEqualTo(col("a").cast("string").expr());
        assertThat(SqlParser.parseExpression("count(*)").expr()).isEqualTo(dev.sluice.functions.count("*").expr());
        assertThat(SqlParser.parseExpression("upper(s) AS u").expr()).isEqualTo(dev.sluice.functions.upper(col("s")).alias("u").expr());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "1 + 2 * 3|7",
            "(1 + 2) * 3|9",
            "-2 * 3|-6",
            "7 % 3|1",
            "1 < 2 AND 2 < 3 OR false|true",
            "NOT 1 = 2|true",
            "1 <> 2|true",
            "1 != 1|false",
            "NULL <=> NULL|true",
            "1 IS DISTINCT FROM NULL|true",
            "2 BETWEEN 1 AND 3|true",
            "5 NOT BETWEEN 1 AND 3|true",
            "3 IN (1, 2, 3)|true",
            "3 NOT IN (1, 2)|true",
            "'abc' LIKE 'a%'|true",
            "'abc' NOT LIKE 'b%'|true",
            "'a_c' LIKE 'a!_c' ESCAPE '!'|true",
            "'abc' LIKE ANY ('x%', 'a%')|true",
            "'abc' LIKE ALL ('x%', 'a%')|false",
            "'abc' RLIKE '^a.c$'|true",
            "CASE WHEN 1 > 2 THEN 'x' WHEN 2 > 1 THEN 'y' ELSE 'z' END|y",
            "CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' END|two",
            "CAST('12' AS INT) + 1|13",
            "TRY_CAST('x' AS INT) IS NULL|true",
            "'5'::int * 2|10",
            "substring('hello' FROM 2 FOR 3)|ell",
            "substring('hello', 2)|ello",
            "position('l' IN 'hello')|3",
            "trim('  x  ')|x",
            "trim(LEADING 'x' FROM 'xxay')|ay",
            "trim(TRAILING 'y' FROM 'xayy')|xa",
            "extract(YEAR FROM DATE '2024-03-05')|2024",
            "extract(MONTH FROM DATE '2024-03-05')|3",
            "DATE '2024-03-05'|2024-03-05",
            "array(1, 2, 3)[1]|2",
            "named_struct('a', 1).a|1",
            "'it''s'|its",
            "'a\\tb'|a\tb",
            "r'a\\tb'|a\\tb",
            "10L|10",
            "1.5D + 1|2.5",
            "2.50|2.50",
            "1e2|100.0",
            "true IS TRUE|true",
            "NULL IS UNKNOWN|true",
            "coalesce(NULL, 3)|3",
            "upper('abc')|ABC",
    })
    void evaluatesAsSpark(String sql, String expected) {
        assertThat(String.valueOf(eval(sql))).isEqualTo(expected);
    }

    @Test void concatenatesWithPipes() {
        assertThat(eval("'a' || 'b' || 1")).isEqualTo("ab1");
    }

    @Test void expressionStringsInTheDataFrameApi() {
        DataFrame out = df().filter("a IS NOT NULL").where("s LIKE 'A%'").selectExpr("a + 1 AS b", "upper(s)", "st.f");
        assertThat(out.columns()).containsExactly("b", "upper(s)", "f");
        assertThat(out.collect()).extracting(r -> List.of(r.get(0), r.get(1), r.get(2))).containsExactly(List.of(2, "APPLE", "x"));
        assertThat(df().withColumn("c", expr("coalesce(a, 0) * 10")).select("c").collect()).extracting(r -> r.get(0)).containsExactly(10, 0);
    }

    @Test void reportsSyntaxErrorsWithThePosition() {
        assertThatThrownBy(() -> expr("a + ) 2")).isInstanceOfSatisfying(SluiceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PARSE_SYNTAX_ERROR);
            assertThat(e.getMessage()).contains("position 5");
        });
        assertThatThrownBy(() -> expr("(a")).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PARSE_SYNTAX_ERROR));
        assertThatThrownBy(() -> expr("a b c")).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PARSE_SYNTAX_ERROR));
    }

    @Test void unknownColumnsAndFunctionsHaveTheirCodes() {
        assertThatThrownBy(() -> df().selectExpr("sx")).isInstanceOfSatisfying(SluiceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND);
            assertThat(e.getMessage()).contains("`s`");
        });
        assertThatThrownBy(() -> expr("no_such_fn(1)")).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_FUNCTION));
        assertThatThrownBy(() -> expr("DATE '2024-13-45'")).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TYPED_LITERAL));
        assertThatThrownBy(() -> expr("INTERVAL 1 YEAR 1 DAY")).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PARSE_SYNTAX_ERROR));   // Spark: year-month and day-time do not mix
    }
}
