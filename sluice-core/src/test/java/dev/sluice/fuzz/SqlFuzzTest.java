package dev.sluice.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sluice.Sluice;
import dev.sluice.sql.SqlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.List;

/**
 * Fuzzes the SQL front end: parsing and analysing any text (an expression, or a query over a small view) ends in
 * a plan or a coded error, never another exception, a hang or an OutOfMemoryError. Seeds live in
 * {@code src/test/resources/dev/sluice/fuzz/SqlFuzzTestInputs/<method>/}.
 */
class SqlFuzzTest {
    static Sluice sluice;

    @BeforeAll static void start() {
        sluice = Sluice.builder().parallelism(1).build();
        StructType inner = StructType.fromDDL("a INT, b DOUBLE");
        StructType schema = StructType.fromDDL("id INT, name STRING, tags ARRAY<STRING>, s STRUCT<a:INT,b:DOUBLE>");
        sluice.createDataFrame(List.of(Row.of(schema, 1, "a", List.of("x"), Row.of(inner, 1, 2.0))), schema).createOrReplaceTempView("t");
    }

    @AfterAll static void stop() { sluice.close(); }

    @FuzzTest void expression(FuzzedDataProvider in) {
        String text = in.consumeRemainingAsString();
        Fuzzing.expectOnlyCodedErrors(() -> SqlParser.parseExpression(text));
        Fuzzing.expectOnlyCodedErrors(() -> sluice.table("t").selectExpr(text).schema());
    }

    @FuzzTest void query(FuzzedDataProvider in) {
        String text = in.consumeRemainingAsString();
        Fuzzing.expectOnlyCodedErrors(() -> sluice.sql(text).schema());
    }
}
