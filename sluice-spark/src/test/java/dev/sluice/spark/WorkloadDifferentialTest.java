package dev.sluice.spark;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.cli.LogGenerator;
import dev.sluice.types.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static dev.sluice.functions.avg;
import static dev.sluice.functions.col;
import static dev.sluice.functions.count;
import static dev.sluice.functions.explode;
import static dev.sluice.functions.from_json;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.size;
import static dev.sluice.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Q1, Q2 and Q3 of the benchmark workload, built once with the Sluice API, run on the embedded engine and on
 * Spark over generated logs where 5% of the response bodies are malformed or mistyped: the same rows.
 */
class WorkloadDifferentialTest {
    static final String INPUT = "ts STRING, request_id STRING, service STRING, method STRING, path STRING, "
            + "status INT, latency_ms DOUBLE, response_body STRING";
    static final String CONTENT = "struct<user: struct<id: bigint, country: string, plan: string>, "
            + "items: array<struct<sku: string, qty: int, price: double>>, error: struct<code: string, message: string>>";

    @TempDir static Path dir;
    static Path logs;
    static Sluice embedded;
    static Sluice onSpark;

    @BeforeAll static void generate() throws IOException {
        logs = dir.resolve("logs.jsonl");
        new LogGenerator(7, 0.05).writeFile(logs, 3000);
        embedded = Sluice.builder().parallelism(3).maxSplitBytes(64 * 1024).build();
        onSpark = SparkEngine.of(SharedSpark.get());
    }

    @AfterAll static void close() { embedded.close(); }

    private static DataFrame parsed(Sluice s) {
        return s.read().schema(INPUT).json(logs.toString()).withColumn("content", from_json(col("response_body"), CONTENT));
    }

    private static DataFrame q1(Sluice s) {
        return parsed(s).select(col("ts"), col("service"), col("status"), col("latency_ms"),
                col("content.user.id").alias("user_id"), col("content.user.country").alias("country"),
                col("content.user.plan").alias("plan"), size(col("content.items")).alias("n_items"));
    }

    private static DataFrame q2(Sluice s) {
        return parsed(s).withColumn("item", explode(col("content.items")))
                .filter(col("status").lt(400))
                .groupBy(col("service"), col("content.user.country").alias("country"))
                .agg(count(lit(1)).alias("orders"), sum(col("item.qty").multiply(col("item.price"))).alias("revenue"),
                        avg(col("latency_ms")).alias("avg_latency"))
                .orderBy(col("revenue").desc());
    }

    @Test void q1GivesTheSameRows() {
        List<List<Object>> a = normalized(q1(embedded).collect());
        List<List<Object>> b = normalized(q1(onSpark).collect());
        assertThat(a).hasSize(3000);
        assertSameRows(a, b);
        assertThat(a).anySatisfy(r -> assertThat(r.get(4)).isNull());   // malformed bodies give NULL fields on both
    }

    @Test void q2GivesTheSameGroupsInTheSameOrder() {
        List<List<Object>> a = rounded(q2(embedded).collect());
        List<List<Object>> b = rounded(q2(onSpark).collect());
        assertThat(a).isNotEmpty();
        assertSameRows(a, b);
    }

    @Test void q3GivesTheSameCount() {
        long a = parsed(embedded).filter(col("content.error").isNotNull()).count();
        long b = parsed(onSpark).filter(col("content.error").isNotNull()).count();
        assertThat(a).isEqualTo(b).isPositive();
    }

    /** The first differing row of each side, so a failure shows what differs. */
    private static void assertSameRows(List<List<Object>> a, List<List<Object>> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            assertThat(a.get(i)).as("row %d (embedded vs Spark)", i).isEqualTo(b.get(i));
        }
        assertThat(a.size()).isEqualTo(b.size());
    }

    /** Rows sorted by their text (row order is only defined after orderBy). */
    private static List<List<Object>> normalized(List<Row> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (Row r : rows) out.add(r.values());
        out.sort(Comparator.comparing(Object::toString));
        return out;
    }

    /** Doubles to 10 significant digits: sums may add in another order on each engine. Order kept. */
    private static List<List<Object>> rounded(List<Row> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (Row r : rows) {
            List<Object> values = new ArrayList<>();
            for (Object v : r.values()) values.add(v instanceof Double d ? new BigDecimal(d).round(new MathContext(10)).stripTrailingZeros() : v);
            out.add(values);
        }
        return out;
    }
}
