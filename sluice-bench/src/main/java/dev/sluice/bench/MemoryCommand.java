package dev.sluice.bench;

import dev.sluice.cli.LogGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code sluice bench memory}: the memory workload (M1–M6 of WORKLOAD.md) on Sluice in a child JVM with a small
 * heap ({@code --heap}, default 64m) and on DuckDB with a memory limit ({@code --duckdb-memory}, default 256MB),
 * each job and engine in a fresh JVM so that the peak resident memory is that run's alone. Prints wall time and
 * peak RSS per job and engine and checks that the engines' results agree.
 */
@Command(name = "memory", mixinStandardHelpOptions = true,
        description = "Run the memory workload (M1-M6) on Sluice with a small heap and DuckDB with a memory limit.")
final class MemoryCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--rows", defaultValue = "1000000", paramLabel = "N", description = "Log lines to generate (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Seed of the data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--input", paramLabel = "PATH", description = "Use these logs instead of generating.")
    Path input;

    @Option(names = "--heap", defaultValue = "64m", paramLabel = "SIZE", description = "Sluice's -Xmx (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--duckdb-memory", defaultValue = "256MB", paramLabel = "SIZE", description = "DuckDB's memory_limit (default: ${DEFAULT-VALUE}).")
    String duckdbMemory;

    @Option(names = "--jobs", defaultValue = "m1,m2,m3,m4,m5,m6", split = ",", paramLabel = "J", description = "Jobs (default: ${DEFAULT-VALUE}).")
    List<String> jobs;

    @Option(names = "--engines", defaultValue = "sluice,duckdb", split = ",", paramLabel = "E", description = "Engines (default: ${DEFAULT-VALUE}).")
    List<String> engines;

    @Option(names = "--data", defaultValue = "data", paramLabel = "DIR", description = "Directory of the generated logs (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--out", defaultValue = "out/bench-memory", paramLabel = "DIR", description = "Outputs and child logs (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--jvm-opt", paramLabel = "OPT", description = "An extra option for every child JVM; repeatable.")
    List<String> jvmOpts = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<MemoryJob> js = new ArrayList<>();
        try {
            for (String j : jobs) js.add(MemoryJob.parse(j));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--jobs takes m1 to m6, got " + jobs);
        }
        for (String e : engines) {
            if (!e.equals("sluice") && !e.equals("duckdb")) throw new ParameterException(spec.commandLine(), "--engines takes sluice and duckdb, got " + e);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path data = input != null ? input : ensureData(out);
        Files.createDirectories(outDir.resolve("logs"));
        Map<String, ChildRun> results = new LinkedHashMap<>();
        for (MemoryJob j : js) {
            for (String e : engines) {
                ChildRun r = runChild(j, e, data);
                results.put(j.id() + "/" + e, r);
                out.println(String.format(Locale.ROOT, "%s %-6s %s", j.id(), e, r.ok()
                        ? String.format(Locale.ROOT, "wall %.2f s, peak RSS %d MiB, result %s", r.wallSeconds(), r.peakRssMb(), r.digest())
                        : "FAILED: " + r.failure()));
                out.flush();
            }
        }
        out.println();
        out.println("date " + LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", input " + data + " (" + Files.size(data) / (1024 * 1024) + " MiB); sluice -Xmx"
                + heap + ", duckdb memory_limit " + duckdbMemory + ", 2 threads each; ratio = duckdb / sluice");
        out.println(String.format(Locale.ROOT, "%-4s %-7s %9s %9s %7s  %s", "job", "engine", "wall_s", "rss_mb", "ratio", "result"));
        boolean agree = true;
        for (MemoryJob j : js) {
            ChildRun base = results.get(j.id() + "/sluice");
            Digest reference = null;
            for (String e : engines) {
                ChildRun r = results.get(j.id() + "/" + e);
                if (r.ok() && reference == null) reference = r.digest();
            }
            for (String e : engines) {
                ChildRun r = results.get(j.id() + "/" + e);
                if (!r.ok()) {
                    out.println(String.format(Locale.ROOT, "%-4s %-7s %9s %9s %7s  failed: %s", j.id(), e, "-", "-", "-", r.failure()));
                    continue;
                }
                boolean same = r.digest().agrees(reference);
                agree &= same;
                String ratio = base != null && base.ok() && base.wallSeconds() > 0
                        ? String.format(Locale.ROOT, "%.2fx", r.wallSeconds() / base.wallSeconds()) : "-";
                out.println(String.format(Locale.ROOT, "%-4s %-7s %9.2f %9d %7s  %s", j.id(), e, r.wallSeconds(), r.peakRssMb(), ratio,
                        (same ? "ok " : "DIFFERS ") + r.digest()));
            }
        }
        out.flush();
        if (!agree) {
            spec.commandLine().getErr().println("error: the engines' results differ (see the table)");
            return 5;
        }
        return 0;
    }

    private Path ensureData(PrintWriter out) throws IOException {
        Path file = dataDir.resolve("logs-" + rows + "-" + seed + ".jsonl");
        if (Files.isRegularFile(file)) {
            out.println("data: " + file + " (generated earlier)");
        } else {
            out.println("data: generating " + rows + " log lines (seed " + seed + ") into " + file);
            out.flush();
            new LogGenerator(seed, 0).writeFile(file, rows);
        }
        out.flush();
        return file;
    }

    private ChildRun runChild(MemoryJob job, String engine, Path data) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        List<String> sized = new ArrayList<>();
        sized.add("-Xmx" + heap);
        sized.addAll(jvmOpts);
        cmd.add("-Xmx" + heap);
        cmd.addAll(JvmFlags.SPARK);
        cmd.addAll(JvmFlags.JIT);
        cmd.addAll(JvmFlags.memory(sized, Runtime.getRuntime().availableProcessors()));   // as ./sluice runs
        cmd.addAll(jvmOpts);
        cmd.add("-cp");
        String classpath = System.getProperty("java.class.path");
        cmd.add(engine.equals("sluice") ? SluiceClasspath.of(classpath) : classpath);   // Sluice without Spark's jars
        cmd.add("dev.sluice.cli.Main");
        cmd.addAll(List.of("bench", job.id(), "--engine", engine, "--input", data.toAbsolutePath().toString(),
                "--output", outDir.resolve(job.id() + "-" + engine).toAbsolutePath().toString(), "--duckdb-memory", duckdbMemory));
        Path log = outDir.resolve("logs").resolve(job.id() + "-" + engine + ".log");
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        Map<String, String> lines = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                int colon = line.indexOf(": ");
                if (colon > 0) lines.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        int code = p.waitFor();
        if (code != 0) {
            String found = "no error line";
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) if (line.startsWith("error: ")) found = line.substring(7);
            return ChildRun.failed(found + " (exit " + code + ", log " + log + ")");
        }
        return ChildRun.parse(lines);
    }
}
