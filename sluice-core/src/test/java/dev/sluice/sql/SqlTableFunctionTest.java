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
}
