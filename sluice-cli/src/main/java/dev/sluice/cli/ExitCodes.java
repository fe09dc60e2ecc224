package dev.sluice.cli;

import dev.sluice.error.ErrorCode;

/**
 * The process exit codes of the {@code sluice} command, one per error category so that scripts can tell a
 * mistake in the job from a failure on the data or a bug. Documented in the README; never renumber.
 */
final class ExitCodes {
    private ExitCodes() {}

    static final int OK = 0;
    /** Bad command line: picocli prints the usage. */
    static final int USAGE = 2;
    static final int ANALYSIS = 3;
    static final int PLAN = 4;
    /** Running failed on the data or the files (I/O errors included). */
    static final int EXECUTION = 5;
    static final int RESOURCES = 6;
    /** A bug in Sluice, including any exception that is not a SluiceException. */
    static final int INTERNAL = 7;

    static int of(ErrorCode.Category category) {
        switch (category) {
            case ANALYSIS: return ANALYSIS;
            case PLAN: return PLAN;
            case EXECUTION: return EXECUTION;
            case RESOURCES: return RESOURCES;
            case INTERNAL: return INTERNAL;
            default: throw new IllegalArgumentException("unknown category " + category);
        }
    }
}
