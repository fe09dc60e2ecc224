package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LogGeneratorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern TWO_DECIMALS = Pattern.compile("\\d+\\.\\d{2}");
    private static final Pattern PRICE_TEXT = Pattern.compile("\"price\":([^}]*)}");
    private static final Pattern LATENCY_TEXT = Pattern.compile("\"latency_ms\":" + TWO_DECIMALS.pattern() + ",");
    private static final Set<String> FIELDS = Set.of("ts", "request_id", "service", "method", "path", "status",
            "latency_ms", "response_body");

    private static byte[] generate(long seed, double malformedRate, long rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogGenerator.Result result = new LogGenerator(seed, malformedRate).write(out, rows);
        assertThat(result.rows()).isEqualTo(rows);
        assertThat(result.bytes()).isEqualTo(out.size());
        return out.toByteArray();
    }

    private static List<String> lines(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        return List.of(text.substring(0, text.length() - 1).split("\n", -1));
    }

    @Test
    void sameSeedGivesTheSameBytes() throws IOException {
        assertThat(generate(7, 0, 20_000)).isEqualTo(generate(7, 0, 20_000));
        assertThat(generate(7, 0.05, 20_000)).isEqualTo(generate(7, 0.05, 20_000));
    }

    @Test
    void differentSeedsGiveDifferentData() throws IOException {
        assertThat(generate(1, 0, 100)).isNotEqualTo(generate(2, 0, 100));
    }

    @Test
    void aShorterRunIsAPrefixOfALongerOne() throws IOException {
        byte[] small = generate(3, 0, 1_000);
        byte[] large = generate(3, 0, 30_000);   // crosses the 1 MB flush boundary
        assertThat(large.length).isGreaterThan(1 << 20);
        assertThat(new String(large, 0, small.length, StandardCharsets.UTF_8))
                .isEqualTo(new String(small, StandardCharsets.UTF_8));
    }

    @Test
    void everyLineIsAWorkloadRecord() throws IOException {
        List<String> lines = lines(generate(11, 0, 20_000));
        assertThat(lines).hasSize(20_000);
        Instant previous = Instant.MIN;
        long totalBytes = 0;
        for (String line : lines) {
            totalBytes += line.length() + 1;
            JsonNode row = JSON.readTree(line);
            assertThat(fieldNames(row)).isEqualTo(FIELDS);

            String ts = row.get("ts").textValue();
            assertThat(ts).matches(TS);
            Instant instant = Instant.parse(ts);
            assertThat(instant).isAfter(previous);
            previous = instant;

            assertThat(row.get("request_id").textValue()).matches(HEX32);
            String service = row.get("service").textValue();
            assertThat(LogGenerator.SERVICES).contains(service);
            assertThat(LogGenerator.METHODS).contains(row.get("method").textValue());
            String path = row.get("path").textValue();
            assertThat(path).startsWith("/api/v1/" + service + "/");
            int resource = Integer.parseInt(path.substring(("/api/v1/" + service + "/").length()));
            assertThat(resource).isBetween(1, 100_000);

            assertThat(row.get("status").isInt()).isTrue();
            int status = row.get("status").intValue();
            assertThat(LogGenerator.STATUSES).contains(status);
            JsonNode latency = row.get("latency_ms");
            assertThat(latency.isFloatingPointNumber()).isTrue();
            assertThat(line).containsPattern(LATENCY_TEXT);
            assertThat(latency.doubleValue()).isPositive();

            assertThat(row.get("response_body").isTextual()).isTrue();
            String body = row.get("response_body").textValue();
            var prices = PRICE_TEXT.matcher(body);
            while (prices.find()) assertThat(prices.group(1)).matches(TWO_DECIMALS);
            assertValidContent(JSON.readTree(body), status);
        }
        double averageLine = (double) totalBytes / lines.size();
        assertThat(averageLine).isBetween(350.0, 450.0);
    }

    private static void assertValidContent(JsonNode content, int status) {
        assertThat(fieldNames(content)).containsExactly("user", "items", "error");
        JsonNode user = content.get("user");
        assertThat(fieldNames(user)).containsExactly("id", "country", "plan");
        assertThat(user.get("id").canConvertToLong()).isTrue();
        assertThat(user.get("id").longValue()).isPositive();
        assertThat(LogGenerator.COUNTRIES).contains(user.get("country").textValue());
        assertThat(user.get("plan").textValue()).isIn("free", "pro", "enterprise");
        JsonNode items = content.get("items");
        assertThat(items.isArray()).isTrue();
        assertThat(items.size()).isBetween(0, 5);
        for (JsonNode item : items) {
            assertThat(fieldNames(item)).containsExactly("sku", "qty", "price");
            assertThat(item.get("sku").textValue()).matches("SKU-\\d+");
            assertThat(item.get("qty").isInt()).isTrue();
            assertThat(item.get("qty").intValue()).isBetween(1, 5);
            assertThat(item.get("price").isFloatingPointNumber()).isTrue();
            double cents = item.get("price").doubleValue() * 100;
            assertThat(cents).isCloseTo(Math.rint(cents), within(1e-6));
        }
        JsonNode error = content.get("error");
        if (status < 400) {
            assertThat(error.isNull()).isTrue();
        } else {
            assertThat(fieldNames(error)).containsExactly("code", "message");
            assertThat(error.get("code").textValue()).matches("E\\d{3}");
            assertThat(error.get("message").textValue()).isNotEmpty();
        }
    }

    @Test
    void errorMessagesWithQuotesAndBackslashesSurviveTwoLevelsOfEscaping() throws IOException {
        Set<String> messages = new LinkedHashSet<>();
        for (String line : lines(generate(5, 0, 20_000))) {
            JsonNode error = JSON.readTree(JSON.readTree(line).get("response_body").textValue()).get("error");
            if (!error.isNull()) messages.add(error.get("message").textValue());
        }
        assertThat(messages).contains("missing field \"sku\"", "bad character '\\' in path");
    }

    @Test
    void methodsStatusesAndErrorsFollowTheWorkloadWeights() throws IOException {
        List<String> lines = lines(generate(42, 0, 100_000));
        Map<String, Integer> methods = new HashMap<>();
        Map<Integer, Integer> statuses = new HashMap<>();
        int errors = 0;
        for (String line : lines) {
            JsonNode row = JSON.readTree(line);
            methods.merge(row.get("method").textValue(), 1, Integer::sum);
            statuses.merge(row.get("status").intValue(), 1, Integer::sum);
            JsonNode content = JSON.readTree(row.get("response_body").textValue());
            if (!content.get("error").isNull()) errors++;
        }
        double n = lines.size();
        assertThat(methods.get("GET") / n).isCloseTo(0.60, within(0.01));
        assertThat(methods.get("POST") / n).isCloseTo(0.25, within(0.01));
        assertThat(methods.get("PUT") / n).isCloseTo(0.10, within(0.01));
        assertThat(methods.get("DELETE") / n).isCloseTo(0.05, within(0.01));
        assertThat(statuses.get(200) / n).isCloseTo(0.75, within(0.01));
        assertThat(statuses.get(201) / n).isCloseTo(0.05, within(0.01));
        assertThat(statuses.get(204) / n).isCloseTo(0.03, within(0.01));
        assertThat(statuses.get(400) / n).isCloseTo(0.05, within(0.01));
        assertThat(statuses.get(404) / n).isCloseTo(0.07, within(0.01));
        assertThat(statuses.get(500) / n).isCloseTo(0.04, within(0.01));
        assertThat(statuses.get(503) / n).isCloseTo(0.01, within(0.005));
        assertThat(errors / n).isCloseTo(0.17, within(0.01));
    }

    @Test
    void malformedRowsBreakOnlyTheBodyAndLeaveOtherRowsAsWithoutThem() throws IOException {
        List<String> clean = lines(generate(9, 0, 20_000));
        List<String> dirty = lines(generate(9, 0.1, 20_000));
        assertThat(dirty).hasSameSizeAs(clean);
        int broken = 0;
        List<String> brokenBodies = new ArrayList<>();
        for (int i = 0; i < clean.size(); i++) {
            if (clean.get(i).equals(dirty.get(i))) continue;
            broken++;
            JsonNode cleanRow = JSON.readTree(clean.get(i));
            JsonNode dirtyRow = JSON.readTree(dirty.get(i));   // the line itself stays valid JSON
            assertThat(fieldNames(dirtyRow)).isEqualTo(FIELDS);
            for (String field : FIELDS) {
                if (!field.equals("response_body")) assertThat(dirtyRow.get(field)).isEqualTo(cleanRow.get(field));
            }
            brokenBodies.add(dirtyRow.get("response_body").textValue());
        }
        assertThat(broken / (double) clean.size()).isCloseTo(0.10, within(0.01));
        for (String body : brokenBodies) assertThat(conformsToContentSchema(body)).as(body).isFalse();
        assertThat(brokenBodies).anyMatch(String::isEmpty)
                .anyMatch(b -> b.startsWith("<html>"))
                .anyMatch(b -> b.contains("\"qty\":\"two\""))
                .anyMatch(b -> b.contains("\"id\":\"u"))
                .anyMatch(b -> b.contains("\"user\":\"anonymous\""))
                .anyMatch(b -> b.startsWith("{\"user\":{") && !b.endsWith("}"));
    }

    /** True when {@code body} parses as JSON and every field has the type the workload's content schema says. */
    private static boolean conformsToContentSchema(String body) {
        JsonNode content;
        try {
            content = JSON.readTree(body);
        } catch (IOException e) {
            return false;
        }
        if (content == null || !content.isObject()) return false;
        JsonNode user = content.get("user");
        if (user == null || !user.isObject() || !user.get("id").isIntegralNumber()) return false;
        for (JsonNode item : content.get("items")) {
            if (!item.get("qty").isInt()) return false;
        }
        return true;
    }

    @Test
    void writeFileReplacesTheTargetAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sub/logs.jsonl");
        LogGenerator generator = new LogGenerator(1, 0);
        generator.writeFile(file, 10);
        LogGenerator.Result result = generator.writeFile(file, 100);
        assertThat(Files.readAllBytes(file)).isEqualTo(generate(1, 0, 100));
        assertThat(result.bytes()).isEqualTo(Files.size(file));
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void rejectsAMalformedRateOutsideZeroToOne() {
        for (double rate : new double[] {-0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> new LogGenerator(1, rate))
                    .isInstanceOfSatisfying(SluiceException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        }
    }

    @Test
    void escapeHandlesQuotesBackslashesAndControlCharacters() {
        assertThat(LogGenerator.escape("a\"b\\c\td")).isEqualTo("a\\\"b\\\\c\\u0009d");
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
        return names;
    }
}
