package dev.sluice.cli;

import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The top command: holds the shared options; alone, it prints its usage. {@link Main} adds the subcommands (all of
 * them, or only those a command line names: see {@link Main#newCommandLine(String[])}). Its model is built in code
 * ({@link CommandSpecs}), as every command line needs it.
 */
final class SluiceCommand implements Callable<Integer> {
    private CommandSpec spec;

    private SluiceCommand() {}

    /** The top command's model, with this command as its user object. */
    static CommandSpec spec() {
        SluiceCommand command = new SluiceCommand();
        CommandSpec spec = CommandSpecs.command("sluice", command,
                "Sluice: a lazy, partitioned dataframe engine for the JVM.");
        spec.versionProvider(new Version());
        spec.usageMessage().footer("", "Exit codes: 0 ok, 2 usage, 3 analysis error, 4 plan error, 5 execution or I/O error,",
                "6 out of resources, 7 internal error (a bug).");
        // Read by ErrorReporter through the parse result; inherited so every subcommand accepts them, before or after it.
        spec.addOption(CommandSpecs.flag("-v", "--verbose").scopeType(ScopeType.INHERIT)
                .description("Print stack traces of errors.").build());
        // Read through the parse result by Progress.listener
        spec.addOption(CommandSpecs.flag("-q", "--quiet").scopeType(ScopeType.INHERIT)
                .description("Show no progress (results and errors are still printed).").build());
        // Read through the parse result by Reports
        spec.addOption(OptionSpec.builder("--report").type(Path.class).scopeType(ScopeType.INHERIT)
                .paramLabel("FILE.html")
                .description("Write a job report (plan with per-operator rows and time, task timeline, peak memory) as one HTML file.")
                .build());
        command.spec = spec;
        return spec;
    }

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
