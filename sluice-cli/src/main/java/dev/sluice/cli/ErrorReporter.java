package dev.sluice.cli;

import dev.sluice.error.SluiceException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Turns a failed command into one line on stderr and an exit code by category: {@code error: <message>}. The stack
 * trace is printed only with {@code --verbose}, because for a user error it is noise; for anything that is not a
 * {@link SluiceException} (a bug) the line says so and suggests {@code --verbose}.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean verbose = verbose(parseResult);
        int exitCode;
        SluiceException sluice = find(ex, SluiceException.class);
        IOException io = find(ex, IOException.class);
        if (sluice != null) {
            err.println("error: " + sluice.getMessage());
            exitCode = ExitCodes.of(sluice.code().category());
        } else if (io != null) {
            err.println("error: I/O failure: " + io);
            exitCode = ExitCodes.EXECUTION;
        } else {
            err.println("error: internal error (this is a bug in Sluice, please report it): " + ex
                    + (verbose ? "" : " (run with --verbose for the stack trace)"));
            exitCode = ExitCodes.INTERNAL;
        }
        if (verbose) ex.printStackTrace(err);
        err.flush();
        return exitCode;
    }

    /** True when {@code --verbose} was given to the top command or to any subcommand on the line. */
    static boolean verbose(ParseResult parseResult) {
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption("--verbose")) return true;
        }
        return false;
    }

    /** The first throwable of type {@code type} in the cause chain (so wrapped causes count). */
    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) return type.cast(c);
        }
        return null;
    }
}
