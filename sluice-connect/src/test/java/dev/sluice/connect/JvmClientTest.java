package dev.sluice.connect;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static dev.sluice.functions.col;
import static dev.sluice.functions.from_json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unchanged Spark Connect JVM client (4.1.1, run by {@link JvmClientJob} in a child JVM) against the server:
 * range, groupBy, join, and the seed job, whose Parquet output holds the embedded engine's rows.
 */
class JvmClientTest {
    static final String INPUT_SCHEMA = "ts STRING, request_id STRING, service STRING, status INT, response_body STRING";
    static final String CONTENT_SCHEMA = "struct<user: struct<id: bigint, country: string>, error: struct<code: string, message: string>>";

    static Sluice sluice;
    static SluiceConnectServer server;

    @BeforeAll
    static void start() {
        sluice = Sluice.builder().parallelism(2).build();
        server = SluiceConnectServer.start(sluice, 0);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (sluice != null) sluice.close();
    }

    @Test
    void seedJobAndBasicsThroughTheJvmClient(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("logs.jsonl");
        writeLogs(logs, 400);
        Path viaClient = dir.resolve("client");
        Path embedded = dir.resolve("embedded");

        Map<String, String> out = runClient(server.url(), logs.toString(), viaClient.toString());

        DataFrame failed = sluice.read().schema(INPUT_SCHEMA).json(logs.toString())
                .withColumn("content", from_json(col("response_body"), CONTENT_SCHEMA))
                .filter(col("content.error").isNotNull());
        long expectedFailures = failed.count();
        failed.select(col("ts"), col("request_id"), col("status"), col("content.error.code").alias("error_code"),
                col("content.user.country").alias("country")).write().mode("overwrite").parquet(embedded.toString());

        assertThat(out).containsEntry("version", "4.1.1")
                .containsEntry("range_count", "10")
                .containsEntry("range_step", "[0, 4, 8]")
                .containsEntry("group_counts", "[[0,2], [1,2], [2,2]]")
                .containsEntry("join_count", "6")
                .containsEntry("failures", String.valueOf(expectedFailures));
        assertThat(expectedFailures).isPositive();
        // JVM closures cannot run on a server without Scala: refused by name, not misread
        assertThat(out.get("scala_udf")).contains("UNSUPPORTED_OPERATION").contains("Scala/Java user-defined function");
        assertThat(out.get("typed_map")).contains("UNSUPPORTED_OPERATION").contains("JVM closure");
        assertThat(rows(viaClient)).hasSize((int) expectedFailures).containsExactlyInAnyOrderElementsOf(rows(embedded));
        assertThat(sluice.read().parquet(viaClient.toString()).columns())
                .containsExactly("ts", "request_id", "status", "error_code", "country");
    }

    /** Runs the client in a JVM whose class path lacks the server's protocol classes (the client has its own). */
    private static Map<String, String> runClient(String... args) throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> kept = new ArrayList<>();
        Path clientJackson = Path.of("target", "jvm-client-lib", "jackson-databind-2.20.0.jar").toAbsolutePath();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.contains("sluice-connect-proto")) continue;
            // the client's Scala Jackson module accepts databind 2.20 only (see the pom): its error conversion needs it
            if (entry.contains("jackson-databind") && Files.exists(clientJackson)) entry = clientJackson.toString();
            kept.add(entry);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx512m",
                "-cp", String.join(File.pathSeparator, kept), JvmClientJob.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] stdout = p.getInputStream().readAllBytes();
        byte[] stderr = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(stderr, StandardCharsets.UTF_8)).isZero();
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : new String(stdout, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) out.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return out;
    }

    private static List<String> rows(Path parquet) {
        List<String> out = new ArrayList<>();
        for (dev.sluice.types.Row r : sluice.read().parquet(parquet.toString()).collect()) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < r.size(); i++) b.append(r.get(i)).append('|');
            out.add(b.toString());
        }
        return out;
    }

    private static void writeLogs(Path path, int rows) throws IOException {
        Random rnd = new Random(11);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            boolean failed = rnd.nextInt(4) == 0;
            String error = failed ? "{\\\"code\\\":\\\"E" + rnd.nextInt(3) + "\\\",\\\"message\\\":\\\"m\\\"}" : "null";
            String body = i == 5 ? "{broken" : "{\\\"user\\\":{\\\"id\\\":" + rnd.nextInt(1000) + ",\\\"country\\\":\\\"" + (rnd.nextBoolean() ? "DE" : "FR")
                    + "\\\"},\\\"error\\\":" + error + "}";
            b.append("{\"ts\":\"2026-10-01T00:00:").append(String.format("%02d", i % 60)).append("Z\",\"request_id\":\"r").append(i)
                    .append("\",\"service\":\"auth\",\"status\":").append(failed ? 500 : 200)
                    .append(",\"response_body\":\"").append(body).append("\"}\n");
        }
        Files.writeString(path, b.toString());
    }
}
