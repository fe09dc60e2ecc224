package dev.sluice;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.from_json;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.size;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * explain() text is a product: these golden files hold it. Run with {@code -Dsluice.golden.update=true} to
 * rewrite them after a deliberate change, then review the diff.
 */
class ExplainGoldenTest {
    static final String INPUT = "ts STRING, request_id STRING, service STRING, status INT, latency_ms DOUBLE, response_body STRING";
    static final String CONTENT = "struct<user: struct<id: bigint, country: string, plan: string>, "
            + "items: array<struct<sku: string, qty: int, price: double>>, error: struct<code: string, message: string>>";
    static final Path GOLDEN = Path.of("src/test/resources/dev/sluice/explain");

    @TempDir static Path dir;
    static Sluice sluice;
    static DataFrame parsed;

    @BeforeAll static void setUp() throws IOException {
        Path logs = dir.resolve("logs.jsonl");
        Files.write(logs, List.of("{\"ts\":\"t\",\"status\":200,\"response_body\":\"{}\"}"));
        sluice = Sluice.builder().parallelism(2).build();
        parsed = sluice.read().schema(INPUT).json(logs.toString())
                .withColumn("content", from_json(col("response_body"), CONTENT));
    }

    @AfterAll static void tearDown() { sluice.close(); }

    @Test void failureCountPrunesEverythingButTheErrorField() throws IOException {
        DataFrame q3 = parsed.filter(col("content.error").isNotNull());
        assertGolden("q3_failures", q3.explainString("extended"));
    }

    @Test void selectOfNestedFieldsParsesOnlyThoseFields() throws IOException {
        DataFrame q1 = parsed.select(col("ts"), col("service"), col("status"),
                col("content.user.id").alias("user_id"), col("content.user.country").alias("country"),
                size(col("content.items")).alias("n_items"));
        assertGolden("q1_select", q1.explainString("extended"));
    }

    @Test void filtersMergeAndConstantsFold() throws IOException {
        DataFrame q = parsed.filter(col("status").geq(lit(400).plus(lit(0)))).filter(col("service").equalTo("auth"))
                .select(col("ts"), col("latency_ms").multiply(2).alias("double_latency")).limit(5);
        assertGolden("filters_and_limit", q.explainString("extended"));
    }

    @Test void simpleModePrintsThePhysicalPlan() throws IOException {
        assertGolden("simple", parsed.select(col("ts")).explainString("simple"));
    }

    @Test void aggregationRunsInTwoPhasesAroundAnExchange() throws IOException {
        DataFrame q = parsed.filter(col("status").lt(400))
                .groupBy(col("service"), col("content.user.country").alias("country"))
                .agg(functions.count("*").alias("orders"), functions.avg("latency_ms").alias("avg_latency"),
                        functions.max(size(col("content.items"))).alias("max_items"))
                .filter(col("service").equalTo("auth").and(col("orders").gt(1)));
        assertGolden("aggregate", q.explainString("extended"));
    }

    @Test void distinctIsAnAggregationOnEveryColumn() throws IOException {
        assertGolden("distinct", parsed.select(col("service"), col("status")).distinct().explainString("extended"));
    }

    @Test void distinctAggregatesRunAsTwoAggregations() throws IOException {
        DataFrame q = parsed.groupBy(col("service"))
                .agg(functions.countDistinct(col("content.user.id")).alias("users"), functions.count("*").alias("requests"),
                        functions.max("latency_ms").alias("slowest"));
        assertGolden("distinct_aggregates", q.explainString("extended"));
    }

    @Test void q2ExplodesFiltersEarlyAndAggregatesOnlyWhatItReads() throws IOException {
        DataFrame q2 = parsed.select(col("service"), col("status"), col("latency_ms"), col("content.user.country").alias("country"),
                        functions.explode(col("content.items")).alias("item"))
                .filter(col("status").lt(400))
                .groupBy("service", "country")
                .agg(functions.count("*").alias("orders"), functions.sum(col("item.qty").multiply(col("item.price"))).alias("revenue"),
                        functions.avg("latency_ms").alias("avg_latency"))
                .orderBy(col("revenue").desc());
        assertGolden("q2_aggregate", q2.explainString("extended"));
    }

    /**
     * Compares with the checked-in golden file. A normal run never writes one: a missing golden fails (so a
     * forgotten file cannot pass by creating itself); {@code -Dsluice.golden.update=true} writes them all.
     */
    static void assertGolden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name + ".txt");
        if (Boolean.getBoolean("sluice.golden.update")) {
            Files.writeString(file, actual);
        }
        assertThat(file).as("golden file %s is missing: run with -Dsluice.golden.update=true, then review and commit it", file)
                .exists();
        assertThat(actual).isEqualTo(Files.readString(file));
    }
}
