package dev.sluice;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.sluice.functions.call_function;
import static dev.sluice.functions.col;
import static dev.sluice.functions.from_json;
import static dev.sluice.functions.lag;
import static dev.sluice.functions.rank;
import static org.assertj.core.api.Assertions.assertThat;

/** Golden explain text of window functions over the parsed logs of {@link ExplainGoldenTest}. */
class WindowExplainGoldenTest {
    @TempDir static Path dir;
    static Sluice sluice;
    static DataFrame parsed;

    @BeforeAll static void setUp() throws IOException {
        Path logs = dir.resolve("logs.jsonl");
        Files.write(logs, List.of("{\"ts\":\"t\",\"status\":200,\"response_body\":\"{}\"}"));
        sluice = Sluice.builder().parallelism(2).build();
        parsed = sluice.read().schema(ExplainGoldenTest.INPUT).json(logs.toString())
                .withColumn("content", from_json(col("response_body"), ExplainGoldenTest.CONTENT));
    }

    @AfterAll static void tearDown() { sluice.close(); }

    @Test void windowsPruneNestedFieldsComputeKeysBelowAndShareExchanges() throws IOException {
        WindowSpec byService = Window.partitionBy("service").orderBy(col("ts"));
        DataFrame q = parsed.select(col("service"), col("ts"),
                call_function("sum", col("latency_ms")).over(byService.rowsBetween(-2, 0)).alias("moving"),
                rank().over(Window.partitionBy("service").orderBy(col("status").plus(1).desc())).alias("r"),
                lag(col("content.user.id"), 1).over(byService).alias("prev_user"));
        String explain = q.explainString("extended");
        ExplainGoldenTest.assertGolden("window", explain);
        assertThat(explain.split("ExchangeExec", -1)).hasSize(2);   // one exchange for both windows
        assertThat(q.count()).isEqualTo(1);
    }
}
