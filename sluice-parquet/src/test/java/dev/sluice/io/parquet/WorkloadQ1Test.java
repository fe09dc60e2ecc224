package dev.sluice.io.parquet;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.WriteResult;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.sluice.functions.col;
import static dev.sluice.functions.from_json;
import static dev.sluice.functions.size;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Q1 of the seed workload (WORKLOAD.md): read JSON Lines with the input schema, parse response_body,
 * select eight columns and write Parquet (snappy); the file read back holds the values computed here
 * from the generated records, independently of the engine.
 */
class WorkloadQ1Test {
    static final String INPUT = "ts STRING, request_id STRING, service STRING, method STRING, path STRING, "
            + "status INT, latency_ms DOUBLE, response_body STRING";
    static final String CONTENT = "struct<user: struct<id: bigint, country: string, plan: string>, "
            + "items: array<struct<sku: string, qty: int, price: double>>, error: struct<code: string, message: string>>";
    static final String[] SERVICES = {"auth", "billing", "catalog", "checkout", "inventory", "search", "shipping", "users"};
    static final String[] COUNTRIES = {"US", "DE", "FR", "BR", "IN", "JP", "ES", "AU", "NG", "CA"};
    static final String[] PLANS = {"free", "pro", "enterprise"};

    @TempDir Path dir;

    @Test void q1WritesParquetWithTheParsedValues() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        List<String> lines = new ArrayList<>();
        StructType out = StructType.fromDDL("ts STRING, service STRING, status INT, latency_ms DOUBLE, user_id BIGINT, "
                + "country STRING, plan STRING, n_items INT");
        List<Row> expected = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String ts = String.format("2026-10-01T00:%02d:%02d.%03dZ", i / 3600 % 60, i / 60 % 60, i % 1000);
            String service = SERVICES[random.nextInt(SERVICES.length)];
            int status = random.nextInt(10) < 8 ? 200 : 404;
            double latency = Math.round(random.nextDouble(1, 500) * 100) / 100.0;
            long userId = random.nextLong(1, 5_000_000_000L);
            String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
            String plan = PLANS[random.nextInt(PLANS.length)];
            int items = random.nextInt(6);
            StringBuilder body = new StringBuilder("{\\\"user\\\":{\\\"id\\\":" + userId + ",\\\"country\\\":\\\"" + country
                    + "\\\",\\\"plan\\\":\\\"" + plan + "\\\"},\\\"items\\\":[");
            for (int k = 0; k < items; k++) {
                if (k > 0) body.append(',');
                body.append("{\\\"sku\\\":\\\"SKU-").append(k).append("\\\",\\\"qty\\\":").append(k + 1)
                        .append(",\\\"price\\\":").append(k * 1.5).append('}');
            }
            body.append("],\\\"error\\\":").append(status >= 400 ? "{\\\"code\\\":\\\"E404\\\",\\\"message\\\":\\\"nf\\\"}" : "null").append('}');
            lines.add("{\"ts\":\"" + ts + "\",\"request_id\":\"r" + i + "\",\"service\":\"" + service + "\",\"method\":\"GET\","
                    + "\"path\":\"/api/v1/" + service + "/" + i + "\",\"status\":" + status + ",\"latency_ms\":" + latency
                    + ",\"response_body\":\"" + body + "\"}");
            expected.add(Row.of(out, ts, service, status, latency, userId, country, plan, items));
        }
        Path input = dir.resolve("logs.jsonl");
        Files.write(input, lines);
        Path output = dir.resolve("q1");

        try (Sluice sluice = Sluice.builder().parallelism(2).maxSplitBytes(64 * 1024).build()) {
            DataFrame q1 = sluice.read().schema(INPUT).json(input.toString())
                    .withColumn("content", from_json(col("response_body"), CONTENT))
                    .select(col("ts"), col("service"), col("status"), col("latency_ms"),
                            col("content.user.id").alias("user_id"), col("content.user.country").alias("country"),
                            col("content.user.plan").alias("plan"), size(col("content.items")).alias("n_items"));
            WriteResult written = q1.write().option("compression", "snappy").parquet(output.toString());
            assertThat(written.toString()).isNotEmpty();

            try (var files = Files.list(output)) {
                assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("_")).toList())
                        .isNotEmpty().allSatisfy(n -> assertThat(n).endsWith(".snappy.parquet"));
            }
            DataFrame back = sluice.read().parquet(output.toString());
            assertThat(back.schema()).isEqualTo(out);
            List<Row> rows = new ArrayList<>(back.collect());
            rows.sort(java.util.Comparator.comparing(r -> (String) r.get(0)));
            List<Row> want = new ArrayList<>(expected);
            want.sort(java.util.Comparator.comparing(r -> (String) r.get(0)));
            assertThat(rows).isEqualTo(want);
        }
    }
}
