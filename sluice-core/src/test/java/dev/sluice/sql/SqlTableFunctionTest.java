package dev.sluice.sql;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.sluice.functions.col;
import static dev.sluice.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A session's table functions (Spark's spark.udtf.register) in SQL FROM clauses, with positional and named arguments. */
class SqlTableFunctionTest {
    @Test void registeredTableFunctionsAreCalledFromSqlWithTheirArguments() {
        try (Sluice sluice = Sluice.builder().parallelism(1).build()) {
            List<String> seen = new ArrayList<>();
            sluice.udf().registerTableFunction("Repeat", (List<Column> args, Map<String, Column> named) -> {
                seen.add(args.size() + " positional, named " + named.keySet());
                Column times = named.getOrDefault("times", lit(2));
                return sluice.range(3).filter(col("id").lt(times)).select(args.get(0).alias("word"), times.alias("times"));
            });
            DataFrame df = sluice.sql("SELECT word, times FROM repeat('a', times => 3) AS r");
            assertThat(df.collect()).extracting(Row::values).containsExactly(List.of("a", 3), List.of("a", 3), List.of("a", 3));
            assertThat(sluice.sql("SELECT r.word FROM repeat('b') r").collect()).hasSize(2);
            assertThat(seen).containsExactly("1 positional, named [times]", "1 positional, named []");
        }
    }

    @Test void builtInsStayAndUnknownNamesAreStillRefused() {
        try (Sluice sluice = Sluice.builder().parallelism(1).build()) {
            assertThat(sluice.sql("SELECT * FROM range(2)").count()).isEqualTo(2);
            assertThatThrownBy(() -> sluice.sql("SELECT * FROM no_such_udtf(1)")).isInstanceOf(SluiceException.class);
            Sluice other = sluice.newSession();
            sluice.udf().registerTableFunction("only_here", (a, n) -> sluice.range(1));
            assertThatThrownBy(() -> other.sql("SELECT * FROM only_here()")).isInstanceOf(SluiceException.class)
                    .satisfies(e -> assertThat(((SluiceException) e).code()).isNotEqualTo(ErrorCode.INTERNAL_ERROR));
        }
    }

    /** Hands the call's table argument back: its rows, keys, order and where it stood among the arguments. */
    private static final class Echo implements dev.sluice.TableFunction {
        final List<String> seen = new ArrayList<>();

        @Override public DataFrame call(List<Column> args, Map<String, Column> named) { throw new AssertionError("a table was passed"); }

        @Override public DataFrame call(List<Column> args, Map<String, Column> named, dev.sluice.TableArgument table) {
            seen.add(args.indexOf(null) + " " + named.keySet() + " by " + table.partitionBy() + " order " + table.orderBy()
                    + (table.singlePartition() ? " single" : ""));
            return table.rows();
        }
    }

    @Test void tableArgumentsReachTheFunctionWithTheirPartitioningAndOrder() {
        try (Sluice sluice = Sluice.builder().parallelism(1).build()) {
            dev.sluice.types.StructType schema = dev.sluice.types.DdlParser.parseSchema("k INT, v STRING");
            sluice.createDataFrame(List.of(Row.of(schema, 1, "a"), Row.of(schema, 2, "b")), schema).createOrReplaceTempView("t");
            Echo echo = new Echo();
            sluice.udf().registerTableFunction("echo", echo);
            assertThat(sluice.sql("SELECT * FROM echo(TABLE(t) PARTITION BY k ORDER BY v DESC, 1)").count()).isEqualTo(2);
            assertThat(sluice.sql("SELECT * FROM echo(1, TABLE t)").count()).isEqualTo(2);
            assertThat(sluice.sql("SELECT * FROM echo(rows => TABLE(SELECT * FROM t WHERE k = 1) WITH SINGLE PARTITION ORDER BY (k, v))").count()).isEqualTo(1);
            assertThat(sluice.sql("SELECT * FROM echo(TABLE(t) DISTRIBUTE BY (k, v + 1))").count()).isEqualTo(2);
            assertThat(echo.seen).containsExactly("0 [] by [k] order [v DESC NULLS LAST]", "1 [] by [] order []",
                    "-1 [rows] by [] order [k ASC NULLS FIRST, v ASC NULLS FIRST] single", "0 [] by [k, (v + 1)] order []");
            assertThatThrownBy(() -> sluice.sql("SELECT * FROM echo(TABLE(t), TABLE(t))")).isInstanceOf(SluiceException.class);
        }
    }

    @Test void aFunctionThatTakesValuesOnlyRefusesATable() {
        try (Sluice sluice = Sluice.builder().parallelism(1).build()) {
            sluice.range(2).createOrReplaceTempView("t");
            sluice.udf().registerTableFunction("values_only", (a, n) -> sluice.range(1));
            assertThatThrownBy(() -> sluice.sql("SELECT * FROM values_only(TABLE(t))")).isInstanceOf(SluiceException.class)
                    .satisfies(e -> assertThat(((SluiceException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
            assertThatThrownBy(() -> sluice.sql("SELECT * FROM explode(TABLE(t))")).isInstanceOf(SluiceException.class)
                    .satisfies(e -> assertThat(((SluiceException) e).code()).isEqualTo(ErrorCode.PARSE_SYNTAX_ERROR));
        }
    }
}
