package dev.sluice.cli;

import picocli.CommandLine;

import java.util.ServiceLoader;

/** Entry point of the {@code sluice} command (run by the {@code ./sluice} launcher). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The command tree with Sluice's error reporting; tests set their own out and err writers on it. */
    static CommandLine newCommandLine() {
        return newCommandLine(CommandLine.defaultFactory());
    }

    /** With {@code factory} creating the subcommands: tests use it to run the demo with a stand-in job. */
    static CommandLine newCommandLine(CommandLine.IFactory factory) {
        CommandLine commandLine = new CommandLine(new SluiceCommand(), factory);
        boolean bench = false;
        for (SubcommandProvider provider : ServiceLoader.load(SubcommandProvider.class, Main.class.getClassLoader())) {
            commandLine.addSubcommand(provider.name(), provider.command());
            bench |= provider.name().equals("bench");
        }
        if (!bench) commandLine.addSubcommand("bench", new BenchUnavailableCommand());
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        return commandLine;
    }
}
