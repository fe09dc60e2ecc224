package dev.sluice.bench;

import dev.sluice.cli.CommandSpecs;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

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
final class MemoryJobCommand implements Callable<Integer> {
    private final MemoryJob job;
    private CommandSpec spec;

    /** The command's model, built in code ({@link dev.sluice.cli.CommandSpecs}: every child JVM builds it). */
    static CommandSpec spec(MemoryJob job) {
        MemoryJobCommand command = new MemoryJobCommand(job);
        CommandSpec spec = CommandSpecs.command(job.id(), command,
                "Run one memory-workload job on one engine and print its time, memory and result.");
        spec.addOption(OptionSpec.builder("--engine").required(true).paramLabel("ENGINE").type(String.class)
                .description("sluice or duckdb.").build());
        spec.addOption(OptionSpec.builder("--input").required(true).paramLabel("PATH").type(Path.class)
                .description("The JSON Lines logs.").build());
        spec.addOption(OptionSpec.builder("--output").paramLabel("DIR").type(Path.class)
                .description("Where M3 writes (replaced; default: out/bench/<job>-<engine>).").build());
        spec.addOption(OptionSpec.builder("--duckdb-memory").paramLabel("SIZE").type(String.class).defaultValue("256MB")
                .description("DuckDB's memory_limit (default: ${DEFAULT-VALUE}).").build());
        command.spec = spec;
        return spec;
    }

    private MemoryJobCommand(MemoryJob job) { this.job = job; }

    @Override
    public Integer call() throws Exception {
        String engine = CommandSpecs.option(spec, "--engine");
        Path input = CommandSpecs.option(spec, "--input");
        Path output = CommandSpecs.option(spec, "--output");
        String duckdbMemory = CommandSpecs.option(spec, "--duckdb-memory");
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
