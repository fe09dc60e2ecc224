package dev.sluice;

import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.sluice.functions.avg;
import static dev.sluice.functions.col;
import static dev.sluice.functions.count;
import static dev.sluice.functions.explode;
import static dev.sluice.functions.from_json;
import static dev.sluice.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Q2 of the seed workload (/work/shared/bench/WORKLOAD.md) up to its CSV write (the CSV writer is another
 * branch's): parse, explode the items, keep status &lt; 400, group by service and country, count items, sum
 * qty * price, average latency, order by revenue descending. Checked against the groups computed here from
 * the generated records themselves, never through Sluice.
 */
class Q2AggregateTest {
    static final String INPUT = "ts STRING, request_id STRING, service STRING, method STRING, path STRING, status INT, "
            + "latency_ms DOUBLE, response_body STRING";
    static final String CONTENT = "struct<user: struct<id: bigint, country: string, plan: string>, "
            + "items: array<struct<sku: string, qty: int, price: double>>, error: struct<code: string, message: string>>";
    static final String[] SERVICES = {"auth", "billing", "catalog", "checkout", "inventory", "search", "shipping", "users"};
    static final String[] COUNTRIES = {"US", "DE", "FR", "NL", "BR", "IN", "JP", "GB"};
    static final int[] STATUSES = {200, 200, 200, 201, 204, 400, 404, 500};

    @TempDir static Path dir;

    /** Expected per (service, country): [orders, revenue, latency sum, latency count]. */
    static final Map<List<String>, double[]> EXPECTED = new HashMap<>();
    static Path logs;

    static synchronized Path logs() throws IOException {
        if (logs != null) return logs;
        SplittableRandom random = new SplittableRandom(2026);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String service = SERVICES[random.nextInt(SERVICES.length)];
            String country = i % 50 == 0 ? null : COUNTRIES[random.nextInt(random.nextInt(8) < 6 ? 2 : COUNTRIES.length)];   // skewed
            int status = STATUSES[random.nextInt(STATUSES.length)];
            double latency = Math.round(random.nextDouble(1, 900) * 100) / 100.0;
            int items = random.nextInt(6);
            StringBuilder body = new StringBuilder("{\"user\":{\"id\":").append(random.nextInt(1000)).append(",\"country\":")
                    .append(country == null ? "null" : "\"" + country + "\"").append(",\"plan\":\"free\"},\"items\":[");
            double revenue = 0;
            for (int k = 0; k < items; k++) {
                int qty = 1 + random.nextInt(5);
                double price = Math.round(random.nextDouble(1, 200) * 100) / 100.0;
                if (k > 0) body.append(',');
                body.append("{\"sku\":\"SKU-").append(random.nextInt(100)).append("\",\"qty\":").append(qty)
                        .append(",\"price\":").append(price).append('}');
                revenue += qty * price;
            }
            body.append("],\"error\":").append(status >= 400 ? "{\"code\":\"E" + status + "\",\"message\":\"bad\"}" : "null").append('}');
            lines.add(String.format(Locale.ROOT, "{\"ts\":\"t%d\",\"request_id\":\"r%d\",\"service\":\"%s\",\"method\":\"GET\",\"path\":\"/p\","
                    + "\"status\":%d,\"latency_ms\":%s,\"response_body\":\"%s\"}", i, i, service, status, latency,
                    body.toString().replace("\\", "\\\\").replace("\"", "\\\"")));
            if (status < 400 && items > 0) {
                double[] g = EXPECTED.computeIfAbsent(java.util.Arrays.asList(service, country), k -> new double[4]);
                g[0] += items;
                g[1] += revenue;
                g[2] += latency * items;   // every exploded row carries the request's latency
                g[3] += items;
            }
        }
        logs = dir.resolve("logs.jsonl");
        Files.write(logs, lines);
        return logs;
    }

    @ParameterizedTest @ValueSource(ints = {1, 7})
    void q2GroupsCountsSumsAndAveragesLikeTheRecordsSay(int parallelism) throws IOException {
        Path file = logs();
        try (Sluice sluice = Sluice.builder().parallelism(parallelism).batchSize(64).maxSplitBytes(40_000).shufflePartitions(3).build()) {
            DataFrame q2 = sluice.read().schema(INPUT).json(file.toString())
                    .withColumn("content", from_json(col("response_body"), CONTENT))
                    .select(col("service"), col("status"), col("latency_ms"), col("content.user.country").alias("country"),
                            explode(col("content.items")).alias("item"))
                    .filter(col("status").lt(400))
                    .groupBy("service", "country")
                    .agg(count("*").alias("orders"), sum(col("item.qty").multiply(col("item.price"))).alias("revenue"),
                            avg("latency_ms").alias("avg_latency"))
                    .orderBy(col("revenue").desc());
            assertThat(q2.columns()).containsExactly("service", "country", "orders", "revenue", "avg_latency");
            List<Row> rows = q2.collect();
            assertThat(rows).hasSize(EXPECTED.size());
            for (int i = 1; i < rows.size(); i++) assertThat(rows.get(i - 1).getDouble(3)).isGreaterThanOrEqualTo(rows.get(i).getDouble(3));
            for (Row r : rows) {
                double[] want = EXPECTED.get(java.util.Arrays.asList(r.getString(0), (String) r.get(1)));
                assertThat(want).as("group %s", r).isNotNull();
                assertThat(r.getLong(2)).isEqualTo((long) want[0]);
                assertThat(r.getDouble(3)).isCloseTo(want[1], within(1e-6));
                assertThat(r.getDouble(4)).isCloseTo(want[2] / want[3], within(1e-9));
            }
        }
    }

    @ParameterizedTest @ValueSource(ints = {1, 7})
    void theAggregationAloneOverPreExplodedRows(int parallelism) {
        StructType schema = StructType.fromDDL("service STRING, country STRING, latency_ms DOUBLE, item STRUCT<sku: STRING, qty: INT, price: DOUBLE>");
        StructType item = (StructType) schema.field(3).dataType();
        SplittableRandom random = new SplittableRandom(7);
        List<Row> rows = new ArrayList<>();
        Map<List<String>, double[]> expected = new HashMap<>();
        for (int i = 0; i < 1500; i++) {
            String service = SERVICES[random.nextInt(3)];
            String country = random.nextInt(10) == 0 ? null : COUNTRIES[random.nextInt(4)];
            double latency = random.nextInt(1, 100000) / 100.0;
            Integer qty = random.nextInt(20) == 0 ? null : 1 + random.nextInt(5);
            double price = random.nextInt(100, 20000) / 100.0;
            rows.add(Row.of(schema, service, country, latency, Row.of(item, "SKU-" + i, qty, price)));
            double[] g = expected.computeIfAbsent(java.util.Arrays.asList(service, country), k -> new double[4]);
            g[0]++;
            if (qty != null) g[1] += qty * price;
            g[2] += latency;
        }
        try (Sluice sluice = Sluice.builder().parallelism(parallelism).batchSize(50).shufflePartitions(2).build()) {
            List<Row> result = sluice.createDataFrame(rows, schema).groupBy("service", "country")
                    .agg(count("*").alias("orders"), sum(col("item.qty").multiply(col("item.price"))).alias("revenue"),
                            avg("latency_ms").alias("avg_latency"))
                    .collect();
            assertThat(result).hasSize(expected.size());
            result = new ArrayList<>(result);
            result.sort(Comparator.comparing(r -> r.getString(0) + "/" + r.get(1)));
            for (Row r : result) {
                double[] want = expected.get(java.util.Arrays.asList(r.getString(0), (String) r.get(1)));
                assertThat(r.getLong(1 + 1)).isEqualTo((long) want[0]);
                assertThat(r.getDouble(3)).isCloseTo(want[1], within(1e-6));
                assertThat(r.getDouble(4)).isCloseTo(want[2] / want[0], within(1e-9));
            }
        }
    }
}
