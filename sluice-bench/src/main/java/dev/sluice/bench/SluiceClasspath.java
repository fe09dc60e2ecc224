package dev.sluice.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class path of a child JVM that runs Sluice ({@code bench compare}, {@code bench memory}): the CLI's own (its
 * jar and the jars of its {@code lib}, as {@code ./sluice} runs it), this module's jar and DuckDB's driver (M3's
 * digest reads the files back with it), not this module's whole class path with Spark and Hadoop. Sluice is then
 * measured as its launcher runs it. With Spark's ~170 jars on the class path:
 * <ul>
 *   <li>the JVM keeps the central directory of every jar it has opened, and the engine's service lookups open every
 *       jar: about 13 MB of byte arrays live for the whole run (a fifth of a 64 MiB heap; M4 at 1M rows: 17–19 full
 *       collections with the whole class path, 2–3 with this one), and more resident memory in every query;</li>
 *   <li>SLF4J finds Spark's Log4j 2 binding, so the first Parquet writer (parquet-java's classes take an SLF4J
 *       logger) initializes Log4j 2 (plugin scan, configuration) on a worker thread while the other worker waits
 *       for the same class's initialization; the CLI has no binding (SLF4J's no-operation logger).</li>
 * </ul>
 * The entries are listed one by one (the CLI's {@code lib} directory expanded, in name order), never as a wildcard,
 * so that a class-data archive recorded with them matches the run's class path exactly. When the CLI's build is not
 * found beside this module's, the whole class path is kept.
 */
final class SluiceClasspath {
    private SluiceClasspath() {}

    static final String BENCH_JAR = "sluice-bench.jar";

    /** The class path for a Sluice child, from this JVM's {@code java.class.path}. */
    static String of(String benchClasspath) {
        return String.join(File.pathSeparator, entries(benchClasspath));
    }

    /** The entries of {@link #of}. */
    static List<String> entries(String benchClasspath) {
        List<String> all = JvmArchive.classpathEntries(benchClasspath);
        String benchJar = null, duckdb = null;
        for (String e : all) {
            Path name = Path.of(e).getFileName();
            if (name == null) continue;
            if (name.toString().equals(BENCH_JAR)) benchJar = e;
            if (name.toString().startsWith("duckdb_jdbc")) duckdb = e;
        }
        if (benchJar == null || duckdb == null) return all;
        Path target = Path.of(benchJar).toAbsolutePath().getParent();             // sluice-bench/target
        Path root = target.getParent() == null ? null : target.getParent().getParent();
        if (root == null) return all;
        Path cliJar = root.resolve("sluice-cli").resolve("target").resolve("sluice-cli.jar");
        Path cliLib = cliJar.resolveSibling("lib");
        if (!Files.isRegularFile(cliJar) || !Files.isDirectory(cliLib)) return all;
        List<String> out = new ArrayList<>();
        out.add(benchJar);
        out.add(cliJar.toString());
        try (Stream<Path> jars = Files.list(cliLib)) {
            jars.filter(p -> p.getFileName().toString().endsWith(".jar")).map(Path::toString).sorted().forEach(out::add);
        } catch (IOException e) {
            return all;
        }
        out.add(duckdb);
        return out;
    }
}
