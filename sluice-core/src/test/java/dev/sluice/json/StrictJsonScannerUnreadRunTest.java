package dev.sluice.json;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.sluice.json.JsonTestSupport.opts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unread field's string or number and its comma taken in one step when the key memo predicts the key
 * ({@code StrictJsonScanner.readObject}, on a key memo hit of an unread field): records of one key layout (so the memo hits) whose unread values are
 * every edge value, followed by a comma with and without whitespace, by the object's end, cut anywhere and edited
 * byte by byte, give what the Jackson path gives.
 */
class StrictJsonScannerUnreadRunTest {
    private static final String DDL = "s STRING, n INT";
    private static final String[] AFTER = {",", " ,", ", ", ",\t", ",\n", ",,", ""};

    @Test void unreadValuesBeforeAndAfterReadFieldsGiveTheSameRowsBothWays() {
        List<String> lines = new ArrayList<>();
        String plain = "{\"u1\":\"abc\",\"s\":\"x\",\"u2\":12,\"n\":7,\"u3\":\"" + "z".repeat(40) + "\"}";
        for (int i = 0; i < 3; i++) lines.add(plain);   // the memo learns the layout
        for (String v : StrictJsonScannerTest.SCALARS) {
            for (String after : AFTER) {
                lines.add("{\"u1\":" + v + after + "\"s\":\"x\",\"u2\":12,\"n\":7,\"u3\":\"q\"}");
                lines.add("{\"u1\":\"abc\",\"s\":\"x\",\"u2\":" + v + after + "\"n\":7,\"u3\":\"q\"}");
                lines.add("{\"u1\":\"abc\",\"s\":\"x\",\"u2\":12,\"n\":7,\"u3\":" + v + (after.isEmpty() ? "}" : after + "}"));
                lines.add(plain);
            }
        }
        assertBothWays(lines);
    }

    @Test void workloadLikeRecordsCutAnywhereOrEditedGiveTheSameRowsBothWays() {
        Random random = new Random(23);
        List<String> lines = new ArrayList<>();
        String edits = "\",:{}[]\\ 0-e.\u00e9\t\u0001";
        for (int n = 0; n < 40; n++) {
            String record = "{\"ts\":\"2026-10-01T00:00:0" + random.nextInt(10) + ".123Z\",\"request_id\":\""
                    + Long.toHexString(random.nextLong()) + "\",\"method\":\"" + StrictJsonScannerTest.pick(random, "GET", "POST", "a\\\"b", "\\u00e9")
                    + "\",\"status\":" + StrictJsonScannerTest.pick(random, "200", "-1", "0", "01", "1.5e3", "2147483648")
                    + ",\"latency_ms\":" + StrictJsonScannerTest.pick(random, "57.85", "0.5", "-0.0", "1e400", "1.", "7")
                    + ",\"s\":\"x\",\"n\":" + random.nextInt(100) + "}";
            lines.add(record);
            for (int at = 0; at <= record.length(); at++) {
                lines.add(record);   // keeps the memo on the layout
                lines.add(record.substring(0, at));
                if (at < record.length()) {
                    char c = edits.charAt(random.nextInt(edits.length()));
                    lines.add(record.substring(0, at) + c + record.substring(at + 1));
                    lines.add(record.substring(0, at) + c + record.substring(at));
                }
            }
        }
        assertBothWays(lines);
    }

    private static void assertBothWays(List<String> lines) {
        String[] records = lines.toArray(new String[0]);
        for (String mode : new String[] {"PERMISSIVE", "DROPMALFORMED", "FAILFAST"}) {
            for (String ddl : new String[] {DDL, DDL + ", _corrupt_record STRING"}) {
                assertThat(StrictJsonScannerTest.readAll(ddl, opts("mode", mode), records, true)).as(ddl + " " + mode)
                        .isEqualTo(StrictJsonScannerTest.readAll(ddl, opts("mode", mode), records, false));
            }
        }
    }
}
