package dev.sluice.json;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.sluice.json.JsonTestSupport.opts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key prediction ({@link KeyMemo}) in both fast paths: records that repeat one layout (so that every key position has
 * a key remembered) interleaved with records whose key at a position is nearly the remembered one: a prefix or an
 * extension of it, the same name escaped, whitespace before the colon, a repeated key, another field's key, a key
 * cut off by the end of the record. Each is read by the fast paths and by Jackson alone, and the results compared.
 */
class KeyMemoTest {
    private static final String[] NEAR_KEYS = {
        "\"ts\":", "\"t\":", "\"tsx\":", "\"ts\" :", "\"t\\u0073\":", "\"status\":", "\"response_body\":", "\"response_bod\":",
        "\"response_bodyy\":", "\"Ts\":", "\"ts\":\"", "\"ts\"", "\"\":", "\"ts\u00e9\":", "\"latency_ms\":", "\"latency_ms\" : ",
    };

    @Test void keysAtRememberedPositionsReadAsJacksonReadsThem() {
        Random random = new Random(41);
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String[] keys = {"\"ts\":", "\"status\":", "\"latency_ms\":", "\"response_body\":"};
            if (random.nextInt(3) == 0) keys[random.nextInt(keys.length)] = StrictJsonScannerTest.pick(random, NEAR_KEYS);
            String record = "{" + keys[0] + "\"2026-10-01T00:00:00.123Z\"," + keys[1] + (200 + random.nextInt(300)) + ","
                    + keys[2] + random.nextInt(10000) / 100.0 + "," + keys[3] + StrictJsonScannerTest.quote(document(random)) + "}";
            if (random.nextInt(20) == 0) record = record.substring(0, random.nextInt(record.length()));
            records.add(record);
        }
        String[] lines = records.toArray(new String[0]);
        for (String ddl : new String[] {"ts STRING, status INT, latency_ms DOUBLE, response_body STRING",
                "status INT", "response_body STRING, _corrupt_record STRING"}) {
            for (String mode : new String[] {"PERMISSIVE", "FAILFAST"}) {
                assertThat(StrictJsonScannerTest.readAll(ddl, opts("mode", mode), lines, true)).as(ddl + " " + mode)
                        .isEqualTo(StrictJsonScannerTest.readAll(ddl, opts("mode", mode), lines, false));
            }
        }
        List<byte[]> bytes = new ArrayList<>();
        for (String line : lines) bytes.add(line.getBytes(StandardCharsets.UTF_8));
        for (String content : new String[] {StrictJsonScannerTest.CONTENT, "struct<error: struct<code: string, message: string>>"}) {
            assertThat(FusedFromJsonTest.readAll("status INT, response_body STRING", JsonOptions.DEFAULT, content,
                    JsonOptions.DEFAULT, bytes, true)).as(content)
                    .isEqualTo(FusedFromJsonTest.readAll("status INT, response_body STRING", JsonOptions.DEFAULT, content,
                            JsonOptions.DEFAULT, bytes, false));
        }
    }

    /** A response_body document: one layout, with near keys at its positions (inside items too) now and then. */
    private static String document(Random random) {
        String[] keys = {"\"user\":", "\"items\":", "\"error\":", "\"sku\":", "\"qty\":", "\"price\":", "\"code\":"};
        String[] near = {"\"use\":", "\"userx\":", "\"user\" :", "\"us\\u0065r\":", "\"items\":", "\"error\":", "\"sku\":",
            "\"skus\":", "\"qty\":", "\"code\":", "\"message\":", "\"err\":"};
        if (random.nextInt(3) == 0) keys[random.nextInt(keys.length)] = StrictJsonScannerTest.pick(random, near);
        StringBuilder items = new StringBuilder("[");
        for (int i = random.nextInt(4); i > 0; i--) {
            items.append('{').append(keys[3]).append("\"SKU-").append(i).append("\",").append(keys[4]).append(i).append(',')
                    .append(keys[5]).append(i * 1.5).append('}').append(i > 1 ? "," : "");
        }
        items.append(']');
        return "{" + keys[0] + "{\"id\":" + random.nextInt(1000) + ",\"country\":\"DE\"}," + keys[1] + items + "," + keys[2]
                + (random.nextBoolean() ? "null" : "{" + keys[6] + "\"E1\",\"message\":\"m\"}") + "}";
    }

    @Test void aKeyMatchesOnlyItsOwnBytesThroughTheColon() {
        KeyMemo memo = new KeyMemo(2);
        byte[] line = "{\"response_body\":1,\"ts\":2,\"tsx\":3,\"t\":4}                ".getBytes(StandardCharsets.UTF_8);
        memo.remember(line, 1, 16, 0, 7);
        memo.remember(line, 19, 5, 1, 3);
        assertThat(memo.match(line, 1, line.length, 0)).isEqualTo(16);
        assertThat(memo.value(0)).isEqualTo(7);
        assertThat(memo.match(line, 19, line.length, 1)).isEqualTo(5);
        assertThat(memo.match(line, 26, line.length, 1)).as("\"tsx\":").isZero();
        assertThat(memo.match(line, 34, line.length, 1)).as("\"t\":").isZero();
        assertThat(memo.match(line, 19, 34, 1)).as("fewer than 16 bytes left").isZero();
        memo.remember(line, 0, 17, 1, 3);
        assertThat(memo.match(line, 0, line.length, 1)).as("longer keys are not remembered").isZero();
        assertThat(memo.match(line, 19, line.length, 1)).as("nor is the key that entry held before").isZero();
    }

    /** A hit holds the key's length and the value remembered with it, -1 (a field not read) and large ones too. */
    @Test void aHitCarriesLengthAndValue() {
        KeyMemo memo = new KeyMemo(3);
        byte[] line = "{\"response_body\":1,\"ts\":2}                ".getBytes(StandardCharsets.UTF_8);
        memo.remember(line, 1, 16, 0, -1);
        memo.remember(line, 18, 6, 1, 1 << 20);
        memo.remember(line, 19, 5, 2, 0);
        int hit = memo.hit(line, 1, line.length, 0);
        assertThat(KeyMemo.length(hit)).isEqualTo(16);
        assertThat(KeyMemo.valueOf(hit)).isEqualTo(-1);
        hit = memo.hit(line, 18, line.length, 1);
        assertThat(KeyMemo.length(hit)).isEqualTo(6);
        assertThat(KeyMemo.valueOf(hit)).isEqualTo(1 << 20);
        hit = memo.hit(line, 19, line.length, 2);
        assertThat(KeyMemo.length(hit)).isEqualTo(5);
        assertThat(KeyMemo.valueOf(hit)).isZero();
        assertThat(memo.hit(line, 18, line.length, 2)).as("no match").isZero();
    }

    /** match has no test for an empty entry (its zero masks match any bytes): it must still answer 0, for any bytes. */
    @Test void anEmptyEntryMatchesNothing() {
        KeyMemo memo = new KeyMemo(3);
        byte[] zeros = new byte[32];
        byte[] key = "\"ts\":1,\"status\":200}          ".getBytes(StandardCharsets.UTF_8);
        for (int entry = 0; entry < 3; entry++) {
            assertThat(memo.match(zeros, 0, zeros.length, entry)).isZero();
            assertThat(memo.match(key, 0, key.length, entry)).isZero();
        }
        memo.remember(key, 0, 5, 1, 4);
        assertThat(memo.copy().match(key, 0, key.length, 0)).as("a copy's empty entry").isZero();
        assertThat(memo.copy().match(key, 0, key.length, 1)).isEqualTo(5);
    }
}
