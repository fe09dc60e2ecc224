package dev.sluice.sql;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SQL forms added for issue 11's remaining gaps: OFFSET, range and the other table-valued functions, named
 * arguments, WITHIN GROUP, OVERLAY, {@code X 'hex'}, keyword lambda parameters and Spark's cast functions.
 */
class SqlGapsTest {
    private static final Sluice SLUICE = Sluice.builder().parallelism(3).shufflePartitions(2).build();

    @AfterAll static void close() { SLUICE.close(); }

    private static List<String> rows(String sql) { return rows(SLUICE.sql(sql)); }

    private static List<String> rows(DataFrame df) {
        List<String> out = new ArrayList<>();
        for (Row r : df.collect()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) cells.add(r.get(i) instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : String.valueOf(r.get(i)));
            out.add(String.join(",", cells));
        }
        return out;
    }

    private static ErrorCode code(Runnable r) {
        try {
            r.run();
        } catch (SluiceException e) {
            return e.code();
        }
        throw new AssertionError("no error");
    }

    @Test void offsetSkipsRowsInOrderAloneAndAfterLimit() {
        assertThat(rows("SELECT id FROM range(10) ORDER BY id DESC LIMIT 3 OFFSET 2")).containsExactly("7", "6", "5");
        assertThat(rows("SELECT id FROM range(6) ORDER BY id OFFSET 4")).containsExactly("4", "5");
        assertThat(rows("SELECT id FROM range(3) OFFSET 5")).isEmpty();
        assertThat(rows(SLUICE.range(0, 10, 1, 4).offset(7))).containsExactly("7", "8", "9");
        assertThat(SLUICE.range(5).offset(1).count()).isEqualTo(4);
        assertThat(code(() -> SLUICE.range(5).offset(-1))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(code(() -> SLUICE.sql("SELECT 1 OFFSET -1"))).isEqualTo(ErrorCode.PARSE_SYNTAX_ERROR);
    }

    @Test void rangeTakesOneToFourArgumentsAsSpark() {
        assertThat(rows("SELECT * FROM range(3)")).containsExactly("0", "1", "2");
        assertThat(rows("SELECT * FROM range(2, 5)")).containsExactly("2", "3", "4");
        assertThat(rows("SELECT * FROM range(10, 0, -4)")).containsExactly("10", "6", "2");
        assertThat(rows("SELECT id * 2 AS d FROM range(0, 7, 3, 2) AS r")).containsExactly("0", "6", "12");
        assertThat(rows("SELECT r.n FROM range(1, 3) AS r(n)")).containsExactly("1", "2");
        assertThat(rows("SELECT count(*), sum(id) FROM range(0, 100000, 1, 7)")).containsExactly("100000,4999950000");
        assertThat(SLUICE.sql("SELECT * FROM range(1)").schema().field(0).dataType()).isEqualTo(DataTypes.LONG);
        assertThat(SLUICE.sql("SELECT * FROM range(1)").schema().field(0).nullable()).isFalse();
        assertThat(rows("SELECT * FROM range(5, 5)")).isEmpty();
        assertThat(rows("SELECT * FROM range(5, 0)")).isEmpty();
        assertThat(code(() -> SLUICE.sql("SELECT * FROM range(0, 5, 0)"))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(code(() -> SLUICE.sql("SELECT * FROM range()"))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(code(() -> SLUICE.sql("SELECT * FROM range(1, 2, 3, 4, 5)"))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(code(() -> SLUICE.sql("SELECT * FROM range('a')"))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test void stackAndJsonTupleAreGenerators() {
        assertThat(rows("SELECT * FROM stack(2, 1, 2, 3)")).containsExactly("1,2", "3,null");
        assertThat(SLUICE.sql("SELECT stack(2, 1, 2, 3)").columns()).containsExactly("col0", "col1");
        assertThat(rows("SELECT * FROM stack(2, 'a', 1, 'b', 2) AS t(k, v) ORDER BY k DESC")).containsExactly("b,2", "a,1");
        assertThat(rows("SELECT json_tuple('{\"a\":1, \"b\":\"x\"}', 'a', 'b', 'c')")).containsExactly("1,x,null");
        assertThat(SLUICE.sql("SELECT * FROM json_tuple('{\"a\":1}', 'a', 'b')").columns()).containsExactly("c0", "c1");
        assertThat(rows("SELECT x FROM explode(array(3, 4)) AS t(x)")).containsExactly("3", "4");
        assertThat(rows("SELECT * FROM inline(array(struct(1, 'a'), struct(2, 'b')))")).containsExactly("1,a", "2,b");
        assertThat(rows("SELECT * FROM posexplode(array('p', 'q'))")).containsExactly("0,p", "1,q");
        assertThat(code(() -> SLUICE.sql("SELECT * FROM stack(0, 1)"))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test void namedArgumentsFollowSparksRules() {
        assertThat(rows("SELECT explode(collection => array(10, 20))")).containsExactly("10", "20");
        assertThat(rows("SELECT * FROM inline(input => array(struct(1, 'a')))")).containsExactly("1,a");
        assertThat(rows("SELECT mask('AbCD123-@$#', lowerChar => 'q', otherChar => 'o', digitChar => 'd')"))
                .containsExactly("XqXXdddoooo");
        assertThat(rows("SELECT mask('AbC1', 'U', digitChar => '#')")).containsExactly("UxU#");
        assertThat(code(() -> SLUICE.sql("SELECT mask(lowerChar => 'q', 'abc')"))).isEqualTo(ErrorCode.UNEXPECTED_POSITIONAL_ARGUMENT);
        assertThat(code(() -> SLUICE.sql("SELECT mask('abc', str => 'x')"))).isEqualTo(ErrorCode.DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT);
        assertThat(code(() -> SLUICE.sql("SELECT mask('abc', lowerchr => 'x')"))).isEqualTo(ErrorCode.UNRECOGNIZED_PARAMETER_NAME);
        assertThat(code(() -> SLUICE.sql("SELECT mask(lowerChar => 'x')"))).isEqualTo(ErrorCode.REQUIRED_PARAMETER_NOT_FOUND);
        assertThat(code(() -> SLUICE.sql("SELECT upper(str => 'x')"))).isEqualTo(ErrorCode.NAMED_PARAMETERS_NOT_SUPPORTED);
    }

    @Test void orderedSetAggregatesTakeWithinGroup() {
        String values = " FROM VALUES (0), (10), (10), (20), (20), (NULL) AS tab(col)";
        assertThat(rows("SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY col)" + values)).containsExactly("10.0");
        assertThat(rows("SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY col DESC)" + values)).containsExactly("20.0");
        assertThat(rows("SELECT percentile_disc(0.25) WITHIN GROUP (ORDER BY col)" + values)).containsExactly("10.0");
        assertThat(rows("SELECT percentile_disc(0.0) WITHIN GROUP (ORDER BY col)" + values)).containsExactly("0.0");
        assertThat(rows("SELECT mode() WITHIN GROUP (ORDER BY col)" + values)).containsExactly("10");
        assertThat(rows("SELECT mode() WITHIN GROUP (ORDER BY col DESC)" + values)).containsExactly("20");
        assertThat(rows("SELECT listagg(s, '-') WITHIN GROUP (ORDER BY k DESC) FROM VALUES ('a', 1), ('b', 3), (NULL, 2), ('c', 2) AS t(s, k)"))
                .containsExactly("b-c-a");
        assertThat(rows("SELECT g, string_agg(s) WITHIN GROUP (ORDER BY s) FROM VALUES (1, 'y'), (1, 'x'), (2, 'z') AS t(g, s) GROUP BY g ORDER BY g"))
                .containsExactly("1,xy", "2,z");
        assertThat(SLUICE.sql("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY col DESC)" + values).columns())
                .containsExactly("percentile_cont(0.5) WITHIN GROUP (ORDER BY col DESC)");
        assertThat(code(() -> SLUICE.sql("SELECT percentile_cont(0.5)" + values))).isEqualTo(ErrorCode.INVALID_WITHIN_GROUP_EXPRESSION);
        assertThat(code(() -> SLUICE.sql("SELECT mode(col) WITHIN GROUP (ORDER BY col)" + values))).isEqualTo(ErrorCode.INVALID_INVERSE_DISTRIBUTION_FUNCTION);
        assertThat(code(() -> SLUICE.sql("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY col, col)" + values)))
                .isEqualTo(ErrorCode.INVALID_INVERSE_DISTRIBUTION_FUNCTION);
        assertThat(code(() -> SLUICE.sql("SELECT sum(col) WITHIN GROUP (ORDER BY col)" + values))).isEqualTo(ErrorCode.INVALID_WITHIN_GROUP_EXPRESSION);
    }

    @Test void specialFormsAndLiterals() {
        assertThat(rows("SELECT overlay('Spark SQL' PLACING '_' FROM 6), overlay('Spark SQL' PLACING 'CORE' FROM 7 FOR 0)"))
                .containsExactly("Spark_SQL,Spark CORESQL");
        assertThat(rows("SELECT X 'F0', x'0a'")).containsExactly("f0,0a");
        assertThat(code(() -> SLUICE.sql("SELECT X 'ZZ'"))).isEqualTo(ErrorCode.INVALID_TYPED_LITERAL);
        assertThat(rows("SELECT array_sort(array(5, 6, 1), (left, right) -> case when left < right then 1 when left > right then -1 else 0 end)"))
                .containsExactly("[6, 5, 1]");
        assertThat(rows("SELECT transform(array(1, 2), (x) -> x + 1)")).containsExactly("[2, 3]");
        assertThat(rows("SELECT s.end FROM VALUES (named_struct('end', 3)) AS t(s)")).containsExactly("3");
    }

    @Test void castFunctionsAreCasts() {
        assertThat(rows("SELECT int('12'), string(3), double('1.5'), boolean('true'), bigint(7), date('2024-01-02'), decimal('3.7')"))
                .containsExactly("12,3,1.5,true,7,2024-01-02,4");
        assertThat(code(() -> SLUICE.sql("SELECT int('x')").collect())).isEqualTo(ErrorCode.CAST_INVALID_INPUT);
        assertThat(code(() -> SLUICE.sql("SELECT int(1, 2)"))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test void rankingFunctionsIgnoreTheirArgumentsAndLagDefaultsToOne() {
        assertThat(rows("SELECT b, rank(b) OVER (ORDER BY b), lag(b) OVER (ORDER BY b) FROM VALUES (2), (1), (1) AS t(b) ORDER BY b"))
                .containsExactly("1,1,null", "1,1,1", "2,3,1");
    }
}
