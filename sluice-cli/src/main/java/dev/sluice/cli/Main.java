package dev.sluice.cli;

import picocli.CommandLine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/** Entry point of the {@code sluice} command (run by the {@code ./sluice} launcher). */
public final class Main {
    private Main() {}

    /** The built-in subcommands, in the order of the usage text. */
    private static final Map<String, Class<?>> BUILT_IN = builtIn();

    private static Map<String, Class<?>> builtIn() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("demo", DemoCommand.class);
        commands.put("gen-logs", GenLogsCommand.class);
        commands.put("run", RunCommand.class);
        commands.put("cat", CatCommand.class);
        commands.put("connect", ConnectCommand.class);
        commands.put("glue", GlueCommand.class);
        return commands;
    }

    public static void main(String[] args) {
        System.exit(newCommandLine(args).execute(args));
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
        CommandLine commandLine = new CommandLine(new SluiceCommand(), factory);
        String only = args == null ? null : commandName(args);
        if (only != null && BUILT_IN.containsKey(only)) {
            commandLine.addSubcommand(only, create(factory, BUILT_IN.get(only)));
        } else {
            for (Map.Entry<String, Class<?>> command : BUILT_IN.entrySet()) {
                commandLine.addSubcommand(command.getKey(), create(factory, command.getValue()));
            }
            boolean bench = false;
            for (SubcommandProvider provider : ServiceLoader.load(SubcommandProvider.class, Main.class.getClassLoader())) {
                commandLine.addSubcommand(provider.name(), provider.command());
                bench |= provider.name().equals("bench");
            }
            if (!bench) commandLine.addSubcommand("bench", new BenchUnavailableCommand());
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
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--report")) i++;
            else if (!arg.startsWith("-")) return arg;
        }
        return null;
    }

    private static CommandLine create(CommandLine.IFactory factory, Class<?> command) {
        return new CommandLine(command, factory);
    }
}
