package dev.sluice.exec;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.SluiceException;
import dev.sluice.json.FromJsonColumn;
import dev.sluice.types.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.sluice.functions.col;
import static dev.sluice.functions.count;
import static dev.sluice.functions.explode;
import static dev.sluice.functions.from_json;
import static dev.sluice.functions.length;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.size;
import static dev.sluice.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A JSON column read only by the from_json the reader evaluates keeps no text ({@link FromJsonAboveScan#keepsText}):
 * which plans drop it (the benchmark's Q1-Q3 shapes) and which keep it (anything else that may read the column),
 * and the results of both against values computed here, malformed documents included, at parallelism 1 and 3.
 */
class FromJsonTextKeptTest {
    private static final String INPUT = "id INT, status INT, body STRING";
    private static final String CONTENT = "struct<user: struct<id: bigint, country: string>, "
            + "items: array<struct<qty: int, price: double>>, error: struct<code: string>>";
    private static final int ROWS = 3000;
    private static Path dir;
    private static Path file;

    @BeforeAll static void write() throws IOException {
        dir = Files.createTempDirectory("text-kept");
        file = dir.resolve("logs.jsonl");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < ROWS; i++) {
            out.append("{\"id\":").append(i).append(",\"status\":").append(i % 7 == 0 ? 500 : 200).append(",\"body\":");
            if (i % 97 == 0) out.append("null");
            else out.append('"').append(document(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            out.append("}\n");
        }
        Files.writeString(file, out.toString());
    }

    @AfterAll static void clean() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }

    /** Row i's document: i % 13 == 0 is malformed (from_json gives null), else i % 4 items and an error when i % 5 == 0. */
    private static String document(int i) {
        if (i % 13 == 0) return "{\"user\":{\"id\":" + i + ",\"country\":\"DE\"},\"items\":[{\"qty\":1,";
        StringBuilder items = new StringBuilder("[");
        for (int k = 0; k < i % 4; k++) items.append(k == 0 ? "" : ",").append("{\"sku\":\"S-").append(k).append("\",\"qty\":")
                .append(k + 1).append(",\"price\":").append(i % 10).append(".5}");
        return "{\"user\":{\"id\":" + i + ",\"country\":\"" + (i % 2 == 0 ? "DE" : "FR") + "\",\"plan\":\"pro\"},\"items\":"
                + items.append(']') + ",\"error\":" + (i % 5 == 0 ? "{\"code\":\"E" + i + "\",\"message\":\"m \\\"q\\\"\"}" : "null") + "}";
    }

    private static boolean parses(int i) { return i % 97 != 0 && i % 13 != 0; }

    private static DataFrame parsed(Sluice s) {
        return s.read().schema(INPUT).json(file.toString()).withColumn("content", from_json(col("body"), CONTENT));
    }

    /** The fused calls the planner handed the JSON scan of {@code df}. */
    private static List<FromJsonColumn> fused(DataFrame df) {
        ExecNode root = new PhysicalPlanner(PlannerContext.defaults()).plan(df.optimizedPlan());
        List<FromJsonColumn> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(ExecNode node, List<FromJsonColumn> found) {
        if (node instanceof Metered.MeteredNode m) node = Metered.unwrap(m);
        if (node instanceof ScanExec scan) found.addAll(scan.source().fromJson());
        for (ExecNode child : node.children()) collect(child, found);
    }

    private static Sluice session(int parallelism) {
        return Sluice.builder().parallelism(parallelism).maxSplitBytes(8192).build();
    }

    // ---- the plans that drop the text ----

    @ParameterizedTest @ValueSource(ints = {1, 3})
    void aProjectionOfParsedFieldsDropsTheTextAndReadsTheSameValues(int parallelism) {
        try (Sluice s = session(parallelism)) {
            DataFrame q1 = parsed(s).select(col("id"), col("content.user.id").as("user_id"), col("content.user.country").as("country"),
                    size(col("content.items")).as("n_items"));
            assertThat(fused(q1)).singleElement().satisfies(c -> assertThat(c.keepText()).isFalse());
            // the same projection with the text read beside it keeps the text: both must give the same rows
            DataFrame withText = parsed(s).select(col("id"), col("content.user.id").as("user_id"),
                    col("content.user.country").as("country"), size(col("content.items")).as("n_items"), length(col("body")).as("l"));
            assertThat(fused(withText)).singleElement().satisfies(c -> assertThat(c.keepText()).isTrue());
            List<String> expected = new ArrayList<>();
            for (Row r : withText.orderBy(col("id")).collectAsList()) {
                expected.add("[" + r.get(0) + ", " + r.get(1) + ", " + r.get(2) + ", " + r.get(3) + "]");
            }
            for (int i = 0; i < ROWS; i++) {
                if (parses(i)) assertThat(expected.get(i)).isEqualTo("[" + i + ", " + i + ", " + (i % 2 == 0 ? "DE" : "FR") + ", " + i % 4 + "]");
            }
            assertThat(strings(q1.orderBy(col("id")))).isEqualTo(expected);
        }
    }

    @ParameterizedTest @ValueSource(ints = {1, 3})
    void aFilterOnTheErrorThenACountDropsTheText(int parallelism) {
        try (Sluice s = session(parallelism)) {
            DataFrame q3 = parsed(s).filter(col("content.error").isNotNull());
            DataFrame counted = q3.select(col("id"));
            assertThat(fused(counted)).singleElement().satisfies(c -> assertThat(c.keepText()).isFalse());
            long expected = 0;
            for (int i = 0; i < ROWS; i++) if (parses(i) && i % 5 == 0) expected++;
            assertThat(q3.count()).isEqualTo(expected);
            assertThat(counted.count()).isEqualTo(expected);
        }
    }

    @ParameterizedTest @ValueSource(ints = {1, 3})
    void anExplodeFilterAndAggregateDropTheText(int parallelism) {
        try (Sluice s = session(parallelism)) {
            DataFrame q2 = parsed(s).withColumn("item", explode(col("content.items"))).filter(col("status").lt(400))
                    .groupBy(col("content.user.country").as("country"))
                    .agg(count(lit(1)).as("orders"), sum(col("item.qty").multiply(col("item.price"))).as("revenue"))
                    .orderBy(col("country"));
            assertThat(fused(q2)).singleElement().satisfies(c -> assertThat(c.keepText()).isFalse());
            Map<String, long[]> orders = new java.util.TreeMap<>();
            Map<String, Double> revenue = new java.util.TreeMap<>();
            for (int i = 0; i < ROWS; i++) {
                if (!parses(i) || i % 7 == 0) continue;
                String country = i % 2 == 0 ? "DE" : "FR";
                for (int k = 0; k < i % 4; k++) {
                    orders.computeIfAbsent(country, x -> new long[1])[0]++;
                    revenue.merge(country, (k + 1) * (i % 10 + 0.5), Double::sum);
                }
            }
            List<String> expected = new ArrayList<>();
            for (String c : orders.keySet()) expected.add("[" + c + ", " + orders.get(c)[0] + ", " + revenue.get(c) + "]");
            assertThat(strings(q2)).isEqualTo(expected);
        }
    }

    // ---- the plans that keep it ----

    @Test void theColumnSelectedBesideItsParseKeepsItsText() {
        try (Sluice s = session(3)) {
            DataFrame both = parsed(s).select(col("id"), col("body"), col("content.user.id").as("user_id"));
            assertThat(fused(both)).singleElement().satisfies(c -> assertThat(c.keepText()).isTrue());
            List<Row> rows = both.orderBy(col("id")).collectAsList();
            for (int i = 0; i < ROWS; i++) {
                assertThat(rows.get(i).get(1)).isEqualTo(i % 97 == 0 ? null : document(i));
            }
        }
    }

    @Test void anyOtherReaderOfTheColumnKeepsItsText() {
        try (Sluice s = session(3)) {
            DataFrame lengthFilter = parsed(s).filter(length(col("body")).gt(10)).select(col("content.user.id"));
            DataFrame otherSchema = parsed(s).select(col("content.user.id"),
                    from_json(col("body"), "struct<error: struct<code: string>>").as("e"));
            DataFrame filterOnTop = s.read().schema(INPUT).json(file.toString())
                    .filter(from_json(col("body"), CONTENT).getField("error").isNotNull());
            DataFrame renamed = s.read().schema(INPUT).json(file.toString())
                    .select(col("body").as("b"), from_json(col("body"), CONTENT).as("content")).select(col("content.user.id"), col("b"));
            for (DataFrame df : List.of(lengthFilter, otherSchema, filterOnTop, renamed)) {
                List<FromJsonColumn> calls = fused(df);
                assertThat(calls).isNotEmpty();
                assertThat(calls.get(0).keepText()).as(df.explainString("extended")).isTrue();
            }
            assertThat(filterOnTop.select(col("body")).collectAsList()).hasSize((int) parsed(s).filter(col("content.error").isNotNull()).count());
            assertThat(strings(otherSchema).get(5)).isEqualTo("[5, [[E5]]]");
        }
    }

    @Test void aNullCheckOfTheColumnDoesNotNeedItsText() {
        try (Sluice s = session(3)) {
            DataFrame df = parsed(s).filter(col("body").isNotNull()).select(col("id"), col("content.error.code"));
            assertThat(fused(df)).singleElement().satisfies(c -> assertThat(c.keepText()).isFalse());
            assertThat(df.count()).isEqualTo(ROWS - (ROWS + 96) / 97);
        }
    }

    @Test void fromJsonFailFastStillFailsOnAMalformedDocumentWithoutTheText() {
        try (Sluice s = session(3)) {
            DataFrame df = s.read().schema(INPUT).json(file.toString())
                    .select(from_json(col("body"), CONTENT, Map.of("mode", "FAILFAST")).getField("user").as("u"));
            assertThat(fused(df)).singleElement().satisfies(c -> assertThat(c.keepText()).isFalse());
            assertThatThrownBy(df::collectAsList).isInstanceOf(SluiceException.class).hasMessageContaining("MALFORMED_RECORD");
        }
    }

    private static List<String> strings(DataFrame df) {
        List<String> out = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < r.size(); i++) b.append(i == 0 ? "" : ", ").append(r.get(i));
            out.add(b.append(']').toString());
        }
        return out;
    }
}
