package dev.sluice.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * Stands in for {@code bench} when the benchmark module is not on the classpath (the default, light build of the
 * CLI): says how to get it instead of picocli's "unmatched argument".
 */
@Command(name = "bench", description = "Benchmarks against Spark and DuckDB (needs the sluice-bench module; ./sluice builds it on first use).")
final class BenchUnavailableCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Unmatched
    private List<String> ignored;

    @Parameters(hidden = true, arity = "0..*")
    private List<String> args;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("error: the benchmark module (sluice-bench) is not on the classpath. "
                + "Run it through the ./sluice launcher, which builds sluice-bench and its dependencies (Spark, DuckDB) "
                + "the first time `./sluice bench` is used.");
        spec.commandLine().getErr().flush();
        return ExitCodes.USAGE;
    }
}
