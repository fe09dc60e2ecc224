package dev.sluice.io.json;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.LineReader;
import dev.sluice.json.JsonBatchBuilder;
import dev.sluice.json.MalformedJsonException;
import dev.sluice.json.RecordOutcome;

/**
 * The records of one split's lines into a {@link JsonBatchBuilder}. Each record is first offered to the builder's
 * fast path straight from the line reader's buffer ({@link JsonBatchBuilder#appendLine}), which finds the line's end
 * where the record's object closes; only when it cannot (a malformed or unusual record, a blank line, a line running
 * past the buffered bytes) is the line found by the reader's newline search and appended as before. So the common
 * record's bytes are passed over once instead of twice, with the same rows.
 * <p>Not thread-safe: one per reader.
 */
final class JsonLineRecords {
    /**
     * The fast path is offered a record only while this many bytes are buffered (or the input's last bytes): a scan
     * that runs into the end of the buffered bytes in the middle of a record takes paths that good records never take,
     * and in compiled code each such path is an uncommon trap that throws the scanner's compiled methods away (measured:
     * the scanner's largest methods compiled five times per 1M-row run instead of three). The last 16 KiB of each
     * 1 MiB buffer go through the line reader's search instead.
     */
    static final int MIN_BUFFERED_BYTES = 16 * 1024;

    private final LineReader lines;
    private final JsonBatchBuilder builder;
    /** Integer.MAX_VALUE: every line is found by the line reader first (tests compare the two ways). */
    private final int minBuffered;
    private long dropped;

    JsonLineRecords(LineReader lines, JsonBatchBuilder builder) { this(lines, builder, MIN_BUFFERED_BYTES); }

    /** {@code minBuffered}: see {@link #MIN_BUFFERED_BYTES} (tests use 0, and Integer.MAX_VALUE for the line reader only). */
    JsonLineRecords(LineReader lines, JsonBatchBuilder builder, int minBuffered) {
        this.lines = lines;
        this.builder = builder;
        this.minBuffered = minBuffered;
    }

    /** Appends records until the builder holds {@code rows} rows or the split ends; false when it ended. */
    boolean fill(int rows) {
        while (builder.rowCount() < rows) {
            if (lines.hasUnread() && minBuffered != Integer.MAX_VALUE
                    && (lines.unreadEnd() - lines.unreadStart() >= minBuffered || lines.unreadEndsInput())) {
                int lineEnd = builder.appendLine(lines.buffer(), lines.unreadStart(), lines.unreadEnd(), lines.unreadEndsInput());
                if (lineEnd >= 0) {
                    lines.takeLine(lineEnd);
                    continue;
                }
            }
            if (!lines.next()) return false;
            appendCurrentLine();
        }
        return true;
    }

    /** Records dropped as malformed (DROPMALFORMED) so far. */
    long dropped() { return dropped; }

    private void appendCurrentLine() {
        RecordOutcome outcome;
        try {
            outcome = builder.append(lines.buffer(), lines.offset(), lines.length());
        } catch (MalformedJsonException e) {
            throw SluiceException.of(ErrorCode.MALFORMED_RECORD).with("location", lines.location())
                    .with("reason", e.reason()).build();
        } catch (SluiceException e) {
            if (e.code() != ErrorCode.LIMIT_EXCEEDED) throw e;
            throw SluiceException.of(ErrorCode.LIMIT_EXCEEDED).with("what", "The JSON record at " + lines.location())
                    .with("limit", e.fact("limit")).with("remedy", e.fact("remedy")).cause(e).build();
        }
        if (outcome == RecordOutcome.DROPPED) dropped++;
    }
}
