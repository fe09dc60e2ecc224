package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A file read whole into one array (a multiLine JSON file is one value; a {@code wholetext} row is the whole file),
 * decompressed by its extension. Its buffer is charged to the scan's budget ({@link BufferBudgetScope#current()}) as
 * it grows, before each allocation, so a file larger than the budget fails with LIMIT_EXCEEDED naming the file, the
 * budget and a way out, never with an OutOfMemoryError; the caller closes the charge once the bytes are dropped.
 * Outside a scan (schema inference) nothing is charged. An array holds at most {@link #MAX_BYTES}.
 */
public final class WholeFile {
    /** The largest file read whole: a Java array's size limit. */
    public static final long MAX_BYTES = Integer.MAX_VALUE - 16L;
    private static final int CHUNK = 64 * 1024;

    private WholeFile() {}

    /** The file's bytes: {@code bytes[0, length)} (the buffer is not trimmed: a copy would pass the charge). */
    public record Content(byte[] bytes, int length) {}

    /**
     * Reads {@code path} whole, charging its buffer to {@code charge}. {@code what}: the file as an error names it
     * ("The multiLine JSON file x"); {@code remedy}: the way out besides a larger budget.
     */
    public static Content read(Storage storage, String path, BufferBudget.Charge charge, String what, String remedy) {
        try (InputStream in = Compression.forPath(path).decompress(storage.open(path))) {
            byte[] buf = new byte[0];
            int size = 0;
            while (true) {
                if (size == buf.length) {
                    if (size >= MAX_BYTES) throw tooLarge(what, MAX_BYTES + " bytes (one Java array)", remedy);
                    int capacity = (int) Math.min(MAX_BYTES, Math.max(CHUNK, 2L * buf.length));
                    charge(charge, capacity - buf.length, what, remedy);
                    buf = Arrays.copyOf(buf, capacity);
                }
                int n = in.read(buf, size, buf.length - size);
                if (n < 0) break;
                size += n;
            }
            return new Content(buf, size);
        } catch (IOException e) {
            throw DecompressionErrors.of(path, e, 0);
        }
    }

    /** Charges {@code bytes} more for the file's value, or fails with LIMIT_EXCEEDED naming the budget. */
    public static void charge(BufferBudget.Charge charge, long bytes, String what, String remedy) {
        if (charge.tryGrow(bytes)) return;
        throw tooLarge(what, BufferBudgetScope.current().describe(), remedy
                + " Or raise the memory budget (Sluice.builder().memoryBudget(bytes) or -Dsluice.memory.budget) and the heap (-Xmx).");
    }

    private static SluiceException tooLarge(String what, String limit, String remedy) {
        return SluiceException.of(ErrorCode.LIMIT_EXCEEDED).with("what", what).with("limit", limit).with("remedy", remedy).build();
    }
}
