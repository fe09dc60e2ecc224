package dev.sluice.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * The top command: holds the shared options; alone, it prints its usage. {@link Main} adds the subcommands (all of
 * them, or only those a command line names: see {@link Main#newCommandLine(String[])}).
 */
@Command(name = "sluice",
        mixinStandardHelpOptions = true,
        versionProvider = SluiceCommand.Version.class,
        description = "Sluice: a lazy, partitioned dataframe engine for the JVM.",
        footer = {"", "Exit codes: 0 ok, 2 usage, 3 analysis error, 4 plan error, 5 execution or I/O error,",
                  "6 out of resources, 7 internal error (a bug)."})
final class SluiceCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    // Read by ErrorReporter through the parse result; declared here so every subcommand accepts it.
    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    private boolean verbose;

    // Read through the parse result by Progress.listener; inherited so that it goes before or after the subcommand.
    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Show no progress (results and errors are still printed).")
    private boolean quiet;

    // Read through the parse result by Reports; inherited like --quiet.
    @Option(names = "--report", scope = ScopeType.INHERIT, paramLabel = "FILE.html",
            description = "Write a job report (plan with per-operator rows and time, task timeline, peak memory) as one HTML file.")
    private java.nio.file.Path report;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** The version stamped into the jar's manifest by Maven; "dev" when run from classes. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SluiceCommand.class.getPackage().getImplementationVersion();
            return new String[] {"sluice " + (v == null ? "dev" : v)};
        }
    }
}
