package dev.sluice.glue;

import java.util.List;

/**
 * A function applied one record at a time inside a plan (a user's map or filter, a reader's parser): zero or
 * more output records per input. Throwing (or returning a record marked with setError) makes the input an
 * error record with the exception's message; {@link RecordError} also names the input text.
 */
@FunctionalInterface
interface RecordOp extends java.io.Serializable {
    List<DynamicRecord> apply(DynamicRecord record) throws Exception;

    /** A failure that names the input it could not process (a reader's malformed line, say). */
    final class RecordError extends Exception {
        final String input;
        final DynamicRecord partial;
        final Long line;   // the input's line in its file when the op knows it (a whole file's parser), else null

        RecordError(String message, String input, DynamicRecord partial) { this(message, input, partial, null); }

        RecordError(String message, String input, DynamicRecord partial, Long line) {
            super(message);
            this.input = input;
            this.partial = partial;
            this.line = line;
        }
    }
}
