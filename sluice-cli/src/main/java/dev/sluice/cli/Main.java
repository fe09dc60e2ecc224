package dev.sluice.cli;

import picocli.CommandLine;

/** Entry point of the {@code sluice} command (run by the {@code ./sluice} launcher). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The command tree with Sluice's error reporting; tests set their own out and err writers on it. */
    static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new SluiceCommand());
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        return commandLine;
    }
}
