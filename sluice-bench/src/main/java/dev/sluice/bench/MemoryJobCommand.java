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
 * {@code sluice bench m1..m6 --engine sluice|duckdb --input PATH}: one memory job on one engine in this JVM
 * (run it with a small {@code -Xmx}). Prints {@code wall_s:}, {@code peak_rss_mb:} and {@code result:} as the
 * q* commands do.
 */
@Command(mixinStandardHelpOptions = true, description = "Run one memory-workload job on one engine and print its time, memory and result.")
final class MemoryJobCommand implements Callable<Integer> {
    private final MemoryJob job;

    @Spec
    private CommandSpec spec;

    @Option(names = "--engine", required = true, paramLabel = "ENGINE", description = "sluice or duckdb.")
    String engine;

    @Option(names = "--input", required = true, paramLabel = "PATH", description = "The JSON Lines logs.")
    Path input;

    @Option(names = "--output", paramLabel = "DIR", description = "Where M3 writes (replaced; default: out/bench/<job>-<engine>).")
    Path output;

    @Option(names = "--duckdb-memory", defaultValue = "256MB", paramLabel = "SIZE", description = "DuckDB's memory_limit (default: ${DEFAULT-VALUE}).")
    String duckdbMemory;

    MemoryJobCommand(MemoryJob job) { this.job = job; }

    @Override
    public Integer call() throws Exception {
        String e = engine.toLowerCase(Locale.ROOT);
        if (!e.equals("sluice") && !e.equals("duckdb")) throw new ParameterException(spec.commandLine(), "--engine must be sluice or duckdb");
        if (!Files.exists(input)) throw new ParameterException(spec.commandLine(), "--input " + input + ": no such file or directory");
        Path out = (output != null ? output : Path.of("out", "bench", job.id() + "-" + e)).toAbsolutePath();
        PrintWriter w = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        long count = e.equals("sluice") ? MemoryJobs.sluice(job, input.toAbsolutePath(), out)
                : MemoryJobs.duckdb(job, input.toAbsolutePath(), out, duckdbMemory);
        long t1 = System.nanoTime();
        long peak = ProcessMemory.peakRssBytes();
        w.println("engine: " + e);
        w.println("query: " + job.id());
        w.println(String.format(Locale.ROOT, "wall_s: %.3f", (t1 - t0) / 1e9));
        w.println("peak_rss_mb: " + (peak < 0 ? "n/a" : Long.toString(peak / (1024 * 1024))));
        w.flush();
        w.println("result: " + MemoryJobs.digest(job, out, count));
        w.flush();
        return 0;
    }
}
