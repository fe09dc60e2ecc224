package dev.sluice.sql;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static dev.sluice.functions.call_function;
import static dev.sluice.functions.col;
import static dev.sluice.functions.from_json;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.not;
import static dev.sluice.functions.size;
import static dev.sluice.functions.substring;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpressionStringTest {
    private static Column parse(String s) { return SqlParser.parseExpression(s); }

    @Test
    void columnsAreDottedPathsAndBackQuotesKeepDots() {
        assertThat(parse("status")).isEqualTo(col("status"));
        assertThat(parse("content.user.id")).isEqualTo(col("content.user.id"));
        assertThat(parse("`a.b`.c")).isEqualTo(new Column(new UnresolvedColumn(List.of("a.b", "c"))));
        assertThat(parse("`we``ird`")).isEqualTo(new Column(new UnresolvedColumn(List.of("we`ird"))));
    }

    @Test
    void literalsAreTypedAsSparkTypesThem() {
        assertThat(parse("1")).isEqualTo(lit(1));
        assertThat(parse("3000000000")).isEqualTo(lit(3_000_000_000L));
        assertThat(parse("10L")).isEqualTo(lit(10L));
        assertThat(parse("1.5")).isEqualTo(lit(new BigDecimal("1.5")));
        assertThat(parse("1.5e0")).isEqualTo(lit(1.5));
        assertThat(parse("2D")).isEqualTo(lit(2.0));
        assertThat(parse("2BD")).isEqualTo(lit(new BigDecimal("2")));
    }

    @Test
    void stringsHaveBackslashEscapesInEitherQuote() {
        assertThat(parse("'a\\'b'")).isEqualTo(lit("a'b"));
        assertThat(parse("\"tab\\there\"")).isEqualTo(lit("tab\there"));
        assertThat(parse("'\\u00e9'")).isEqualTo(lit("é"));
        assertThat(parse("true")).isEqualTo(lit(true));
        assertThat(parse("NULL")).isEqualTo(lit(null));
    }

    @Test
    void arithmeticBindsTighterThanComparisonWhichBindsTighterThanLogic() {
        assertThat(parse("a + b * 2 > 10 AND NOT c = 1 OR d IS NULL")).isEqualTo(
                col("a").plus(col("b").multiply(lit(2))).gt(lit(10))
                        .and(not(col("c").equalTo(lit(1))))
                        .or(col("d").isNull()));
        assertThat(parse("(a - b) % 3")).isEqualTo(col("a").minus(col("b")).mod(lit(3)));
        assertThat(parse("a / -b")).isEqualTo(col("a").divide(col("b").negate()));
    }

    @Test
    void everyComparisonOperator() {
        assertThat(parse("a = 1")).isEqualTo(col("a").equalTo(lit(1)));
        assertThat(parse("a == 1")).isEqualTo(col("a").equalTo(lit(1)));
        assertThat(parse("a != 1")).isEqualTo(col("a").notEqual(lit(1)));
        assertThat(parse("a <> 1")).isEqualTo(col("a").notEqual(lit(1)));
        assertThat(parse("a < 1")).isEqualTo(col("a").lt(lit(1)));
        assertThat(parse("a <= 1")).isEqualTo(col("a").leq(lit(1)));
        assertThat(parse("a > 1")).isEqualTo(col("a").gt(lit(1)));
        assertThat(parse("a >= 1")).isEqualTo(col("a").geq(lit(1)));
        assertThat(parse("a <=> 1")).isEqualTo(col("a").eqNullSafe(lit(1)));
        assertThat(parse("a is not null")).isEqualTo(col("a").isNotNull());
    }

    @Test
    void castTakesAnyDdlType() {
        assertThat(parse("CAST(status AS bigint)")).isEqualTo(col("status").cast("bigint"));
        assertThat(parse("cast(x as decimal(10, 2))")).isEqualTo(col("x").cast("decimal(10,2)"));
        assertThat(parse("CAST(j AS array<struct<a: int>>)")).isEqualTo(col("j").cast("array<struct<a:int>>"));
        assertThat(parse("try_cast(s AS int)")).isEqualTo(col("s").try_cast("int"));
    }

    @Test
    void functionsMapToTheApiAndLiteralArgumentsFitTheirParameters() {
        assertThat(parse("size(items)")).isEqualTo(size(col("items")));
        assertThat(parse("SUBSTRING(s, -3, 2)")).isEqualTo(substring(col("s"), -3, 2));
        assertThat(parse("from_json(body, 'struct<a: int>').a")).isEqualTo(
                from_json(col("body"), "struct<a: int>").getField("a"));
        assertThatThrownBy(() -> parse("no_such_fn(a, 1)")).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_FUNCTION));
        assertThat(parse("arr[0]")).isEqualTo(col("arr").getItem(0));
    }

    @Test
    void aSelectListHasAliasesWithOrWithoutAs() {
        assertThat(SqlParser.parseExpressionList("ts, status + 1 AS next, size(items) n, `x y`"))
                .containsExactly(col("ts"), col("status").plus(lit(1)).alias("next"), size(col("items")).alias("n"),
                        col("`x y`"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a >|4",
        "a = = 1|5",
        "(a + 1|7",
        "size(a|7",
        "'open|1",
        "a IS 1|6",
        "CAST(a AS)|10",
        "CAST(a AS nosuchtype)|11",
        "a # 1|3",
    })
    void errorsNameThePosition(String input, int position) {
        assertThatThrownBy(() -> SqlParser.parseExpression(input))
                .isInstanceOfSatisfying(SluiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PARSE_SYNTAX_ERROR);
                    assertThat(e.fact("position")).isEqualTo(String.valueOf(position));
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "a,", ", a"})
    void emptyExpressionsAreSyntaxErrors(String input) {
        assertThatThrownBy(() -> SqlParser.parseExpressionList(input))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PARSE_SYNTAX_ERROR));
    }

    @Test
    void parsedExpressionsRunOnTheEngine() {
        StructType schema = DdlParser.parseSchema("a INT, s STRING");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) rows.add(Row.of(schema, i, i % 2 == 0 ? null : "v" + i));
        try (Sluice sluice = Sluice.builder().parallelism(1).build()) {
            DataFrame df = sluice.createDataFrame(rows, schema);
            DataFrame out = df.filter(parse("a % 3 = 0 AND s IS NOT NULL"))
                    .select(SqlParser.parseExpressionList("a * 10 AS x, upper(s) u").toArray(new Column[0]));
            List<Row> result = out.collect();
            assertThat(result).extracting(r -> r.get(0)).containsExactly(30, 90);
            assertThat(result).extracting(r -> r.get(1)).containsExactly("V3", "V9");
        }
    }
}
