package dev.sluice.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The class path of a {@code bench memory} child JVM that runs Sluice: the CLI's own (its jar and {@code lib}, as
 * {@code ./sluice} runs it), this module's jar and DuckDB's driver (M3's digest reads the files back with it), not
 * this module's whole class path with Spark and Hadoop. A JVM keeps the central directory of every jar it has
 * opened, and the engine's service lookups open every jar of the class path: with Spark's ~170 jars that is about
 * 13 MB of byte arrays (plus their index tables) live for the whole run, a fifth of a 64 MiB heap that Sluice run
 * from its own launcher never carries (M4 at 1M rows: 17–19 full collections with the whole class path, 2–3 with
 * this one). When the CLI's build is not found beside this module's, the whole class path is kept.
 */
final class SluiceClasspath {
    private SluiceClasspath() {}

    static final String BENCH_JAR = "sluice-bench.jar";

    /** The class path for a Sluice child, from this JVM's {@code java.class.path}. */
    static String of(String benchClasspath) {
        List<String> entries = List.of(benchClasspath.split(File.pathSeparator));
        String benchJar = null, duckdb = null;
        for (String e : entries) {
            Path name = Path.of(e).getFileName();
            if (name == null) continue;
            if (name.toString().equals(BENCH_JAR)) benchJar = e;
            if (name.toString().startsWith("duckdb_jdbc")) duckdb = e;
        }
        if (benchJar == null || duckdb == null) return benchClasspath;
        Path target = Path.of(benchJar).toAbsolutePath().getParent();             // sluice-bench/target
        Path root = target.getParent() == null ? null : target.getParent().getParent();
        if (root == null) return benchClasspath;
        Path cliJar = root.resolve("sluice-cli").resolve("target").resolve("sluice-cli.jar");
        Path cliLib = cliJar.resolveSibling("lib");
        if (!Files.isRegularFile(cliJar) || !Files.isDirectory(cliLib)) return benchClasspath;
        List<String> out = new ArrayList<>();
        out.add(benchJar);
        out.add(cliJar.toString());
        out.add(cliLib.resolve("*").toString());   // expanded by the java launcher
        out.add(duckdb);
        return String.join(File.pathSeparator, out);
    }
}
