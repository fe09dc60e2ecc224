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

        RecordError(String message, String input, DynamicRecord partial) {
            super(message);
            this.input = input;
            this.partial = partial;
        }
    }
}
