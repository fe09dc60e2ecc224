package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.Locale;

/** What a write does when its target already exists (Spark's {@code DataFrameWriter.mode}). */
public enum SaveMode {
    /** Fail with PATH_ALREADY_EXISTS (the default; Spark's {@code error} / {@code errorifexists}). */
    ERROR_IF_EXISTS,
    /** Replace the target as a whole, once the new data is complete. */
    OVERWRITE,
    /** Add the new files next to the existing ones. */
    APPEND,
    /** Write nothing and report the write as skipped. */
    IGNORE;

    /** Parses Spark's spellings, ignoring case; {@code default} is {@link #ERROR_IF_EXISTS}. */
    public static SaveMode parse(String mode) {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "error", "errorifexists", "default" -> ERROR_IF_EXISTS;
            case "overwrite" -> OVERWRITE;
            case "append" -> APPEND;
            case "ignore" -> IGNORE;
            default -> throw SluiceException.of(ErrorCode.INVALID_OPTION)
                    .with("option", "mode").with("value", mode)
                    .with("reason", "use one of error, errorifexists, overwrite, append, ignore")
                    .build();
        };
    }
}
