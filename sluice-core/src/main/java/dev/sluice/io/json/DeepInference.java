package dev.sluice.io.json;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.LargeStack;

import java.util.function.Supplier;

/**
 * Runs JSON schema inference on a thread with a large stack: inference follows the data's nesting, so a record
 * nested thousands of levels deep (up to the {@code maxNestingDepth} limit, default 10,000) needs more stack
 * than a caller's thread may have. The stack is reserved, not committed: memory is used only as deep as the
 * data goes. If even that is exhausted, the error names the limit and the ways out.
 */
final class DeepInference {
    /** Stack of the inference thread: property sluice.json.inferenceStackBytes. */
    static final long STACK_BYTES = Long.getLong("sluice.json.inferenceStackBytes", 512L * 1024 * 1024);

    private DeepInference() {}

    static <T> T run(Supplier<T> inference) {
        try {
            return LargeStack.call("sluice-json-inference", STACK_BYTES, inference);
        } catch (StackOverflowError e) {
            throw SluiceException.of(ErrorCode.LIMIT_EXCEEDED).with("what", "The nesting of the JSON records read for schema inference")
                    .with("limit", "the inference thread's stack of " + STACK_BYTES + " bytes")
                    .with("remedy", "Give the schema with schema(...) (deep fields can be read as STRING), lower the JSON option "
                            + "maxNestingDepth, or raise -Dsluice.json.inferenceStackBytes.")
                    .build();
        }
    }
}
