package dev.sluice.bench;

import dev.sluice.cli.CommandSpecs;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code sluice bench}: the workload queries on one engine, the comparison of all engines, and JMH. Its model and
 * those of the child JVMs' commands (q1..q3, m1..m6) are built in code ({@link CommandSpecs}), as every run of a
 * child builds them; the others read theirs from their annotations.
 */
public final class BenchCommand implements Callable<Integer> {
    private CommandSpec spec;

    private BenchCommand() {}

    /**
     * The command with its subcommands: q1, q2, q3 (one engine, one query), compare, m1..m6 and memory, and jmh; only
     * the one {@code rest} (the arguments after {@code bench}) names when it names one, as picocli reads each model
     * by reflection when it is added (most of a query's child JVM's start: docs/benchmark.md, "start").
     */
    static CommandSpec build(List<String> rest) {
        BenchCommand command = new BenchCommand();
        CommandSpec bench = CommandSpecs.command("bench", command,
                "Benchmarks: the workload on Sluice, Spark (local[2]) and DuckDB (2 threads); JMH micro-benchmarks.");
        command.spec = bench;
        String only = firstNonOption(rest);
        CommandSpec named = only == null ? null : subcommand(only);
        if (named != null) {
            bench.addSubcommand(only, named);
        } else {
            for (String name : subcommandNames()) bench.addSubcommand(name, subcommand(name));
        }
        return bench;
    }

    private static String firstNonOption(List<String> args) {
        for (String arg : args) if (!arg.startsWith("-")) return arg;
        return null;
    }

    /** The subcommands' names, in the order of the usage text. */
    static List<String> subcommandNames() {
        List<String> names = new ArrayList<>();
        for (Query q : Query.values()) names.add(q.id());
        names.add("compare");
        for (MemoryJob j : MemoryJob.values()) names.add(j.id());
        names.add("memory");
        names.add("jmh");
        return names;
    }

    /** The model of subcommand {@code name}; null when there is none of that name. */
    private static CommandSpec subcommand(String name) {
        for (Query q : Query.values()) if (q.id().equals(name)) return QueryCommand.spec(q);
        for (MemoryJob j : MemoryJob.values()) if (j.id().equals(name)) return MemoryJobCommand.spec(j);
        switch (name) {
            case "compare": return CommandSpec.forAnnotatedObject(new CompareCommand());
            case "memory": return CommandSpec.forAnnotatedObject(new MemoryCommand());
            case "jmh":
                CommandSpec jmh = CommandSpec.forAnnotatedObject(new JmhCommand());
                jmh.parser().unmatchedOptionsArePositionalParams(true);   // JMH's options (-f 1 -wi 3) pass through in order
                return jmh;
            default: return null;
        }
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
