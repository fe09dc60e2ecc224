package dev.sluice;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.sluice.ExplainGoldenTest.CONTENT;
import static dev.sluice.ExplainGoldenTest.INPUT;
import static dev.sluice.ExplainGoldenTest.assertGolden;
import static dev.sluice.functions.col;
import static dev.sluice.functions.explode;
import static dev.sluice.functions.from_json;

/** Golden explain text of sort, top-N, union and generate plans (see {@link ExplainGoldenTest}). */
class OperatorExplainGoldenTest {
    @TempDir static Path dir;
    static Sluice sluice;
    static DataFrame parsed;

    @BeforeAll static void setUp() throws IOException {
        Path logs = dir.resolve("logs.jsonl");
        Files.write(logs, List.of("{\"ts\":\"t\",\"status\":200,\"response_body\":\"{}\"}"));
        sluice = Sluice.builder().parallelism(2).shufflePartitions(3).build();
        parsed = sluice.read().schema(INPUT).json(logs.toString())
                .withColumn("content", from_json(col("response_body"), CONTENT));
    }

    @AfterAll static void tearDown() { sluice.close(); }

    @Test void explodedItemsAreFilteredEarlyAndPrunedToTheFieldsUsed() throws IOException {
        DataFrame q = parsed.select(col("service"), col("status"), explode(col("content.items")).alias("item"))
                .filter(col("status").lt(400))
                .select(col("service"), col("item.qty").multiply(col("item.price")).alias("revenue"))
                .orderBy(col("revenue").desc());
        assertGolden("explode_filter_sort", q.explainString("extended"));
    }

    @Test void limitOverSortIsATopN() throws IOException {
        assertGolden("top_n", parsed.select(col("ts"), col("status")).orderBy(col("status").desc(), col("ts")).limit(5)
                .explainString("extended"));
    }

    @Test void unionCastsTheNarrowerSide() throws IOException {
        DataFrame a = parsed.select(col("status"), col("service"));
        DataFrame b = parsed.select(col("latency_ms"), col("ts"));
        assertGolden("union_widening", a.union(b).explainString("extended"));
    }
}
