package dev.sluice.badinput;

import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.FileStatus;
import dev.sluice.io.SeekableInputStream;
import dev.sluice.io.Storage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A 1 GB line used to grow the line reader's buffer outside the memory budget until the heap ran out. The buffer's
 * growth is now charged to the budget: a line that fits is read, one that does not is LIMIT_EXCEEDED naming the
 * budget and how to raise it. The lines are generated as they are read (nothing is written to disk).
 */
class HugeLineTest {
    static final long MB = 1L << 20;
    static Sluice sluice;

    @BeforeAll static void start() {
        sluice = Sluice.builder().parallelism(2).memoryBudget(200 * MB).storage("gen", new GeneratedLines()).build();
    }

    @AfterAll static void stop() { sluice.close(); }

    /** {@code gen://<bytes>.jsonl}: a JSON line whose blob holds that many bytes, then a small line. */
    static final class GeneratedLines implements Storage {
        static byte[] prefix() { return "{\"id\":1,\"blob\":\"".getBytes(StandardCharsets.UTF_8); }
        static byte[] suffix() { return "\"}\n{\"id\":2,\"blob\":\"small\"}\n".getBytes(StandardCharsets.UTF_8); }

        static long blobBytes(String path) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            return Long.parseLong(name.substring(0, name.indexOf('.')));
        }

        static long size(String path) { return prefix().length + blobBytes(path) + suffix().length; }

        @Override public List<FileStatus> list(String directory) { throw new UnsupportedOperationException("a file, not a directory"); }
        @Override public FileStatus status(String path) { return new FileStatus(path, size(path), 0, false); }
        @Override public boolean exists(String path) { return true; }
        @Override public OutputStream create(String path) { throw new UnsupportedOperationException("read-only"); }
        @Override public void rename(String from, String to) { throw new UnsupportedOperationException("read-only"); }
        @Override public boolean deleteRecursively(String path) { return false; }
        @Override public void mkdirs(String path) { throw new UnsupportedOperationException("read-only"); }

        @Override public SeekableInputStream open(String path) {
            byte[] prefix = prefix(), suffix = suffix();
            long blob = blobBytes(path), length = size(path);
            return new SeekableInputStream() {
                long pos;

                @Override public int read() {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override public int read(byte[] b, int off, int len) {
                    if (pos >= length) return -1;
                    int n = (int) Math.min(len, length - pos);
                    for (int i = 0; i < n; i++) {
                        long p = pos + i;
                        b[off + i] = p < prefix.length ? prefix[(int) p]
                                : p < prefix.length + blob ? (byte) 'x' : suffix[(int) (p - prefix.length - blob)];
                    }
                    pos += n;
                    return n;
                }

                @Override public void seek(long position) { pos = position; }
                @Override public long position() { return pos; }
                @Override public long length() { return length; }
            };
        }
    }

    @Test void aOneGigabyteLineIsLimitExceededNamingTheMemoryBudget() {
        String path = "gen://lines/1000000000.jsonl";
        for (Runnable read : List.<Runnable>of(
                () -> sluice.read().text(path).count(),
                () -> sluice.read().schema("id INT, blob STRING").json(path).select(col("id")).collect())) {
            assertThatThrownBy(read::run).isInstanceOfSatisfying(SluiceException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
                assertThat(e.fact("what")).contains("1000000000.jsonl");
                assertThat(e.fact("limit")).contains("memory budget of " + 200 * MB + " bytes");
                assertThat(e.fact("remedy")).contains("memoryBudget");
            });
        }
    }

    @Test void aHundredMegabyteLineWithinTheBudgetIsReadAndItsChargeReleased() {
        String path = "gen://lines/100000000.jsonl";
        // twice: a charge that was not released would leave too little budget for the second read
        for (int i = 0; i < 2; i++) {
            assertThat(sluice.read().text(path).count()).isEqualTo(2);
            assertThat(sluice.read().schema("id INT, blob STRING").json(path).select(col("id")).collect())
                    .extracting(r -> r.get(0)).containsExactly(1, 2);
        }
    }
}
