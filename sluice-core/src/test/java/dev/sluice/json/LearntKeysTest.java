package dev.sluice.json;

import dev.sluice.types.DataType;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.sluice.json.JsonTestSupport.opts;
import static dev.sluice.json.JsonTestSupport.rows;
import static dev.sluice.json.JsonTestSupport.schema;
import static dev.sluice.json.JsonTestSupport.type;
import static dev.sluice.json.JsonTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys learnt by one split's reader and handed to the readers of later splits ({@link LearntKeys}): a new reader of the
 * same layout starts with every key position remembered, a reader of another layout starts empty, and readers that start
 * from learnt keys read every record as the Jackson path does, whatever the later records' keys are.
 */
class LearntKeysTest {
    private static final String LOG = "ts STRING, status INT, latency_ms DOUBLE, response_body STRING";
    private static final byte[] LINE = utf8("{\"ts\":\"2026-10-01T00:00:00.123Z\",\"status\":200,\"latency_ms\":1.5,"
            + "\"response_body\":" + StrictJsonScannerTest.quote("{\"user\":{\"id\":1},\"items\":[],\"error\":{\"code\":\"E1\",\"message\":\"m\"}}") + "}");

    @Test void aNewScannerOfTheLayoutStartsWithTheKeysAnotherOneLearnt() {
        LearntKeys learnt = new LearntKeys();
        List<KeyMemo> first = new ArrayList<>();
        StrictJsonScanner reader = scanner(first);
        assertThat(reader.readRecord(LINE, 0, LINE.length, false)).isTrue();
        learnt.publish("layout", first, List.of());

        List<KeyMemo> adopted = new ArrayList<>();
        scanner(adopted);
        assertThat(adopted.get(0).match(LINE, 1, LINE.length, 0)).isZero();   // nothing remembered yet
        learnt.adopt("layout", adopted, List.of());
        assertThat(adopted).hasSameSizeAs(first);
        int statusKey = new String(LINE, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("\"status\":");
        for (int slot : new int[] {0, 1}) {
            int at = slot == 0 ? 1 : statusKey;
            assertThat(adopted.get(0).match(LINE, at, LINE.length, slot)).as("slot " + slot)
                    .isEqualTo(first.get(0).match(LINE, at, LINE.length, slot)).isPositive();
            assertThat(adopted.get(0).value(slot)).isEqualTo(first.get(0).value(slot));
        }

        List<KeyMemo> other = new ArrayList<>();
        scanner(other);
        learnt.adopt("another layout", other, List.of());
        assertThat(other.get(0).match(LINE, 1, LINE.length, 0)).isZero();
    }

    @Test void aReadersFirstBatchPublishesItsKeysForItsLayout() {
        LearntKeys learnt = new LearntKeys();
        StructType schema = schema(LOG);
        List<FromJsonColumn> calls = List.of(new FromJsonColumn("response_body", type(StrictJsonScannerTest.CONTENT), JsonOptions.DEFAULT));
        JsonBatchBuilder builder = new JsonBatchBuilder(schema, JsonOptions.DEFAULT, calls, learnt);
        builder.append(LINE, 0, LINE.length);
        assertThat(learnt.knows(List.of(schema, JsonOptions.DEFAULT, calls))).isFalse();
        builder.finish();
        assertThat(learnt.knows(List.of(schema, JsonOptions.DEFAULT, calls))).isTrue();
        assertThat(learnt.knows(List.of(schema, JsonOptions.DEFAULT, List.of()))).isFalse();
    }

    /**
     * The string columns of a later split's scanners start with the buffers the first split's grew to (capped), so that
     * their first strings do not grow them again: the first split's growth came before the scanners were profiled, and a
     * later split's was an uncommon trap in C2's compiled scanner.
     */
    @Test void aNewScannerOfTheLayoutStartsWithTheStringBuffersAnotherOneGrew() {
        FromJsonColumn call = new FromJsonColumn("response_body", type(StrictJsonScannerTest.CONTENT), JsonOptions.DEFAULT);
        FusedFromJson first = FusedFromJson.of(call, 16, false);
        List<ScalarParsers.StringParser> grown = strings(first);
        assertThat(grown).hasSize(5);   // country, plan, sku, code, message
        for (int row = 0; row < 2; row++) parse(first, row, "short", true);
        int[] sizes = grown.stream().mapToInt(p -> p.data.length).toArray();
        // each string reserved the room it may decode into before a line's end is known, twice over
        assertThat(java.util.Arrays.stream(sizes)).allMatch(n -> n >= 2 * JsonValueSkipper.LINE_STRING_ROOM);

        LearntKeys learnt = new LearntKeys();
        learnt.publish("layout", memos(first), grown);
        FusedFromJson later = FusedFromJson.of(call, 16, false);
        List<ScalarParsers.StringParser> adopted = strings(later);
        assertThat(adopted).allMatch(p -> p.data.length < JsonValueSkipper.LINE_STRING_ROOM);   // before adopting
        learnt.adopt("layout", memos(later), adopted);
        assertThat(adopted.stream().mapToInt(p -> p.data.length).toArray()).isEqualTo(sizes);
        for (int row = 0; row < 2; row++) parse(later, row, "short", true);   // no growth: the sizes the first reader reached
        assertThat(adopted.stream().mapToInt(p -> p.data.length).toArray()).isEqualTo(sizes);

        FusedFromJson other = FusedFromJson.of(call, 16, false);
        List<ScalarParsers.StringParser> unchanged = strings(other);
        learnt.adopt("another layout", memos(other), unchanged);
        assertThat(unchanged).allMatch(p -> p.data.length < JsonValueSkipper.LINE_STRING_ROOM);

        // a line whose end is known reserves to its end: a long one grows every buffer past what is handed on
        parse(first, 2, "m".repeat(LearntKeys.MAX_ADOPTED_BYTES), false);
        assertThat(grown).allMatch(p -> p.data.length > LearntKeys.MAX_ADOPTED_BYTES);
        LearntKeys capped = new LearntKeys();
        capped.publish("layout", memos(first), grown);
        FusedFromJson next = FusedFromJson.of(call, 16, false);
        List<ScalarParsers.StringParser> limited = strings(next);
        capped.adopt("layout", memos(next), limited);
        assertThat(limited).allMatch(p -> p.data.length == LearntKeys.MAX_ADOPTED_BYTES);
    }

    /** Parses a document with {@code message} as row {@code row} of {@code fused}; {@code endIsBufferEnd} as the reader passes it. */
    private static void parse(FusedFromJson fused, int row, String message, boolean endIsBufferEnd) {
        byte[] line = utf8(StrictJsonScannerTest.quote("{\"user\":{\"id\":1,\"country\":\"ES\",\"plan\":\"pro\"},"
                + "\"items\":[{\"sku\":\"S-1\"}],\"error\":{\"code\":\"E1\",\"message\":\"" + message + "\"}}"));
        byte[] buffer = java.util.Arrays.copyOf(line, line.length + 3 * JsonValueSkipper.LINE_STRING_ROOM);   // lines to come
        java.util.Arrays.fill(buffer, line.length, buffer.length, (byte) '\n');
        int end = endIsBufferEnd ? buffer.length : line.length;
        assertThat(fused.parse(buffer, 1, end, row, endIsBufferEnd)).isEqualTo(line.length - 1);   // the string's closing quote
    }

    private static List<ScalarParsers.StringParser> strings(FusedFromJson fused) {
        List<ScalarParsers.StringParser> out = new ArrayList<>();
        fused.collectStrings(out);
        return out;
    }

    private static List<KeyMemo> memos(FusedFromJson fused) {
        List<KeyMemo> out = new ArrayList<>();
        fused.collectKeyMemos(out);
        return out;
    }

    /** Splits of 40 records, each read by a new builder from the keys the first one learnt, against Jackson alone. */
    @Test void readersStartingFromLearntKeysReadAsJackson() {
        Random random = new Random(17);
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String record = StrictJsonScannerTest.randomLogRecord(random);
            records.add(i < 40 ? record : StrictJsonScannerTest.mutate(random, record, random));
        }
        List<byte[]> lines = new ArrayList<>();
        for (int i = 0; i < 1500; i++) lines.add(FusedFromJsonTest.line(random));
        for (String ddl : new String[] {LOG, "status INT, response_body STRING, _corrupt_record STRING", "latency_ms DOUBLE"}) {
            for (String mode : new String[] {"PERMISSIVE", "DROPMALFORMED", "FAILFAST"}) {
                JsonOptions options = opts("mode", mode);
                assertThat(readSplits(ddl, options, List.of(), records, true)).as(ddl + " " + mode)
                        .isEqualTo(readSplits(ddl, options, List.of(), records, false));
            }
        }
        DataType content = type(StrictJsonScannerTest.CONTENT);
        List<FromJsonColumn> calls = List.of(new FromJsonColumn("response_body", content, JsonOptions.DEFAULT));
        List<String> texts = new ArrayList<>();
        for (byte[] line : lines) texts.add(new String(line, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(readSplits("status INT, response_body STRING", JsonOptions.DEFAULT, calls, texts, true))
                .isEqualTo(readSplits("status INT, response_body STRING", JsonOptions.DEFAULT, calls, texts, false));
    }

    private static StrictJsonScanner scanner(List<KeyMemo> memos) {
        StrictJsonScanner s = StrictJsonScanner.forStruct(new StructParser(schema(LOG), JsonOptions.DEFAULT, 16, null), null, false);
        s.collectKeyMemos(memos);
        return s;
    }

    /**
     * The outcome of each record, the rows and from_json's results over response_body, read in splits of 40 records by
     * a builder each: {@code fast} with the fast path on every record and keys shared, else Jackson alone.
     */
    private static List<String> readSplits(String ddl, JsonOptions options, List<FromJsonColumn> calls, List<String> records, boolean fast) {
        StructType schema = schema(ddl);
        LearntKeys learnt = new LearntKeys();
        List<String> out = new ArrayList<>();
        for (int start = 0; start < records.size(); start += 40) {
            JsonBatchBuilder builder = new JsonBatchBuilder(schema, options, fast, fast ? calls : List.of(), fast ? learnt : null);
            for (String record : records.subList(start, Math.min(records.size(), start + 40))) {
                byte[] bytes = utf8(record);
                try {
                    out.add(builder.append(bytes, 0, bytes.length).name());
                } catch (MalformedJsonException e) {
                    out.add("FAILFAST " + e.reason());
                }
            }
            var batch = builder.finish();
            out.addAll(rows(batch));
            for (FromJsonColumn call : calls) {
                var parsed = FromJsonEvaluator.evaluate(batch.column(schema.indexOf(call.column())), call.schema(), call.options(),
                        fast ? null : Boolean.FALSE);
                for (int r = 0; r < parsed.size(); r++) out.add(JsonTestSupport.show(parsed, r));
            }
        }
        return out;
    }
}
