package dev.sluice.json;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static dev.sluice.json.JsonTestSupport.schema;
import static dev.sluice.json.JsonTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/** A record read from a JSON Lines buffer whose end is the buffer's, not the record's ({@code readLine}). */
class StrictJsonScannerLineTest {
    private static final String CONTENT = "struct<error: struct<code: string, message: string>>";

    /** A buffer of {@code size} bytes that starts with {@code line} and a newline, padded with more lines. */
    private static byte[] buffer(String line, int size) {
        byte[] head = utf8(line + "\n");
        byte[] buf = Arrays.copyOf(head, size);
        for (int i = head.length; i < size; i++) buf[i] = (byte) ((i - head.length) % 64 == 63 ? '\n' : ' ');
        return buf;
    }

    /** Bytes allocated by this thread so far: a string reserving room to the buffer's end allocates about a MiB. */
    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    @Test void anEscapedStringReservesBoundedRoomNotTheRestOfTheBuffer() {
        StructParser root = new StructParser(schema("s STRING"), JsonOptions.DEFAULT, 16, "_corrupt_record");
        StrictJsonScanner scanner = StrictJsonScanner.forStruct(root, "_corrupt_record", false);
        byte[] buf = buffer("{\"s\":\"a\\\"b\"}", 1 << 20);
        long before = allocated();
        assertThat(scanner.readLine(buf, 0, buf.length, false)).isEqualTo(12);
        assertThat(allocated() - before).as("bytes allocated").isLessThan(256 * 1024);
        assertThat(root.size()).isEqualTo(1);
    }

    @Test void anInnerStringOfAFusedDocumentReservesBoundedRoom() {
        StructParser root = new StructParser(schema("response_body STRING"), JsonOptions.DEFAULT, 16, "_corrupt_record");
        FusedFromJson[] fused = {FusedFromJson.of(new FromJsonColumn("response_body", JsonTestSupport.type(CONTENT), JsonOptions.DEFAULT), 16, false)};
        StrictJsonScanner scanner = StrictJsonScanner.forStruct(root, "_corrupt_record", false, fused);
        byte[] buf = buffer("{\"response_body\":\"{\\\"error\\\":{\\\"code\\\":\\\"E1\\\",\\\"message\\\":\\\"bad\\\"}}\"}", 1 << 20);
        long before = allocated();
        int lineEnd = scanner.readLine(buf, 0, buf.length, false);
        assertThat(allocated() - before).as("bytes allocated").isLessThan(256 * 1024);
        assertThat(lineEnd).isPositive();
        assertThat(buf[lineEnd]).isEqualTo((byte) '\n');
        fused[0].pad(root.child(0), root.size());
        PreParsedJsonVector v = fused[0].finish((dev.sluice.vector.BytesVector) root.child(0).takeVector(), 1);
        assertThat(String.valueOf(FromJsonEvaluator.evaluate(v, JsonTestSupport.type(CONTENT), JsonOptions.DEFAULT).getObject(0)))
                .contains("E1").contains("bad");
    }

    @Test void aLongerEscapedStringIsLeftToTheRecordsOwnRead() {
        StructParser root = new StructParser(schema("s STRING"), JsonOptions.DEFAULT, 16, "_corrupt_record");
        StrictJsonScanner scanner = StrictJsonScanner.forStruct(root, "_corrupt_record", false);
        String line = "{\"s\":\"" + "a\\\"".repeat(8 * 1024) + "\"}";
        byte[] buf = buffer(line, 1 << 20);
        assertThat(scanner.readLine(buf, 0, buf.length, false)).isEqualTo(-1);
        assertThat(root.size()).isZero();
        assertThat(scanner.readRecord(buf, 0, utf8(line).length, false)).isTrue();
        assertThat(((ScalarParsers.StringParser) root.child(0)).dataSize).isEqualTo(16 * 1024);
    }
}
