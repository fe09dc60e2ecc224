package dev.sluice.cli;

import picocli.CommandLine;

import java.util.List;
import java.util.ServiceLoader;

/** Entry point of the {@code sluice} command (run by the {@code ./sluice} launcher). */
public final class Main {
    private Main() {}

    /** The built-in subcommands, in the order of the usage text. */
    private static final List<String> BUILT_IN = List.of("demo", "gen-logs", "run", "cat", "connect", "glue");

    /**
     * The command line of built-in subcommand {@code name}: quick commands have their model built in code
     * ({@link CommandSpecs}), the others read it from their annotations.
     */
    private static CommandLine builtIn(String name, CommandLine.IFactory factory) {
        switch (name) {
            case "demo": return annotated(factory, DemoCommand.class);
            case "gen-logs": return annotated(factory, GenLogsCommand.class);
            case "run": return annotated(factory, RunCommand.class);
            case "cat": return new CommandLine(CatCommand.spec(), factory);
            case "connect": return annotated(factory, ConnectCommand.class);
            case "glue": return annotated(factory, GlueCommand.class);
            default: throw new IllegalArgumentException("not a built-in command: " + name);
        }
    }

    public static void main(String[] args) {
        skipUnusedPicocliFeatures();
        System.exit(newCommandLine(args).execute(args));
    }

    /**
     * Turns off, through picocli's documented system properties, two things it does for every command line that
     * Sluice never uses (unless the properties are set already): looking for Groovy's {@code groovy.lang.Closure}
     * (a miss searched through every jar of the class path) and registering converters for {@code java.sql} and
     * {@code java.time} types by reflection (no Sluice option has such a type; one that did would fail every test
     * that parses it with picocli's "no TypeConverter registered").
     */
    private static void skipUnusedPicocliFeatures() {
        if (System.getProperty("picocli.disable.closures") == null) System.setProperty("picocli.disable.closures", "true");
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.(sql|time)\\..*");
        }
    }

    /** The command tree with Sluice's error reporting; tests set their own out and err writers on it. */
    static CommandLine newCommandLine() {
        return newCommandLine(CommandLine.defaultFactory(), null);
    }

    /** With {@code factory} creating the subcommands: tests use it to run the demo with a stand-in job. */
    static CommandLine newCommandLine(CommandLine.IFactory factory) {
        return newCommandLine(factory, null);
    }

    /**
     * The command tree for running {@code args}: only the subcommand that {@code args} names, or all of them when
     * it names none that is built in (usage, help, an unknown command, another module's command such as bench).
     * Picocli builds each subcommand's model by reflection when it is added, which took most of a quick command's
     * start: docs/benchmark.md, "Start-up and peak RSS".
     */
    static CommandLine newCommandLine(String[] args) {
        return newCommandLine(CommandLine.defaultFactory(), args);
    }

    private static CommandLine newCommandLine(CommandLine.IFactory factory, String[] args) {
        CommandLine commandLine = new CommandLine(SluiceCommand.spec(), factory);
        int at = args == null ? -1 : commandIndex(args);
        String only = at < 0 ? null : args[at];
        if (only != null && BUILT_IN.contains(only)) {
            commandLine.addSubcommand(only, builtIn(only, factory));
        } else {
            List<SubcommandProvider> providers = providers();   // one scan of the class path's jars
            SubcommandProvider named = only == null ? null : provided(providers, only);
            if (named != null) {
                // another module's command (bench): only it, and it only with what the rest of the line runs
                commandLine.addSubcommand(only, named.command(List.of(args).subList(at + 1, args.length)));
            } else {
                for (String name : BUILT_IN) commandLine.addSubcommand(name, builtIn(name, factory));
                boolean bench = false;
                for (SubcommandProvider provider : providers) {
                    commandLine.addSubcommand(provider.name(), provider.command());
                    bench |= provider.name().equals("bench");
                }
                if (!bench) commandLine.addSubcommand("bench", new BenchUnavailableCommand());
            }
        }
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        return commandLine;
    }

    /**
     * The first argument that is neither an option of the top command nor the value of one: the subcommand picocli
     * will run. {@code --report} is the top command's only option with a separate value ({@code --report=F} is one
     * argument).
     */
    static String commandName(String[] args) {
        int at = commandIndex(args);
        return at < 0 ? null : args[at];
    }

    /** Where {@link #commandName} is in {@code args}; -1 when it names none. */
    private static int commandIndex(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--report")) i++;
            else if (!arg.startsWith("-")) return i;
        }
        return -1;
    }

    /** The subcommands other modules on the class path provide ({@link SubcommandProvider}), in the loader's order. */
    private static List<SubcommandProvider> providers() {
        List<SubcommandProvider> providers = new java.util.ArrayList<>();
        ServiceLoader.load(SubcommandProvider.class, Main.class.getClassLoader()).forEach(providers::add);
        return providers;
    }

    /** The provider of the command {@code name} among {@code providers}; null when none provides it. */
    private static SubcommandProvider provided(List<SubcommandProvider> providers, String name) {
        for (SubcommandProvider provider : providers) {
            if (provider.name().equals(name)) return provider;
        }
        return null;
    }

    private static CommandLine annotated(CommandLine.IFactory factory, Class<?> command) {
        return new CommandLine(command, factory);
    }
}
