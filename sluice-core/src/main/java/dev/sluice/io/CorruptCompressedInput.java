package dev.sluice.io;

import java.io.IOException;

/**
 * A compressed stream that cannot be decoded: damaged, truncated, or followed by bytes that are not
 * compressed data. Carries the byte offset in the compressed file where decoding stopped, so the reader can
 * name the file, the offset and the last complete line in one coded error ({@link DecompressionErrors}).
 */
public final class CorruptCompressedInput extends IOException {
    private final long offset;
    private final String problem;

    public CorruptCompressedInput(long offset, String problem, Throwable cause) {
        super(problem + " at byte " + offset, cause);
        this.offset = offset;
        this.problem = problem;
    }

    /** Byte offset in the compressed file. */
    public long offset() { return offset; }

    /** What is wrong, without the offset. */
    public String problem() { return problem; }
}
