package dev.sluice.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code sluice bench}: the workload queries on one engine, the comparison of all engines, and JMH. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: the workload on Sluice, Spark (local[2]) and DuckDB (2 threads); JMH micro-benchmarks.")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /** The command with its subcommands: q1, q2, q3 (one engine, one query), compare, m1..m6 and memory, and jmh. */
    static CommandLine.Model.CommandSpec build() {
        CommandSpec bench = CommandSpec.forAnnotatedObject(new BenchCommand());
        for (Query q : Query.values()) bench.addSubcommand(q.id(), CommandSpec.forAnnotatedObject(new QueryCommand(q)));
        bench.addSubcommand("compare", CommandSpec.forAnnotatedObject(new CompareCommand()));
        for (MemoryJob j : MemoryJob.values()) bench.addSubcommand(j.id(), CommandSpec.forAnnotatedObject(new MemoryJobCommand(j)));
        bench.addSubcommand("memory", CommandSpec.forAnnotatedObject(new MemoryCommand()));
        CommandSpec jmh = CommandSpec.forAnnotatedObject(new JmhCommand());
        jmh.parser().unmatchedOptionsArePositionalParams(true);   // JMH's options (-f 1 -wi 3) pass through in order
        bench.addSubcommand("jmh", jmh);
        return bench;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
