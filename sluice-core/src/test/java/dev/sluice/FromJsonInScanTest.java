package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.sluice.functions.col;
import static dev.sluice.functions.concat;
import static dev.sluice.functions.count;
import static dev.sluice.functions.explode;
import static dev.sluice.functions.from_json;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.size;
import static dev.sluice.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The benchmark's queries end to end with from_json over a JSON Lines column, which the reader then evaluates
 * while reading (the planner's hint), against the same queries with from_json over {@code concat(column, '')},
 * which no reader sees: rows, counts and errors must be the same. The file mixes workload lines with documents
 * the reader leaves to from_json (escapes it does not take, malformed documents and lines, non-string values).
 */
class FromJsonInScanTest {
    static final String INPUT = "ts STRING, status INT, response_body STRING";
    static final String CONTENT = "struct<user:struct<id:bigint,country:string,plan:string>,items:array<struct<sku:string,qty:int,price:double>>,"
            + "error:struct<code:string,message:string>>";

    @TempDir static Path dir;
    static Sluice sluice;
    static Path logs;
    static Path good;

    @BeforeAll static void setUp() throws IOException {
        sluice = Sluice.builder().parallelism(2).maxSplitBytes(4096).build();
        Random r = new Random(5);
        String[] odd = {"null", "12", "\"\"", "\"  \"", "\"{\\\"user\\\":{\\\"id\\\":\\\"x\\\"}}\"", "\"{\\\"user\\\":\\n{\\\"id\\\":1}}\"",
            "\"{\\\"user\\\":{\\\"country\\\":\\\"\\\\u00e9\\\"}}\"", "\"{\\\"items\\\":[{\\\"qty\\\":1.5}]}\"", "\"{\\\"items\\\":[\"",
            "\"[{\\\"items\\\":[]}]\"", "\"{\\\"error\\\":{\\\"code\\\":\\\"E\\\"}} tail \\ud83d\\ude00\"", "\"{\\\"user\\\":{}} \\ud83d\""};
        List<String> lines = new ArrayList<>();
        List<String> goodLines = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String body;
            boolean clean = r.nextInt(10) != 0;
            if (!clean) {
                body = odd[r.nextInt(odd.length)];
            } else {
                String error = i % 4 == 0 ? "{\\\"code\\\":\\\"E" + i + "\\\",\\\"message\\\":\\\"missing field \\\\\\\"sku\\\\\\\" or '\\\\\\\\'\\\"}" : "null";
                StringBuilder items = new StringBuilder();
                for (int k = 0; k < r.nextInt(4); k++) {
                    if (k > 0) items.append(',');
                    items.append("{\\\"sku\\\":\\\"SKU-").append(k).append("\\\",\\\"qty\\\":").append(1 + r.nextInt(5))
                            .append(",\\\"price\\\":").append(r.nextInt(50000) / 100.0).append('}');
                }
                body = "\"{\\\"user\\\":{\\\"id\\\":" + r.nextInt(1_000_000) + ",\\\"country\\\":\\\"C" + (i % 7) + "\\\",\\\"plan\\\":\\\"free\\\"},"
                        + "\\\"items\\\":[" + items + "],\\\"error\\\":" + error + "}\"";
            }
            String line = "{\"ts\":\"t" + i + "\",\"status\":" + (i % 3 == 0 ? 500 : 200) + ",\"response_body\":" + body + "}";
            if (r.nextInt(200) == 0) line = line.substring(0, line.length() / 2);   // a malformed line
            else if (clean) goodLines.add(line);
            lines.add(line);
        }
        logs = dir.resolve("logs.jsonl");
        Files.write(logs, lines);
        good = dir.resolve("good.jsonl");
        Files.write(good, goodLines);
    }

    @AfterAll static void tearDown() { sluice.close(); }

    /** The input with {@code content}: from_json over the column itself (fused) or over a copy of it (not). */
    private static DataFrame parsed(boolean fused, Map<String, String> options) { return parsed(fused, options, logs); }

    private static DataFrame parsed(boolean fused, Map<String, String> options, Path input) {
        DataFrame raw = sluice.read().schema(INPUT).json(input.toString());
        Column text = fused ? col("response_body") : concat(col("response_body"), lit(""));
        return raw.withColumn("content", from_json(text, CONTENT, options));
    }

    @Test void countsAreTheSame() {
        for (boolean fused : new boolean[] {true, false}) {
            assertThat(parsed(fused, Map.of()).filter(col("content.error").isNotNull()).count())
                    .isEqualTo(parsed(!fused, Map.of()).filter(col("content.error").isNotNull()).count());
        }
        assertThat(parsed(true, Map.of()).filter(col("content.error").isNotNull()).count()).isGreaterThan(500);
    }

    @Test void selectedRowsAreTheSame() {
        assertThat(q1(true)).isEqualTo(q1(false)).hasSize(3000);
    }

    @Test void aggregatesAreTheSame() {
        assertThat(q2(true)).isEqualTo(q2(false)).isNotEmpty();
    }

    @Test void failFastFailsAlikeAndOnlyForRowsTheQueryKeeps() {
        Map<String, String> failFast = Map.of("mode", "FAILFAST");
        // every odd document sits in a line of either status; the filter keeps both kinds: both fail, with one code
        Throwable fused = catchThrowable(() -> parsed(true, failFast).filter(col("status").lt(400)).select(col("content.user.id")).collect());
        Throwable plain = catchThrowable(() -> parsed(false, failFast).filter(col("status").lt(400)).select(col("content.user.id")).collect());
        assertThat(fused).isInstanceOf(SluiceException.class);
        assertThat(((SluiceException) fused).code()).isEqualTo(ErrorCode.MALFORMED_RECORD).isEqualTo(((SluiceException) plain).code());
        // a file whose documents are all good: no failure either way
        List<Row> rows = parsed(true, failFast, good).filter(col("status").lt(400)).select(col("ts"), col("content.user.country")).collect();
        assertThat(rows).isEqualTo(parsed(false, failFast, good).filter(col("status").lt(400)).select(col("ts"), col("content.user.country")).collect());
        assertThat(rows).hasSizeGreaterThan(1000);
    }

    private static List<String> q1(boolean fused) {
        List<String> out = new ArrayList<>();
        for (Row row : parsed(fused, Map.of()).select(col("ts"), col("status"), col("content.user.id"), col("content.user.country"),
                size(col("content.items")), col("response_body"), col("content.error.message")).collect()) {
            out.add(row.toString());
        }
        out.sort(null);
        return out;
    }

    private static List<String> q2(boolean fused) {
        List<String> out = new ArrayList<>();
        for (Row row : parsed(fused, Map.of()).withColumn("item", explode(col("content.items"))).filter(col("status").lt(400))
                .groupBy(col("content.user.country").as("country"))
                .agg(count(lit(1)).as("orders"), sum(col("item.qty").multiply(col("item.price"))).as("revenue")).collect()) {
            out.add(row.toString());
        }
        out.sort(null);
        return out;
    }
}
