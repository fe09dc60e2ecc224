package dev.sluice.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Commands whose picocli model is built in code rather than read from annotations: the top command, which every
 * command line builds, and quick commands such as {@code cat}. Reading a command's annotations was most of a quick
 * command's start-up: the JDK makes a proxy class for each annotation type ({@code java.lang.reflect.Proxy}, which
 * Java 17's class-data archive cannot hold) and picocli reflects over every field (docs/benchmark.md, "Start-up of
 * a quick command"). A command built here reads its values from its {@link ParseResult}. Public for other modules'
 * commands that every run of theirs builds (the benchmark's child commands).
 */
public final class CommandSpecs {
    private CommandSpecs() {}

    /**
     * A command named {@code name} running {@code userObject} (a {@link java.util.concurrent.Callable}), with the
     * options of picocli's {@code mixinStandardHelpOptions} ({@code -h}, {@code -V}) added in code as well, as the
     * mixin would read them from annotations.
     */
    public static CommandSpec command(String name, Object userObject, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(userObject);
        spec.name(name);
        spec.usageMessage().description(description);
        spec.addOption(flag("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(flag("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        return spec;
    }

    /** An option without a value, false unless given. */
    public static OptionSpec.Builder flag(String... names) {
        return OptionSpec.builder(names).type(boolean.class).initialValue(false);
    }

    /** The value of option {@code name} of the command that {@code spec} describes (its default when not given). */
    public static <T> T option(CommandSpec spec, String name) {
        return spec.findOption(name).getValue();
    }
}
