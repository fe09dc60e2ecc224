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
 * {@code sluice bench compare}: generates the logs once, then runs every engine on every query, in alternation
 * (run 1 of each pair, then run 2 of each, ...) so that a slow phase of the shared machine hits all engines alike.
 * Each run is a fresh JVM with the same flags ({@code sluice bench q* --engine E}), so that the peak resident memory
 * is that engine's alone; Sluice's on the CLI's class path ({@link SluiceClasspath}), the others on this one's. Checks that all engines' digests agree per query and prints medians and
 * ratios against Sluice (above 1: Sluice is faster or smaller).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Run every engine on every query in separate JVMs and compare times, memory and results.")
final class CompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--rows", defaultValue = "1000000", paramLabel = "N", description = "Log lines to generate (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Seed of the data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--input", paramLabel = "PATH", description = "Use these logs instead of generating (then --rows and --seed are not used).")
    Path input;

    @Option(names = "--queries", defaultValue = "q1,q2,q3", split = ",", paramLabel = "Q", description = "Queries (default: ${DEFAULT-VALUE}).")
    List<String> queries;

    @Option(names = "--engines", defaultValue = "sluice,spark,duckdb", split = ",", paramLabel = "E", description = "Engines (default: ${DEFAULT-VALUE}).")
    List<String> engines;

    @Option(names = "--runs", defaultValue = "3", paramLabel = "R", description = "Runs of each engine on each query (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--data", defaultValue = "data", paramLabel = "DIR", description = "Directory of the generated logs (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--out", defaultValue = "out/bench", paramLabel = "DIR", description = "Outputs and child logs (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--jvm", paramLabel = "VERSION", description = "The Java of the child JVMs: a feature version"
            + " of an installed JDK (17, 25) or a JDK home (default: the running Java).")
    String jvm;

    /** The java launcher of the child JVMs (resolved from --jvm). */
    private String javaLauncher;

    @Option(names = "--jvm-opt", paramLabel = "OPT", description = "An option for every child JVM, e.g. --jvm-opt=-Xmx4g; repeatable.")
    List<String> jvmOpts = new ArrayList<>();

    @Option(names = "--jvm-archive", defaultValue = "auto", paramLabel = "MODE", description = "Class-data archives of"
            + " the child JVMs, one per engine and query, recorded by a training run on the input's first lines: auto"
            + " (record on first use, then reuse) or none (default: ${DEFAULT-VALUE}).")
    String jvmArchive;

    @Option(names = "--jvm-archive-dir", paramLabel = "DIR", description = "Where the archives are kept (default:"
            + " $SLUICE_CACHE_DIR/jvm, else $XDG_CACHE_HOME/sluice/jvm, else ~/.cache/sluice/jvm).")
    Path jvmArchiveDir;

    /** The archives of the query/engine pairs (see {@link #prepareArchives}); null with --jvm-archive none. */
    private ChildArchives archives;

    @Override
    public Integer call() throws Exception {
        List<Query> qs = new ArrayList<>();
        try {
            for (String q : queries) qs.add(Query.parse(q));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--queries takes q1, q2, q3 and q1csv, got " + queries);
        }
        for (String e : engines) {
            if (!Engines.NAMES.contains(e)) throw new ParameterException(spec.commandLine(), "--engines takes " + Engines.NAMES + ", got " + e);
        }
        if (runs < 1) throw new ParameterException(spec.commandLine(), "--runs must be >= 1, got " + runs);
        if (!jvmArchive.equals("auto") && !jvmArchive.equals("none")) {
            throw new ParameterException(spec.commandLine(), "--jvm-archive takes auto or none, got " + jvmArchive);
        }
        javaLauncher = jvm == null || jvm.equals(JavaHomes.current())
                ? ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString())
                : JavaHomes.launcher(jvm).map(Path::toString).orElseThrow(() -> new ParameterException(spec.commandLine(),
                        "--jvm " + jvm + ": no such JDK under /usr/lib/jvm or /opt (give a version such as 17 or 25, or a JDK home)"));
        PrintWriter out = spec.commandLine().getOut();
        Path data = input != null ? input : ensureData(out);
        Path csvData = null;
        for (Query q : qs) {
            if (q.readsCsv() && csvData == null) {
                csvData = CsvLogs.ensure(data);
                out.println("data (CSV form, for " + q.id() + "): " + csvData);
                out.flush();
            }
        }

        Map<String, List<ChildRun>> results = new LinkedHashMap<>();
        for (Query q : qs) for (String e : engines) results.put(key(q, e), new ArrayList<>());
        Files.createDirectories(outDir.resolve("logs"));
        if (jvmArchive.equals("auto")) prepareArchives(out, qs, data, csvData);
        for (int run = 1; run <= runs; run++) {
            for (Query q : qs) {
                for (String e : engines) {
                    List<ChildRun> done = results.get(key(q, e));
                    if (!done.isEmpty() && !done.get(0).ok()) continue;   // failed once (e.g. not supported): skip
                    ChildRun r = runChild(q, e, run, q.readsCsv() ? csvData : data);
                    done.add(r);
                    out.println(String.format(Locale.ROOT, "run %d/%d %s %-6s %s", run, runs, q.id(), e,
                            r.ok() ? String.format(Locale.ROOT, "wall %.2f s, startup %.2f s, peak RSS %d MiB, result %s",
                                    r.wallSeconds(), r.startupSeconds(), r.peakRssMb(), r.digest()) : "FAILED: " + r.failure()));
                    out.flush();
                }
            }
        }
        boolean agree = printTable(out, qs, results, data);
        out.flush();
        if (!agree) {
            spec.commandLine().getErr().println("error: the engines' results differ (see the table)");
            spec.commandLine().getErr().flush();
            return 5;
        }
        return 0;
    }

    private static String key(Query q, String engine) { return q.id() + "/" + engine; }

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

    /**
     * Records the archive of every query/engine pair that has none yet, by a training run of the same child command
     * on the input's first {@link TrainingInput#LINES} lines ({@link ChildArchives}), so that every engine's JVM
     * starts alike (the comparison stays like for like).
     */
    private void prepareArchives(PrintWriter out, List<Query> qs, Path data, Path csvData) throws IOException, InterruptedException {
        archives = new ChildArchives(ChildArchives.directory(jvmArchiveDir), Path.of(javaLauncher), javaFeature(), childFlags());
        Path trainDir = outDir.resolve("train");
        for (Query q : qs) {
            for (String e : engines) {
                archives.prepare(key(q, e), "bench-" + q.id() + "-" + e, childClasspath(e), q.readsCsv() ? csvData : data, trainDir,
                        outDir.resolve("logs"), out, (flags, input, output) -> childCommand(q, e, input, output, flags));
            }
        }
    }

    /** The feature version of the child JVMs' Java. */
    private int javaFeature() {
        if (jvm == null || jvm.equals(JavaHomes.current())) return Runtime.version().feature();
        Path home = Path.of(javaLauncher).getParent().getParent();
        String v = JavaHomes.featureVersion(home);
        return v == null ? Runtime.version().feature() : Integer.parseInt(v);
    }

    /** The flags every child JVM shares, whatever its engine (and the key of the archives), the user's options last. */
    private List<String> childFlags() {
        return childFlags(JvmFlags.JIT);
    }

    /**
     * The flags of a child JVM running {@code engine} on {@code data}: Sluice's with the JIT policy its launcher would
     * choose for that input ({@link JvmFlags#jit}), every other engine's with the tiered policy.
     */
    private List<String> childFlags(String engine, Path data) {
        return childFlags(JvmFlags.jitOfChild(engine, data));
    }

    private List<String> childFlags(List<String> jit) {
        List<String> flags = new ArrayList<>();
        flags.addAll(JvmFlags.SPARK);
        flags.addAll(jit);
        flags.addAll(JvmFlags.memory(jvmOpts, Runtime.getRuntime().availableProcessors()));
        flags.addAll(jvmOpts);
        return flags;
    }

    /** Sluice runs on the CLI's class path, as {@code ./sluice} runs it ({@link SluiceClasspath}); the others on this JVM's. */
    private static List<String> childClasspath(String engine) {
        String classpath = System.getProperty("java.class.path");
        return engine.equals("sluice") ? SluiceClasspath.entries(classpath) : JvmArchive.classpathEntries(classpath);
    }

    private List<String> childCommand(Query q, String engine, Path data, Path output, List<String> archiveFlags) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaLauncher);
        cmd.addAll(archiveFlags);
        cmd.addAll(childFlags(engine, data));
        cmd.add("-cp");
        cmd.add(String.join(java.io.File.pathSeparator, childClasspath(engine)));
        cmd.add("dev.sluice.cli.Main");
        cmd.addAll(List.of("bench", q.id(), "--engine", engine, "--input", data.toAbsolutePath().toString(),
                "--output", output.toAbsolutePath().toString(), "--quiet"));
        return cmd;
    }

    private ChildRun runChild(Query q, String engine, int run, Path data) throws IOException, InterruptedException {
        List<String> cmd = childCommand(q, engine, data, outDir.resolve(q.id() + "-" + engine),
                archives == null ? List.of() : archives.useFlags(key(q, engine)));
        Path log = outDir.resolve("logs").resolve(q.id() + "-" + engine + "-" + run + ".log");
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        Map<String, String> lines = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                int colon = line.indexOf(": ");
                if (colon > 0) lines.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        int code = p.waitFor();
        if (code != 0) return ChildRun.failed(lastErrorLine(log) + " (exit " + code + ", log " + log + ")");
        return ChildRun.parse(lines);
    }

    private static String lastErrorLine(Path log) throws IOException {
        String found = "no error line";
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith("error: ")) found = line.substring(7);
        }
        return found;
    }

    /** Prints the table; true when every query's digests agree across engines and runs. */
    private boolean printTable(PrintWriter out, List<Query> qs, Map<String, List<ChildRun>> results, Path data) throws IOException {
        out.println();
        out.println("date " + LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + MachineInfo.memoryGib() + " GiB RAM, Java " + (jvm == null ? System.getProperty("java.version") : jvm + " (" + javaLauncher + ")") + ", input " + data
                + " (" + Files.size(data) / (1024 * 1024) + " MiB), medians of " + runs + " run(s); ratio = engine / sluice");
        out.println(archives == null ? "class-data archives: none" : archives.describe("query"));
        out.println(String.format(Locale.ROOT, "%-5s %-7s %9s %7s %10s %9s %7s  %s",
                "query", "engine", "wall_s", "ratio", "startup_s", "rss_mb", "ratio", "result"));
        boolean allAgree = true;
        for (Query q : qs) {
            Digest reference = null;
            for (String e : engines) {
                for (ChildRun r : results.get(key(q, e))) {
                    if (r.ok() && reference == null) reference = r.digest();
                }
            }
            List<ChildRun> base = results.get(key(q, "sluice"));
            double baseWall = base == null ? Double.NaN : Stats.median(walls(base));
            double baseRss = base == null ? Double.NaN : Stats.median(rss(base));
            for (String e : engines) {
                List<ChildRun> rs = results.get(key(q, e));
                if (rs.isEmpty() || !rs.get(0).ok()) {
                    out.println(String.format(Locale.ROOT, "%-5s %-7s %9s %7s %10s %9s %7s  %s", q.id(), e, "-", "-", "-", "-", "-",
                            "failed: " + (rs.isEmpty() ? "not run" : rs.get(0).failure())));
                    continue;
                }
                boolean agree = true;
                for (ChildRun r : rs) agree &= r.ok() && r.digest().agrees(reference);
                allAgree &= agree;
                double wall = Stats.median(walls(rs));
                double rss = Stats.median(rss(rs));
                List<Double> startups = new ArrayList<>();
                for (ChildRun r : rs) if (r.ok()) startups.add(r.startupSeconds());
                out.println(String.format(Locale.ROOT, "%-5s %-7s %9.2f %7s %10.2f %9.0f %7s  %s", q.id(), e, wall, ratio(wall, baseWall),
                        Stats.median(startups), rss, ratio(rss, baseRss), agree ? "ok " + rs.get(0).digest() : "DIFFERS " + rs.get(0).digest()));
            }
        }
        return allAgree;
    }

    private static String ratio(double value, double base) {
        if (Double.isNaN(value) || Double.isNaN(base) || base <= 0) return "-";
        return String.format(Locale.ROOT, "%.2fx", value / base);
    }

    private static List<Double> walls(List<ChildRun> rs) {
        List<Double> out = new ArrayList<>();
        for (ChildRun r : rs) if (r.ok()) out.add(r.wallSeconds());
        return out;
    }

    private static List<Double> rss(List<ChildRun> rs) {
        List<Double> out = new ArrayList<>();
        for (ChildRun r : rs) if (r.ok() && r.peakRssMb() >= 0) out.add((double) r.peakRssMb());
        return out;
    }
}
