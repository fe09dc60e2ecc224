package dev.sluice.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code sluice bench q1|q2|q3 --engine E --input PATH [--output DIR]}: one engine, one query, in this JVM. Prints
 * {@code startup_s:} (session start), {@code wall_s:} (the query), {@code peak_rss_mb:} (the process's peak resident
 * memory, taken before the digest is computed), then last {@code result: <digest>}.
 */
@Command(mixinStandardHelpOptions = true, description = "Run one workload query on one engine and print its time, memory and result digest.")
final class QueryCommand implements Callable<Integer> {
    private final Query query;

    @Spec
    private CommandSpec spec;

    @Option(names = "--engine", required = true, paramLabel = "ENGINE", description = "sluice, spark or duckdb.")
    String engine;

    @Option(names = "--input", required = true, paramLabel = "PATH", description = "The JSON Lines logs (a file or a directory).")
    Path input;

    @Option(names = "--output", paramLabel = "DIR", description = "Where Q1/Q2 write (replaced; default: out/bench/<query>-<engine>).")
    Path output;

    QueryCommand(Query query) {
        this.query = query;
    }

    @Override
    public Integer call() throws Exception {
        if (!Engines.NAMES.contains(engine.toLowerCase(Locale.ROOT))) {
            throw new ParameterException(spec.commandLine(), "--engine must be one of " + Engines.NAMES + ", got " + engine);
        }
        if (!Files.exists(input)) throw new ParameterException(spec.commandLine(), "--input " + input + ": no such file or directory");
        Path out = output != null ? output : Path.of("out", "bench", query.id() + "-" + engine.toLowerCase(Locale.ROOT));
        PrintWriter w = spec.commandLine().getOut();
        try (BenchEngine e = Engines.create(engine)) {
            long t0 = System.nanoTime();
            e.start();
            long t1 = System.nanoTime();
            long count = e.run(query, input.toAbsolutePath(), out.toAbsolutePath());
            long t2 = System.nanoTime();
            long peak = ProcessMemory.peakRssBytes();
            w.println("engine: " + e.name());
            w.println("query: " + query.id());
            w.println(String.format(Locale.ROOT, "startup_s: %.3f", (t1 - t0) / 1e9));
            w.println(String.format(Locale.ROOT, "wall_s: %.3f", (t2 - t1) / 1e9));
            w.println("peak_rss_mb: " + (peak < 0 ? "n/a" : Long.toString(peak / (1024 * 1024))));
            w.flush();
            Digest digest = Digests.of(query, out.toAbsolutePath(), count);
            w.println("result: " + digest);
            w.flush();
        }
        return 0;
    }
}
