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

    @Option(names = "--jvm-archive", defaultValue = "auto", paramLabel = "MODE", description = "Class-data archives of"
            + " the child JVMs, one per engine and job, recorded by a training run on the input's first lines: auto"
            + " (record on first use, then reuse) or none (default: ${DEFAULT-VALUE}).")
    String jvmArchive;

    @Option(names = "--jvm-archive-dir", paramLabel = "DIR", description = "Where the archives are kept (default:"
            + " $SLUICE_CACHE_DIR/jvm, else $XDG_CACHE_HOME/sluice/jvm, else ~/.cache/sluice/jvm).")
    Path jvmArchiveDir;

    /** The archives of the job/engine pairs, as bench compare's ({@link ChildArchives}); null with --jvm-archive none. */
    private ChildArchives archives;

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
        if (!jvmArchive.equals("auto") && !jvmArchive.equals("none")) {
            throw new ParameterException(spec.commandLine(), "--jvm-archive takes auto or none, got " + jvmArchive);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path data = input != null ? input : ensureData(out);
        Files.createDirectories(outDir.resolve("logs"));
        if (jvmArchive.equals("auto")) {
            archives = new ChildArchives(ChildArchives.directory(jvmArchiveDir), Path.of(javaLauncher()), Runtime.version().feature(),
                    childFlags());
            for (MemoryJob j : js) {
                for (String e : engines) {
                    archives.prepare(j.id() + "/" + e, "bench-memory-" + j.id() + "-" + e, childClasspath(e), data, outDir.resolve("train"),
                            outDir.resolve("logs"), out, (flags, trainInput, output) -> childCommand(j, e, trainInput, output, flags));
                }
            }
        }
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
        out.println(archives == null ? "class-data archives: none" : archives.describe("job"));
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

    /** The java launcher of the child JVMs: this JVM's. */
    private static String javaLauncher() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The flags every child JVM shares, whatever its engine (and the key of the archives): the small heap, as ./sluice runs, the user's options last. */
    private List<String> childFlags() {
        return childFlags(JvmFlags.JIT);
    }

    /** The flags of a child JVM running {@code engine} on {@code data}: Sluice's JIT policy by its input's size, as its launcher's. */
    private List<String> childFlags(String engine, Path data) {
        return childFlags(JvmFlags.jitOfChild(engine, data));
    }

    private List<String> childFlags(List<String> jit) {
        List<String> sized = new ArrayList<>();
        sized.add("-Xmx" + heap);
        sized.addAll(jvmOpts);
        List<String> flags = new ArrayList<>();
        flags.add("-Xmx" + heap);
        flags.addAll(JvmFlags.SPARK);
        flags.addAll(jit);
        flags.addAll(JvmFlags.memory(sized, Runtime.getRuntime().availableProcessors()));   // as ./sluice runs
        flags.addAll(jvmOpts);
        return flags;
    }

    /**
     * Sluice without Spark's jars ({@link SluiceClasspath}); DuckDB on this JVM's. The archive of a slot is recorded
     * with the same entries: a JVM whose class path differs from its archive's maps none of it.
     */
    private static List<String> childClasspath(String engine) {
        String classpath = System.getProperty("java.class.path");
        return engine.equals("sluice") ? SluiceClasspath.entries(classpath) : JvmArchive.classpathEntries(classpath);
    }

    private List<String> childCommand(MemoryJob job, String engine, Path data, Path output, List<String> archiveFlags) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaLauncher());
        cmd.addAll(archiveFlags);
        cmd.addAll(childFlags(engine, data));
        cmd.add("-cp");
        cmd.add(String.join(java.io.File.pathSeparator, childClasspath(engine)));
        cmd.add("dev.sluice.cli.Main");
        cmd.addAll(List.of("bench", job.id(), "--engine", engine, "--input", data.toAbsolutePath().toString(),
                "--output", output.toAbsolutePath().toString(), "--duckdb-memory", duckdbMemory));
        return cmd;
    }

    private ChildRun runChild(MemoryJob job, String engine, Path data) throws IOException, InterruptedException {
        List<String> cmd = childCommand(job, engine, data, outDir.resolve(job.id() + "-" + engine),
                archives == null ? List.of() : archives.useFlags(job.id() + "/" + engine));
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
