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
        learnt.publish("layout", first);

        List<KeyMemo> adopted = new ArrayList<>();
        scanner(adopted);
        assertThat(adopted.get(0).match(LINE, 1, LINE.length, 0)).isZero();   // nothing remembered yet
        learnt.adopt("layout", adopted);
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
        learnt.adopt("another layout", other);
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
